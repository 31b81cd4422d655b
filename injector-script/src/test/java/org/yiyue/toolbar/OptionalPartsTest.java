package org.yiyue.toolbar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

/**
 * The optional parts (reader view, 拼音/繁體 data): fetched on first use only, once; a failed or tampered load is
 * reported in the panel and never runs; each file is checked against the hash the build wrote into the core.
 */
class OptionalPartsTest extends ToolbarPageTest {

    private static final String FAILED = "纯文本阅读：数据未能加载";

    @Test
    void readerViewPartIsLoadedOnFirstUseOnceAndAFailedLoadSaysSoAndCanBeRetried() {
        String requests = "return performance.getEntriesByType('resource').filter(r => r.name.endsWith('/a11y/data/reader.js')).length";
        b.openBar();
        assertEquals(0L, b.js(requests), "nothing of the reader view is fetched before it is used");
        b.openReader();
        assertEquals(1L, b.js(requests));
        assertTrue(b.num("return __yy.shadow().querySelectorAll('.reader .rbody :is(h3,h4,h5,h6)').length") > 0);
        b.click("reader");
        b.openReader();
        assertEquals(1L, b.js(requests), "loaded once per page");
        b.click("reader");

        // a failed load (blocked here; offline or a proxy in real life) opens the dialog with a message, not nothing
        b.openWithToolbar(server.url("/p/second.html"));
        b.d.executeCdpCommand("Network.enable", Map.of());
        b.d.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of("*/a11y/data/reader.js")));
        try {
            b.openReader();
            assertEquals(FAILED, readerText());
            assertEquals("toolbar:H2", b.str("return __yy.active()"), "focus on the dialog's title as on success");
            new Actions(b.d).sendKeys(Keys.ESCAPE).perform();
            assertEquals(0L, b.js("return __yy.shadow().querySelectorAll('.reader').length"));
        } finally {
            b.d.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of()));
        }
        b.openReader();
        assertTrue(b.num("return __yy.shadow().querySelectorAll('.reader .rbody :is(h3,h4,h5,h6)').length") > 0, "a later try loads it");
        b.click("reader");
    }

    @Test
    void readerViewOpeningIsCancelledByResetWhileItsPartLoads() {
        b.openBar();
        withSlowNetwork(() -> {
            b.click("reader");
            b.click("reset");
            b.waitUntil(() -> Boolean.TRUE.equals(b.js("return !!(window.__yiyueA11yData || {}).reader")), "the part arrived");
            b.sleep(300);
            assertEquals(0L, b.js("return __yy.shadow().querySelectorAll('.reader').length"), "no dialog pops up after 重置");
            assertNull(b.rootAttr("data-yiyue-reader"));
        });
    }

    @Test
    void readerViewOpeningIsDroppedWhenTheUserMovesFocusWhileItsPartLoads() {
        b.openBar();
        withSlowNetwork(() -> {
            b.click("reader");
            b.d.findElement(By.id("name")).click(); // the user goes on to fill in the form
            b.waitUntil(() -> Boolean.TRUE.equals(b.js("return !!(window.__yiyueA11yData || {}).reader")), "the part arrived");
            b.sleep(300);
            assertEquals(0L, b.js("return __yy.shadow().querySelectorAll('.reader').length"), "no dialog takes focus from the form");
            assertEquals("name", b.str("return __yy.active()"));
        });
        b.openReader(); // the part is there now: the next press opens at once
        b.click("reader");
    }

    @Test
    void aTamperedPartIsRefusedBecauseTheCoreCarriesItsHash() throws Exception {
        byte[] real = ToolbarServer.class.getClassLoader().getResourceAsStream("META-INF/resources/a11y/data/reader.js").readAllBytes();
        server.replaceAsset("data/reader.js", (new String(real, StandardCharsets.US_ASCII) + "\nwindow.__tampered = 1;\n").getBytes(StandardCharsets.US_ASCII));
        try {
            b.openWithToolbar(server.url("/p/article.html"));
            b.openReader();
            assertEquals(FAILED, readerText());
            assertNull(b.js("return window.__tampered === undefined ? null : 'ran'"), "the altered file did not run");
        } finally {
            server.replaceAsset("data/reader.js", null);
        }
    }

    @Test
    void aToolbarEmbeddedFromAnotherOriginWithSriAndCrossoriginChecksItsPartsToo() throws Exception {
        byte[] real = ToolbarServer.class.getClassLoader().getResourceAsStream("META-INF/resources/a11y/data/reader.js").readAllBytes();
        try (ToolbarServer cdn = ToolbarServer.start()) {
            server.toolbarFrom(cdn.origin());
            // exactly the embedding README gives web teams: the script's own SRI hash and crossorigin
            String sri = new com.fasterxml.jackson.databind.ObjectMapper().readTree(ToolbarServer.class.getClassLoader()
                    .getResourceAsStream("META-INF/resources/a11y/manifest.json")).get("integrity").asText();
            server.scriptAttributes("integrity=\"" + sri + "\" crossorigin=\"anonymous\"");
            b.openWithToolbar(server.url("/p/article.html"));
            b.openReader();
            assertTrue(readerText().contains("办事指南"), readerText());
            assertEquals(List.of(cdn.origin() + "/a11y/data/reader.js"), b.strings("return performance.getEntriesByType('resource')"
                    + ".map(r => r.name).filter(n => n.endsWith('/a11y/data/reader.js'))"), "the part comes from the toolbar's origin");

            cdn.replaceAsset("data/reader.js", (new String(real, StandardCharsets.US_ASCII) + "\nwindow.__tampered = 1;\n").getBytes(StandardCharsets.US_ASCII));
            b.openWithToolbar(server.url("/p/article.html"));
            b.openReader();
            assertEquals(FAILED, readerText(), "tampered file on the other origin refused");
            assertNull(b.js("return window.__tampered === undefined ? null : 'ran'"));

            // without crossorigin the host is not known to share its files: loaded unchecked (as before), still works
            cdn.replaceAsset("data/reader.js", null);
            server.scriptAttributes("");
            b.openWithToolbar(server.url("/p/article.html"));
            b.openReader();
            assertTrue(readerText().contains("办事指南"), readerText());
        } finally {
            server.toolbarFrom("");
        }
    }

    @Test
    void underAPolicyThatTrustsScriptsByNonceOnlyThePartsCarryTheTagsNonce() {
        b.openWithToolbar(server.url("/cspnonce/article.html"));
        b.openReader();
        assertTrue(readerText().contains("办事指南"), "reader part ran under script-src 'nonce-…': " + readerText());
        b.click("reader");
        b.click("caption");
        b.click("pinyin");
        b.js("document.getElementById('title').scrollIntoView({block: 'center'})");
        new Actions(b.d).moveToElement(b.d.findElement(By.id("title"))).perform();
        b.waitUntil(() -> b.num("return __yy.shadow().querySelectorAll('.ctext ruby rt').length") > 0, "pinyin data loaded under the nonce policy");
        assertEquals(List.of(), b.strings("return (window.__csp || []).filter(v => v.includes('/a11y/'))"), "no violation for our files");
        b.click("exit");
    }

    /** Every request answers 1.5 s late while the action runs (DevTools network emulation), so a part is still on its way. */
    private static void withSlowNetwork(Runnable action) {
        b.d.executeCdpCommand("Network.enable", Map.of());
        b.d.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 1500,
                "downloadThroughput", -1, "uploadThroughput", -1));
        try {
            action.run();
        } finally {
            b.d.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 0,
                    "downloadThroughput", -1, "uploadThroughput", -1));
        }
    }

    private static String readerText() {
        return b.str("return __yy.shadow().querySelector('.reader .rbody').textContent");
    }
}
