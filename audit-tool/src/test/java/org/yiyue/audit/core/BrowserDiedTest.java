package org.yiyue.audit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebDriver;
import org.yiyue.audit.browser.BrowserPool;
import org.yiyue.audit.crawl.CrawlOptions;
import org.yiyue.audit.crawl.TestServer;
import org.yiyue.audit.report.AuditReport;
import org.yiyue.audit.report.PageReport;

/**
 * A browser that dies in the middle of a page's audit (Chromium or chromedriver gone, as a loaded machine or a
 * crashing page can make it) loses no page: the page is audited again in a browser that answers, and the pages after
 * it are audited with a browser too — not left with static results only, counted as audited.
 */
class BrowserDiedTest {

    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer();
        for (String p : List.of("a", "b", "c")) {
            server.html("/" + p + ".html", "<!doctype html><html lang=\"zh-CN\"><head><title>" + p + "</title></head>"
                    + "<body><main><h1>" + p + "</h1><p>页面 " + p + "</p><a href=\"/a.html\">首页</a></main></body></html>");
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aBrowserThatDiesMidPageIsReplacedAndThePageAuditedAgain(@TempDir Path out) throws Exception {
        List<URI> seeds = List.of(server.url("/a.html"), server.url("/b.html"), server.url("/c.html"));
        AuditConfig config = new AuditConfig("t", "t", seeds,
                new CrawlOptions(3, 0, true, List.of(), List.of(), Duration.ZERO, 1, false, false), false, 10, 1, List.of(),
                List.of("wcag22-aa"), false, 1, Duration.ofSeconds(30), null, out, List.of("json"), "zh-CN", List.of(), null,
                true, 100, 2, Map.of());
        AtomicBoolean killed = new AtomicBoolean();
        RenderedCapture dies = (WebDriver d, String url) -> {
            if (killed.compareAndSet(false, true)) {
                d.quit(); // the browser dies while the first page is being audited
            }
            return RenderedCapture.DOM_ONLY.capture(d, url);
        };
        AuditReport r;
        try (BrowserPool pool = new BrowserPool()) {
            r = new AuditRunner(config, ProgressListener.NONE, dies, false).browsers(pool).run();
            assertEquals(2, pool.started(), "one browser died, one replaced it");
        }
        assertTrue(killed.get());
        assertEquals(3, r.pages().size());
        for (PageReport p : r.pages()) {
            assertEquals("audited", p.status(), p.url() + ": " + p.detail());
            assertTrue(p.ruleOutcomes().keySet().stream().anyMatch(k -> k.startsWith("axe:")), p.url() + " has axe-core's outcomes");
        }
        assertEquals(List.of(), r.incompletePages());
    }
}
