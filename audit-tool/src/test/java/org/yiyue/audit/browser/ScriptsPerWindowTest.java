package org.yiyue.audit.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.yiyue.audit.crawl.TestServer;

/**
 * The document-start scripts (page recorder, context guard, axe-core's world) belong to one tab: when the driver is
 * left in another window — one the page opened, or the blank window axe-core/selenium's builder opens and leaves
 * current when its finishRun fails — the pages loaded there must get them too, not go unrecorded.
 */
class ScriptsPerWindowTest {

    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer().html("/a.html", "<!doctype html><html lang=\"zh-CN\"><title>a</title><p>a</p></html>");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aPageLoadedInAnotherWindowIsRecordedAndScanned() throws Exception {
        AxeScan scan = new AxeScan(null);
        try (AuditBrowser browser = AuditBrowser.start(true, Duration.ofSeconds(30))) {
            ChromeDriver d = browser.driver();
            assertTrue(PageRecorder.install(d));
            scan.prepare(d);
            d.get(server.url("/a.html").toString());
            assertEquals(Boolean.TRUE, d.executeScript("return !!window.__yiyueRec;"));
            // the driver ends up in a window the first tab opened
            String first = d.getWindowHandle();
            d.executeScript("window.open('about:blank', '_blank');");
            List<String> handles = new ArrayList<>(d.getWindowHandles());
            handles.remove(first);
            d.switchTo().window(handles.get(0));
            assertTrue(PageRecorder.install(d));
            scan.prepare(d);
            d.get(server.url("/a.html").toString());
            assertEquals(Boolean.TRUE, d.executeScript("return !!window.__yiyueRec && !!window.__yiyueContext;"),
                    "the page recorder and the context guard run in the other window's pages");
            long sent = AxeInPage.SENT.get();
            assertFalse(scan.analyze(d).isErrored());
            assertEquals(0, AxeInPage.SENT.get() - sent, "axe-core was there at document start");
        }
    }
}
