package org.yiyue.audit.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.yiyue.audit.crawl.TestServer;

/**
 * Warm browsers across site audits: a browser given back is handed out again instead of a new Chromium, and what the
 * previous audit left (cookies, local and session storage, extra windows, phone emulation) is gone, as in a fresh one.
 */
class BrowserPoolTest {

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
    void aBrowserGivenBackIsReusedAndStartsClean() {
        try (BrowserPool pool = new BrowserPool()) {
            AuditBrowser first = pool.take(true, Duration.ofSeconds(30));
            ChromeDriver d = first.driver();
            first.cookiesFor(server.url("/a.html"), Map.of()); // as the page auditor does before each page
            d.get(server.url("/a.html").toString());
            d.executeScript("document.cookie = 'left=1; path=/'; localStorage.setItem('left', '1');"
                    + "sessionStorage.setItem('left', '1'); window.open('/a.html', '_blank');");
            // the audit's device emulation goes through the browser's channel (the session reset clears it on)
            first.channel().cdp("Emulation.setDeviceMetricsOverride", AuditBrowser.MOBILE_METRICS);
            assertEquals(2, d.getWindowHandles().size());
            pool.give(first);

            AuditBrowser second = pool.take(true, Duration.ofSeconds(30));
            assertSame(first, second, "the idle browser is handed out again");
            assertEquals(1, pool.started());
            assertEquals(1, d.getWindowHandles().size(), "windows the pages opened are closed");
            d.get(server.url("/a.html").toString());
            assertEquals("", d.executeScript("return document.cookie;"));
            assertNull(d.executeScript("return localStorage.getItem('left');"));
            assertNull(d.executeScript("return sessionStorage.getItem('left');"));
            assertEquals(AuditBrowser.DESKTOP_WIDTH, ((Number) d.executeScript("return window.innerWidth;")).intValue());
            pool.give(second);
        }
    }

    @Test
    void aBrowserThatDiedIsReplaced() {
        try (BrowserPool pool = new BrowserPool()) {
            AuditBrowser first = pool.take(true, Duration.ofSeconds(30));
            first.driver().quit();
            pool.give(first);
            AuditBrowser second = pool.take(true, Duration.ofSeconds(30));
            assertNotSame(first, second);
            assertEquals(2, pool.started());
            second.driver().get(server.url("/a.html").toString());
            assertEquals("a", second.driver().getTitle());
            pool.give(second);
        }
    }

    @Test
    void atCapacityATakeWaitsForABrowserToComeBack() throws Exception {
        try (BrowserPool pool = new BrowserPool(1)) {
            AuditBrowser first = pool.take(true, Duration.ofSeconds(30));
            java.util.concurrent.CompletableFuture<AuditBrowser> next = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> pool.take(true, Duration.ofSeconds(30)));
            Thread.sleep(300);
            assertEquals(false, next.isDone(), "no second browser while the only one is taken");
            pool.give(first);
            AuditBrowser second = next.get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertSame(first, second, "the waiting take gets the browser given back");
            assertEquals(1, pool.started());
            pool.give(second);
        }
    }

    @Test
    void aDiscardedBrowserFreesItsPlace() throws Exception {
        try (BrowserPool pool = new BrowserPool(1)) {
            AuditBrowser first = pool.take(true, Duration.ofSeconds(30));
            java.util.concurrent.CompletableFuture<AuditBrowser> next = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> pool.take(true, Duration.ofSeconds(30)));
            Thread.sleep(300);
            assertEquals(false, next.isDone());
            pool.discard(first);
            assertEquals(false, first.alive(), "discarded means closed");
            AuditBrowser second = next.get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertNotSame(first, second);
            assertEquals(2, pool.started());
            pool.give(second);
        }
    }

    @Test
    void warmBrowsersStartInTheBackgroundAndAreTakenWithoutAnotherStart() throws Exception {
        try (BrowserPool pool = new BrowserPool(2)) {
            pool.warm(5, true, Duration.ofSeconds(30)); // never beyond the capacity
            assertEquals(2, pool.started());
            AuditBrowser a = pool.take(true, Duration.ofSeconds(30));
            AuditBrowser b = pool.take(true, Duration.ofSeconds(30));
            assertNotSame(a, b);
            assertEquals(2, pool.started(), "both takes got a warmed browser");
            a.driver().get(server.url("/a.html").toString());
            assertEquals("a", a.driver().getTitle());
            pool.give(a);
            pool.give(b);
        }
    }
}
