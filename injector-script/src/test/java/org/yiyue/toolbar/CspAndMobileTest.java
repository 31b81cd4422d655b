package org.yiyue.toolbar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.logging.LogEntry;

/** Strict CSP (script-src 'self'; style-src 'self') and a 375 px phone viewport. */
class CspAndMobileTest {

    static ToolbarServer server;

    @BeforeAll
    static void start() {
        server = ToolbarServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everythingWorksUnderAStrictContentSecurityPolicy() {
        try (ToolbarBrowser b = new ToolbarBrowser()) {
            b.forceNoBrowserVoices();
            b.open(server.url("/cspplain/article.html"));
            List<String> pageOwn = b.strings("return window.__csp"); // the test page's own style="" attribute is refused too
            List<String> pageOwnLogs = cspLogs(b).stream().map(m -> m.replace("/cspplain/", "/csp/")).toList();
            b.openWithToolbar(server.url("/csp/article.html"));
            String bg = b.str("return getComputedStyle(document.body).backgroundColor");
            b.click("scheme");
            assertNotEquals(bg, b.str("return getComputedStyle(document.body).backgroundColor"), "page stylesheet applied under CSP");
            for (int i = 0; i < 5; i++) b.click("textUp");
            assertEquals(28.0, b.num("return parseFloat(getComputedStyle(document.getElementById('p1')).fontSize)"), 0.5);
            b.click("cursor");
            b.click("caption");
            b.click("pinyin");
            b.click("help");
            b.click("help");
            b.openReader(); // its part is loaded from data/reader.js under the page's CSP
            b.click("reader");
            b.click("speech");
            b.waitUntil(() -> !server.ttsRequests().isEmpty(), "speech request under CSP");
            b.waitUntil(() -> b.num("return __yy.shadow().querySelectorAll('.caption').length") == 1, "caption");
            assertTrue(b.num("return parseFloat(getComputedStyle(__yy.shadow().querySelector('.launcher')).minHeight)") >= 44,
                    "shadow stylesheet applied under CSP");
            assertEquals(pageOwn, b.strings("return window.__csp"), "no securitypolicyviolation events beyond the page's own");
            List<String> extra = cspLogs(b).stream().filter(m -> !pageOwnLogs.contains(m)).toList();
            assertEquals(List.of(), extra, "no CSP message in the browser log beyond the page's own");
        }
    }

    private static List<String> cspLogs(ToolbarBrowser b) {
        return b.d.manage().logs().get("browser").getAll().stream().map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Refused")).distinct().toList();
    }

    @Test
    void phoneViewportKeepsTargetsLargeAndBodyTextReadable() {
        try (ToolbarBrowser b = new ToolbarBrowser(375, 812)) {
            b.openWithToolbar(server.url("/p/article.html"));
            String minTarget = "return Math.min(...[...__yy.shadow().querySelectorAll('button')].filter(x => x.offsetParent)"
                    + ".map(x => Math.min(x.getBoundingClientRect().width, x.getBoundingClientRect().height)))";
            assertTrue(b.num("const r = __yy.shadow().querySelector('.launcher').getBoundingClientRect(); return Math.min(r.width, r.height)") >= 44);
            b.openBar();
            assertTrue(b.num(minTarget) >= 44, "44 px targets on a phone");
            assertTrue(b.num("return __yy.shadow().querySelector('.bar').getBoundingClientRect().right") <= 375, "bar fits the width");
            assertEquals(0.0, b.num("return document.documentElement.scrollWidth - document.documentElement.clientWidth"), 1.0,
                    "no horizontal scrolling caused by the toolbar");
            b.click("elder");
            assertTrue(b.num(minTarget) >= 60, "60 px targets in 适老模式");
            for (String id : List.of("p1", "p2", "p3")) {
                assertTrue(b.num("return parseFloat(getComputedStyle(document.getElementById(arguments[0])).fontSize)", id) >= 18,
                        "body text >= 18 px in large mode: #" + id);
            }
            double launcherBottom = b.num("return __yy.shadow().querySelector('.launcher').getBoundingClientRect().bottom");
            double firstButtonTop = b.num("return __yy.shadow().querySelector('.bar button').getBoundingClientRect().top");
            assertTrue(firstButtonTop >= launcherBottom - 1, "the launcher does not sit on the toolbar's buttons");
        }
    }
}
