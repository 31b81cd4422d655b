package org.yiyue.audit.browser;

import org.yiyue.audit.core.PageFindings;

/**
 * A check that watches the page over time ({@link AutoplayAudio}, {@link MovingContentCheck}), taken in steps: between
 * two looks the page's own timers and media run, and the audit may use the time for another page in another window
 * of the same browser (the page is "parked"). Waiting in place is: while {@link #nextLookIn} &gt; 0, sleep that long
 * and {@link #look}; then {@link #report}. Each look and the report run with the page's window current.
 */
public interface PageWatch {

    /** Milliseconds until the check looks at the page again (0: it has seen enough, {@link #report} now). */
    long nextLookIn();

    /**
     * About how long until the check has seen enough (at least {@link #nextLookIn} while that is above 0; 0 when it
     * has): what a page parked now would wait.
     */
    long doneIn();

    /** Looks at the page again. */
    void look();

    /** Records the check's findings and outcomes (it may try the page's controls first). */
    void report(PageFindings out);
}
