package org.yiyue.toolbar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.yiyue.demo.ReplicaSites;
import org.yiyue.testkit.EmbeddedToolbar;
import org.yiyue.testkit.ReplicaSitesExtension;

/**
 * The toolbar as the replica government sites embed it (first in head, not deferred, data-site, served from this jar): GBK pages, article
 * pages, forms, a CSP site. Speech here takes the browser path: the page reports a zh voice and speak() is recorded.
 */
@ExtendWith(ReplicaSitesExtension.class)
class ReplicaPagesTest {

    static ReplicaSites sites;
    static ToolbarBrowser b;

    @BeforeAll
    static void start(@EmbeddedToolbar ReplicaSites toolbarSites) {
        sites = toolbarSites;
        b = new ToolbarBrowser();
    }

    @AfterAll
    static void stop() {
        b.close();
    }

    private void open(String site, String path) {
        b.open(sites.origin(site) + "/index.html");
        b.clearStorage();
        b.openWithToolbar(sites.origin(site) + path);
    }

    private void recordSpeech() {
        b.js("""
                window.__spoken = [];
                speechSynthesis.getVoices = () => [{ lang: 'zh-CN', name: 'recorder' }];
                speechSynthesis.speak = u => { window.__spoken.push(u.text); setTimeout(() => u.onend && u.onend(), 5); };
                speechSynthesis.cancel = () => {};
                """);
    }

