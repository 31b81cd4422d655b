package org.yiyue.audit.browser;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Warm browsers shared by the site audits of one run ({@code certify} audits four sites one after another, the
 * benchmark too): a worker takes a browser for its site and gives it back at the end; the next site's worker gets it
 * {@linkplain AuditBrowser#reset(Duration) reset} instead of starting another Chromium (seconds each on a loaded
 * machine). A browser that no longer answers is closed, not kept. Closing the pool closes the browsers it holds.
 */
public final class BrowserPool implements AutoCloseable {

    private final Deque<AuditBrowser> idle = new ArrayDeque<>();
    private boolean closed;
    private int started;

    /** A browser from the pool (reset for the new audit), or a newly started one when none is idle. */
    public AuditBrowser take(boolean loopbackOnly, Duration pageTimeout) {
        while (true) {
            AuditBrowser b;
            synchronized (this) {
                if (closed) {
                    throw new IllegalStateException("browser pool closed");
                }
                b = idle.stream().filter(x -> x.loopbackOnly() == loopbackOnly).findFirst().orElse(null);
                if (b == null) {
                    started++;
                    break;
                }
                idle.remove(b);
            }
            try {
                b.reset(pageTimeout);
                return b;
            } catch (RuntimeException e) {
                b.close(); // a browser that died between audits: try the next one, or start one
            }
        }
        return AuditBrowser.start(loopbackOnly, pageTimeout);
    }

    /** Returns a browser after an audit; it is reset when taken again. */
    public void give(AuditBrowser browser) {
        synchronized (this) {
            if (!closed) {
                idle.push(browser);
                return;
            }
        }
        browser.close();
    }

    /** How many browsers this pool started (the rest of the takes were warm). */
    public synchronized int started() {
        return started;
    }

    @Override
    public void close() {
        List<AuditBrowser> all;
        synchronized (this) {
            closed = true;
            all = new ArrayList<>(idle);
            idle.clear();
        }
        all.forEach(AuditBrowser::close);
    }
}
