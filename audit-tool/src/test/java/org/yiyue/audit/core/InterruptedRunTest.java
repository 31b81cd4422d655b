package org.yiyue.audit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.yiyue.audit.crawl.CrawlOptions;
import org.yiyue.audit.report.AuditReport;
import org.yiyue.audit.report.PageReport;
import org.yiyue.demo.ReplicaSites;
import org.yiyue.testkit.ReplicaSitesExtension;

/** A run that dies half-way keeps every finished page in pages.jsonl, and --resume finishes only the rest. */
@ExtendWith(ReplicaSitesExtension.class)
class InterruptedRunTest {

    private static AuditConfig config(URI start, Path out) {
        return new AuditConfig("zwfw", "zwfw", List.of(start),
                new CrawlOptions(6, 1, true, List.of(), List.of(), Duration.ZERO, 2, true, true), false, 10, 1, List.of(),
                List.of("wcag22-aa"), true, 1, Duration.ofSeconds(10), null, out, List.of("json"), "zh-CN", List.of(), null,
                true, 100, 0, Map.of());
    }

    @Test
    void finishedPagesSurviveAndResumeSkipsThem(ReplicaSites sites, @TempDir Path out) throws Exception {
        URI start = URI.create(sites.origin("zwfw") + "/index.html");
        ProgressListener dies = new ProgressListener() {
            @Override
            public void pageDone(PageReport page, int done, int total) {
                if (done == 2) {
                    throw new IllegalStateException("simulated crash after two pages");
                }
            }
        };
        assertThrows(IllegalStateException.class, () -> new AuditRunner(config(start, out), dies, RenderedCapture.DOM_ONLY, false).run());
        List<String> lines = Files.readAllLines(out.resolve(ResultStore.FILE));
        assertEquals(2, lines.size(), "both finished pages were written before the crash");
        assertEquals(2, ResultStore.read(out).size());

        AtomicInteger resumed = new AtomicInteger(-1);
        AtomicInteger audited = new AtomicInteger();
        ProgressListener counts = new ProgressListener() {
            @Override
            public void started(int total, int alreadyDone) {
                resumed.set(alreadyDone);
            }

            @Override
            public void pageDone(PageReport page, int done, int total) {
                audited.incrementAndGet();
            }
        };
        AuditReport r = new AuditRunner(config(start, out), counts, RenderedCapture.DOM_ONLY, true).run();
        assertEquals(2, resumed.get());
        assertEquals(4, audited.get(), "only the four pages left were audited");
        assertEquals(6, r.pages().size());
        assertEquals(6, Files.readAllLines(out.resolve(ResultStore.FILE)).size());
    }
}
