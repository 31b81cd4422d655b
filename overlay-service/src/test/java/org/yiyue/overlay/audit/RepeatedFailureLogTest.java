package org.yiyue.overlay.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

/** A cause met on every retry is logged in full once, a new cause in full again, a recovery once. */
class RepeatedFailureLogTest {

    @Test
    void theSameCauseIsLoggedInFullOnceUntilItChangesOrTheWorkSucceeds() {
        Logger logger = Logger.getLogger("yiyue.test.repeated-" + System.nanoTime());
        logger.setUseParentHandlers(false);
        logger.setLevel(Level.ALL);
        List<String> lines = new ArrayList<>();
        logger.addHandler(new Handler() {
            @Override
            public void publish(LogRecord r) {
                lines.add(r.getLevel() + (r.getThrown() == null ? "" : " +stack"));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        RepeatedFailureLog log = new RepeatedFailureLog(logger, Level.WARNING, "claiming failed");
        for (int tick = 0; tick < 5; tick++) {
            log.failed(new IllegalStateException("Table APP_USER not found"));
        }
        log.failed(new IllegalStateException("connection refused"));
        log.failed(new IllegalStateException("connection refused"));
        log.succeeded();
        log.succeeded();
        log.failed(new IllegalStateException("connection refused"));
        assertEquals(List.of("WARNING +stack", "FINE", "FINE", "FINE", "FINE", // the first cause, then its repeats
                "WARNING +stack", "FINE", // a new cause
                "INFO", // works again (once)
                "WARNING +stack"), lines); // the cause after a success is news again
    }
}
