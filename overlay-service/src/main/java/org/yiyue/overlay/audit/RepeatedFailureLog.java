package org.yiyue.overlay.audit;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logs the failures of something retried every second or two (the claim tick, opening the database): a cause in full,
 * with its stack trace, the first time and whenever it changes; the same cause again as one FINE line; a success after
 * failures as one INFO line. An unavailable database otherwise filled the server log with a stack trace per tick.
 */
final class RepeatedFailureLog {

    private final Logger log;
    private final Level level;
    private final String what;
    /** The message of the failure last logged in full; null when the last attempt succeeded. */
    private String last;

    RepeatedFailureLog(Logger log, Level level, String what) {
        this.log = log;
        this.level = level;
        this.what = what;
    }

    synchronized void failed(Throwable e) {
        String message = String.valueOf(e.getMessage());
        if (message.equals(last)) {
            log.fine(() -> what + ", again: " + message);
        } else {
            last = message;
            log.log(level, what, e);
        }
    }

    synchronized void succeeded() {
        if (last != null) {
            last = null;
            log.info(() -> what + ": works again");
        }
    }
}
