package org.yiyue.audit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** Site audits one after another, the next starting when the one before has handed out its last page. */
class ChainedAuditsTest {

    @Test
    void theNextAuditStartsWhenTheOneBeforeIsDrainedNotWhenItIsDone() throws Exception {
        CountDownLatch secondStarted = new CountDownLatch(1);
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        List<ChainedAudits.SiteAudit<String>> audits = List.of(
                drained -> {
                    events.add("a start");
                    drained.run();
                    // a's last page is still being audited: b must be able to start meanwhile
                    assertTrue(secondStarted.await(10, TimeUnit.SECONDS), "b started while a's last page ran");
                    events.add("a end");
                    return "a";
                },
                drained -> {
                    events.add("b start");
                    secondStarted.countDown();
                    return "b";
                });
        List<String> results = new ArrayList<>();
        ChainedAudits.run(audits, (i, r) -> results.add(i + ":" + r));
        assertEquals(List.of("0:a", "1:b"), results, "results in the audits' order");
        assertEquals(List.of("a start", "b start", "a end"), events);
    }

    @Test
    void anAuditWaitsUntilTheOneBeforeIsDrained() throws Exception {
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        List<ChainedAudits.SiteAudit<String>> audits = List.of(
                drained -> {
                    events.add("a pages");
                    Thread.sleep(200);
                    events.add("a drained");
                    drained.run();
                    return "a";
                },
                drained -> {
                    events.add("b start");
                    return "b";
                },
                drained -> { // c: b never said drained, its end counts
                    events.add("c start");
                    return "c";
                });
        List<String> results = new ArrayList<>();
        ChainedAudits.run(audits, (i, r) -> results.add(r));
        assertEquals(List.of("a", "b", "c"), results);
        assertEquals(List.of("a pages", "a drained", "b start", "c start"), events);
    }

    @Test
    void aFailureIsThrownAfterTheResultsBeforeItAndStopsTheAuditsAfterIt() {
        List<String> results = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch cStarted = new CountDownLatch(1);
        boolean[] cInterrupted = {false};
        List<ChainedAudits.SiteAudit<String>> audits = List.of(
                drained -> "a",
                drained -> {
                    drained.run();
                    assertTrue(cStarted.await(10, TimeUnit.SECONDS));
                    throw new IOException("site b could not be crawled");
                },
                drained -> {
                    cStarted.countDown();
                    try {
                        Thread.sleep(30_000);
                    } catch (InterruptedException e) {
                        cInterrupted[0] = true;
                        throw e;
                    }
                    return "c";
                });
        long t0 = System.nanoTime();
        IOException e = assertThrows(IOException.class, () -> ChainedAudits.run(audits, (i, r) -> results.add(r)));
        assertEquals("site b could not be crawled", e.getMessage());
        assertEquals(List.of("a"), results);
        assertTrue(cInterrupted[0], "the audit after the failed one was stopped");
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(20), "and not waited for");
    }
}
