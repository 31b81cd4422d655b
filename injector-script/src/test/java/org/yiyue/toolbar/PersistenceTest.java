package org.yiyue.toolbar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Settings per site: survive navigation, restored before first paint, never visible on another site. */
class PersistenceTest {

    static ToolbarServer siteA;
    static ToolbarServer siteB;
    static ToolbarBrowser b;

    @BeforeAll
    static void start() {
        siteA = ToolbarServer.start();
        siteB = ToolbarServer.start(); // another origin (port), like another government site
        b = new ToolbarBrowser();
    }

    @AfterAll
    static void stop() {
        b.close();
        siteA.close();
        siteB.close();
    }

    @Test
    void settingsFollowTheUserAcrossPagesOfTheSiteAndStayThere() {
        b.open(siteA.url("/pages/frame.html"));
        b.clearStorage();
        b.openWithToolbar(siteA.url("/p/article.html"));
        b.click("textUp");
        b.click("textUp");
        b.click("scheme");
        b.click("hl");
        b.openWithToolbar(siteA.url("/p/second.html"));
        assertEquals("130", b.rootAttr("data-yiyue-text"));
        assertEquals("dark", b.rootAttr("data-yiyue-scheme"));
        assertEquals(Map.of("text", "130", "scheme", "dark", "body", false),
                Map.of("text", b.str("return __early.text"), "scheme", b.str("return __early.scheme"), "body", b.js("return __early.body")),
                "restored while <head> was still being parsed: before first paint");
        assertEquals(14 * 1.3, b.num("return parseFloat(getComputedStyle(document.getElementById('p1')).fontSize)"), 0.5);
        assertEquals("true", b.launcher().getAttribute("aria-expanded"), "the open bar stays open");
        String stored = b.str("return localStorage.getItem('yiyue-a11y:test')");
        assertTrue(stored.contains("\"text\":130"), stored);
        assertEquals("", b.str("return document.cookie"), "nothing in cookies while localStorage works (never sent to a server)");
        // another site: nothing
        b.openWithToolbar(siteB.url("/p/second.html"));
        assertNull(b.rootAttr("data-yiyue-text"));
        assertNull(b.rootAttr("data-yiyue-scheme"));
        assertEquals("false", b.launcher().getAttribute("aria-expanded"));
        // another data-site on the same origin (the overlay serving several sites): nothing either
        siteA.site("other");
        try {
            b.openWithToolbar(siteA.url("/p/second.html"));
            assertNull(b.rootAttr("data-yiyue-text"));
        } finally {
            siteA.site("test");
        }
        // with defer (how the replica sites and the overlay embed it) the settings still come back, without compounding
        siteA.defer(true);
        try {
            b.openWithToolbar(siteA.url("/p/article.html"));
            assertEquals("130", b.rootAttr("data-yiyue-text"));
            assertEquals(14 * 1.3, b.num("return parseFloat(getComputedStyle(document.getElementById('p1')).fontSize)"), 0.5);
            b.d.navigate().refresh();
            b.openWithToolbar(siteA.url("/p/article.html"));
            assertEquals(14 * 1.3, b.num("return parseFloat(getComputedStyle(document.getElementById('p1')).fontSize)"), 0.5, "no compounding on reload");
        } finally {
            siteA.defer(false);
        }
    }

    @Test
    void cookieFallbackWhenLocalStorageIsUnavailable() {
        try (ToolbarBrowser noStorage = new ToolbarBrowser()) {
            noStorage.d.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                    "Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });"));
            noStorage.openWithToolbar(siteA.url("/p/article.html"));
            noStorage.click("zoomIn");
            assertTrue(noStorage.str("return document.cookie").startsWith("yiyue-a11y-test="));
            noStorage.openWithToolbar(siteA.url("/p/second.html"));
            assertEquals("125", noStorage.rootAttr("data-yiyue-zoom"));
        }
    }
}
