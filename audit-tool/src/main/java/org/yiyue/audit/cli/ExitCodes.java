package org.yiyue.audit.cli;

/** What the audit and certify commands exit with, for CI. */
public final class ExitCodes {

    /** The audit ran and no --fail-on threshold was crossed. */
    public static final int OK = 0;
    /** The audit ran and a --fail-on threshold was crossed. */
    public static final int THRESHOLD = 1;
    /** Bad command line (picocli's own code for usage errors). */
    public static final int USAGE = 2;
    /** The audit could not run: nothing could be fetched, no browser, an unwritable output folder. */
    public static final int CANNOT_RUN = 3;
    /** Interrupted; pages finished so far are in pages.jsonl (rerun with --resume). */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {
    }
}