    @Test
    void savedSettingsAreOnTheRootBeforeTheBodyIsParsed() {
        open("portal", "/ywdt/a001.html");
        b.click("textUp");
        b.click("scheme");
        // recorded from document start: the root's attributes at the moment <body> is inserted by the parser
        String probe = (String) b.d.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", java.util.Map.of("source", """
                new MutationObserver((records, observer) => {
                  if (document.body) {
                    window.__atBody = (document.documentElement.getAttribute('data-yiyue-text') || '-') + ' '
                        + (document.documentElement.getAttribute('data-yiyue-scheme') || '-');
                    observer.disconnect();
                  }
                }).observe(document, { childList: true, subtree: true });
                """)).get("identifier");
        try {
            b.openWithToolbar(sites.origin("portal") + "/ywdt/a002.html");
            assertEquals("115 dark", b.str("return window.__atBody"), "no flash of the unstyled page on the next page");
        } finally {
            b.d.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", java.util.Map.of("identifier", probe));
        }
    }

    @Test
    void toolbarLabelsSurviveAGb2312Page() {
        open("zwfw", "/guide/g001.html");
        assertEquals("gb2312", b.str("return document.characterSet").toLowerCase().replace("gbk", "gb2312"));
        assertEquals("无障碍 适老模式", b.launcher().getText().replaceAll("\\s+", " "));
        b.openBar();
        assertEquals("文字放大", b.button("textUp").getText().replaceAll("\\d+%$", "").trim());
    }

    @Test
    void textSizeAndSchemesOnAnArticlePage() {
        open("portal", "/ywdt/a001.html");
        String sample = "return [...document.querySelectorAll('.article-content p, .meta, h1')].map(e => parseFloat(getComputedStyle(e).fontSize))";
        @SuppressWarnings("unchecked")
        List<Number> before = (List<Number>) b.js(sample);
        for (int i = 0; i < 5; i++) b.click("textUp");
        @SuppressWarnings("unchecked")
        List<Number> after = (List<Number>) b.js(sample);
        for (int i = 0; i < before.size(); i++) {
            assertEquals(2 * before.get(i).doubleValue(), after.get(i).doubleValue(), 0.6, "element " + i + " at 200%");
        }
        assertEquals(0.0, b.num("return document.documentElement.scrollWidth - document.documentElement.clientWidth"), 1.0,
                "no horizontal scrolling at 200% text (1280 px window)");
        for (int s = 0; s < 4; s++) {
            b.click("scheme");
            String scheme = b.rootAttr("data-yiyue-scheme");
            List<String> low = b.strings("""
                    return [...document.querySelectorAll('.article-content p, .crumb, .crumb a, h1, .meta, a')].filter(e => e.getClientRects().length)
                      .map(e => [e.tagName + '.' + e.className, __yy.contrast(getComputedStyle(e).color, __yy.bg(e))])
                      .filter(x => x[1] < 7).map(x => x[0] + ' ' + x[1].toFixed(2))""");
            assertEquals(List.of(), low, scheme + ": sampled text below 7:1");
        }
        b.click("reset");
        assertNull(b.rootAttr("data-yiyue-scheme"));
        assertEquals(before, b.js(sample));
    }

    /** Text in every same-origin frame: [frame src, text, contrast ratio, font size]. */
    static final String FRAME_TEXT = """
            const out = [];
            for (const f of document.querySelectorAll('iframe')) {
              const d = f.contentDocument; if (!d || !d.body) continue;
              const w = d.defaultView;
              const bg = e => { for (; e; e = e.parentElement) { const c = w.getComputedStyle(e).backgroundColor; const a = __yy.rgb(c); if (a.length < 4 || a[3] > 0) return c; } return __yy.bg(f); }; // a transparent frame shows the page behind it
              const walker = d.createTreeWalker(d.body, NodeFilter.SHOW_TEXT);
              for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                if (!n.data.trim()) continue;
                const p = n.parentElement, cs = w.getComputedStyle(p);
                out.push([f.getAttribute('src'), n.data.trim().slice(0, 12), __yy.contrast(cs.color, bg(p)), parseFloat(cs.fontSize)]);
              }
            }
            return out;
            """;

    @SuppressWarnings("unchecked")
    private List<List<Object>> frameText() {
        return (List<List<Object>>) b.js(FRAME_TEXT);
    }

    @Test
    void sameOriginFramesGetTheSchemeAndTextSizeAlsoFramesAddedLater() {
        open("zwfw", "/index.html");
        List<List<Object>> plain = frameText();
        assertTrue(plain.size() >= 2, "the 今日天气 frame's text: " + plain);
        b.click("textUp");
        for (int s = 0; s < 4; s++) {
            b.click("scheme");
            String scheme = b.rootAttr("data-yiyue-scheme");
            if (s == 1) { // a frame added after load (a widget inserted by script)
                b.js("const f = document.createElement('iframe'); f.src = '/widget/weather.html'; f.id = 'later'; document.body.append(f);");
                b.waitUntil(() -> frameText().stream().filter(x -> "/widget/weather.html".equals(x.get(0))).count() >= 2 * plain.size(), "later frame loaded");
            }
            b.waitUntil(() -> frameText().stream().allMatch(x -> ((Number) x.get(2)).doubleValue() >= 7), scheme + ": frame text >= 7:1 " + frameText());
        }
        for (List<Object> x : frameText()) {
            assertEquals(13 * 1.15, ((Number) x.get(3)).doubleValue(), 0.6, "frame text at 115 %: " + x);
        }
        b.click("reset");
        assertTrue(frameText().stream().allMatch(x -> ((Number) x.get(3)).doubleValue() == 13), "reset reaches the frames: " + frameText());
        // a frame from another site is left alone and named in 说明
        String other = sites.origin("yth") + "/index.html";
        b.js("const f = document.createElement('iframe'); f.src = arguments[0]; document.body.append(f);", other);
        b.waitUntil(() -> Boolean.TRUE.equals(b.js("const f = document.querySelector('iframe[src^=\"http\"]'); try { return !f.contentDocument; } catch (e) { return true; }")), "cross-origin frame loaded");
        b.click("help");
        assertEquals(List.of(other), b.strings("return [...__yy.shadow().querySelectorAll('.frames-list li')].map(li => li.textContent)"));
        assertTrue(b.str("return __yy.shadow().querySelector('.frames-note').textContent").contains("其他网站"));
        b.click("help");
    }

    /** On a phone (375×812) every control of every group is on screen when its group's tab is chosen: no hidden scrolling. */
    @Test
    void onAPhoneEveryControlIsReachableWithoutHiddenScrolling() {
        b.d.executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of("width", 375, "height", 812, "deviceScaleFactor", 1, "mobile", true));
        try {
            for (String path : List.of("/m/index.html", "/m/a001.html")) {
                open("portal", path);
                for (boolean elder : new boolean[] {false, true}) {
                    b.openBar();
                    if (elder) {
                        b.shadow().findElement(By.cssSelector(".tabs [data-tab='control']")).click();
                        b.button("elder").click();
                    }
                    List<String> tabs = b.strings("return [...__yy.shadow().querySelectorAll('.tabs [role=tab]')].map(t => t.dataset.tab)");
                    assertEquals(6, tabs.size(), "one tab per group");
                    java.util.Set<String> seen = new java.util.TreeSet<>();
                    for (String tab : tabs) {
                        b.shadow().findElement(By.cssSelector(".tabs [data-tab='" + tab + "']")).click();
                        List<String> off = b.strings("""
                                const bar = __yy.shadow().querySelector('.bar');
                                const out = bar.scrollHeight > bar.clientHeight + 1 ? ['bar scrolls inside: ' + bar.scrollHeight + ' > ' + bar.clientHeight] : [];
                                for (const x of bar.querySelectorAll('button')) {
                                  if (!x.offsetParent) continue;
                                  const r = x.getBoundingClientRect();
                                  if (r.top < 0 || r.left < 0 || r.bottom > innerHeight || r.right > innerWidth) out.push(x.textContent + ' ' + Math.round(r.bottom));
                                }
                                return out;""");
                        assertEquals(List.of(), off, path + (elder ? " 适老" : "") + " tab " + tab + ": controls off screen");
                        seen.addAll(b.strings("return [...__yy.shadow().querySelectorAll('.bar [data-id]')].filter(x => x.offsetParent).map(x => x.dataset.id)"));
                    }
                    assertEquals(b.num("return __yy.shadow().querySelectorAll('.bar [data-id]').length"), seen.size(), 0.0, "every control shown by some tab");
                }
                b.js("window[Symbol.for('yiyue.a11y')].exit()");
            }
        } finally {
            b.d.executeCdpCommand("Emulation.clearDeviceMetricsOverride", java.util.Map.of());
        }
    }

    @Test
    void readerViewListsTheArticlesHeadingsAndLinks() {
        open("portal", "/ywdt/a001.html");
        List<String> headings = b.strings("return [...document.querySelectorAll('h1, h2, h3')].filter(h => h.checkVisibility()).map(h => h.textContent.trim())");
        List<String> links = b.strings("return [...document.querySelectorAll('.crumb a, .article a[href]:not([href^=\"javascript\"])')].map(a => a.textContent.trim()).filter(Boolean)");
        b.openReader();
        List<String> rHeadings = b.strings("return [...__yy.shadow().querySelectorAll('.rbody :is(h3,h4,h5,h6)')].map(h => h.textContent)");
        List<String> rLinks = b.strings("return [...__yy.shadow().querySelectorAll('.rbody a')].map(a => a.textContent)");
        assertTrue(rHeadings.containsAll(headings), rHeadings + " vs " + headings);
        assertTrue(rLinks.containsAll(links), rLinks + " vs " + links);
        String text = b.str("return __yy.shadow().querySelector('.rbody').innerText");
        assertTrue(text.contains("[图片：图片]") && text.contains("擦亮客家文化品牌"), text);
        b.click("reader");
    }

    @Test
    void continuousReadingCoversAllBodyTextOfTheArticle() {
        open("portal", "/ywdt/a001.html");
        recordSpeech();
        b.js("document.activeElement.blur()");
        b.click("read");
        b.waitUntil(() -> "false".equals(b.pressed("read")), "reading ran to the end");
        String spoken = String.join("", b.strings("return window.__spoken")).replaceAll("\\s+", "");
        List<String> paragraphs = b.strings("return [...document.querySelectorAll('.article h1, .article-content p')].map(p => p.textContent.replace(/\\s+/g, '')).filter(Boolean)");
        assertTrue(paragraphs.size() >= 5);
        for (String p : paragraphs) {
            assertTrue(spoken.contains(p), "spoken: " + p);
        }
        assertTrue(spoken.indexOf(paragraphs.get(1)) < spoken.indexOf(paragraphs.get(paragraphs.size() - 1)), "reading order");
        assertTrue(!spoken.contains("河源市人民政府门户网站首页") || spoken.indexOf(paragraphs.get(0)) == 0, "starts at the article, not the site header");
    }

    @Test
    void pointToReadAndCaptionOnAFormPage() {
        open("portal", "/hdjl/feedback.html");
        recordSpeech();
        b.click("point");
        b.click("speech");
        b.click("caption");
        b.click("cursor");
        var input = b.d.findElement(By.cssSelector("form input[type=text], form input:not([type])"));
        b.js("arguments[0].scrollIntoView({block: 'center'})", input);
        new Actions(b.d).moveToElement(input).perform();
        b.waitUntil(() -> b.strings("return window.__spoken").stream().anyMatch(t -> t.startsWith("输入框：")), "input announced: " + b.strings("return window.__spoken"));
        b.waitUntil(() -> b.str("return __yy.shadow().querySelector('.ctext').textContent").startsWith("输入框："), "caption shows it");
        assertTrue(b.str("return getComputedStyle(arguments[0]).cursor", input).startsWith("url(\"data:image/svg+xml"));
        b.click("exit");
    }

    @Test
    void theCspSiteShowsNoViolationsWithTheToolbarInUse() {
        open("gcjs", "/index.html");
        String policy = b.str("const x = new XMLHttpRequest(); x.open('GET', location.href, false); x.send(); return x.getResponseHeader('Content-Security-Policy')");
        assertTrue(policy != null && policy.contains("script-src 'self'") && policy.contains("style-src 'self'"), "gcjs is served with a strict CSP: " + policy);
        b.d.manage().logs().get("browser"); // drop earlier entries
        b.click("scheme");
        b.click("textUp");
        b.click("help");
        b.click("caption");
        b.click("pinyin");
        b.openReader();
        b.click("reader");
        b.click("exit");
        List<String> logs = b.d.manage().logs().get("browser").getAll().stream().map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Refused")).toList();
        assertEquals(List.of(), logs, "CSP messages while using the toolbar on gcjs");
    }
}
