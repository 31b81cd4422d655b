package org.yiyue.toolbar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** spec/toolbar.md rows of 文本设置 and 页面设置: turn on, assert the effect, turn off, assert the page is back. */
class TextAndPageControlsTest extends ToolbarPageTest {

    private double fontPx(String id) {
        return b.num("return parseFloat(getComputedStyle(document.getElementById(arguments[0])).fontSize)", id);
    }

    @Test
    void textSizeHasFiveStepsToTwoHundredPercentFromTheRootWithoutInlineStylesOrCompounding() {
        // a size in viewport units, as some portals use for headlines, scales like px
        b.js("const st = document.createElement('style'); st.textContent = '#vwt { font-size: 1.25vw } #vwc { font-size: clamp(12px, 1vw, 40px) }'; document.head.append(st);"
                + "for (const id of ['vwt', 'vwc']) { const p = document.createElement('p'); p.id = id; p.textContent = '视口单位'; document.querySelector('main').append(p); }");
        // a more specific relative size keeps winning over a less specific absolute one, as the page wrote it
        b.js("const st = document.createElement('style'); st.textContent = '#relbox { font-size: 20px } .rel { font-size: 12px } p.rel { font-size: 1.1em }'; document.head.append(st);"
                + "const box = document.createElement('div'); box.id = 'relbox'; box.innerHTML = '<p id=\"rel\" class=\"rel\">相对字号</p>'; document.querySelector('main').append(box);");
        assertEquals(22.0, fontPx("rel"), 0.01, "1.1em of 20px");
        Map<String, Double> before = Map.of("p1", fontPx("p1"), "p2", fontPx("p2"), "p3", fontPx("p3"), "title", fontPx("title"), "name", fontPx("name"),
                "vwt", fontPx("vwt"), "vwc", fontPx("vwc"), "rel", fontPx("rel"));
        String domBefore = b.str("return document.body.innerHTML.replace(/<yiyue-a11y[^>]*><\\/yiyue-a11y>/, '')");
        for (int i = 0; i < 5; i++) {
            b.click("textUp");
        }
        assertEquals("200", b.rootAttr("data-yiyue-text"));
        assertEquals("true", b.button("textUp").getAttribute("aria-disabled"), "no step beyond 200%");
        for (var e : before.entrySet()) {
            assertEquals(2 * e.getValue(), fontPx(e.getKey()), 0.6, "200% for #" + e.getKey() + " (px rule, inline style, em, form control, vw, specific em)");
        }
        assertEquals(before.get("p2") / 12 * 18 * 2, b.num("return parseFloat(getComputedStyle(document.getElementById('p2')).lineHeight)"), 0.6,
                "absolute line-height scales with the text, so lines do not overlap");
        assertEquals(domBefore, b.str("return document.body.innerHTML.replace(/<yiyue-a11y[^>]*><\\/yiyue-a11y>/, '')"),
                "no element got an inline style or wrapper");
        assertEquals(0L, b.js("return document.querySelectorAll('body *:not(yiyue-a11y)[style*=\"calc\"]').length"));
        // no compounding: a DOM update and a re-scan keep the same size
        b.js("const p = document.createElement('p'); p.id = 'added'; p.className = 'small'; p.textContent = '新增内容'; document.querySelector('main').append(p);");
        assertEquals(24.0, fontPx("added"), 0.6);
        b.js("document.head.append(Object.assign(document.createElement('link'), {rel: 'stylesheet', href: '/pages/site.css?again'}));");
        b.click("textDown");
        b.click("textUp");
        assertEquals(2 * before.get("p1"), fontPx("p1"), 0.6, "re-applying 200% does not compound");
        // back
        for (int i = 0; i < 5; i++) {
            b.click("textDown");
        }
        assertNull(b.rootAttr("data-yiyue-text"));
        for (var e : before.entrySet()) {
            assertEquals(e.getValue(), fontPx(e.getKey()), 0.01, "back to original for #" + e.getKey());
        }
    }

    @Test
    void textSizeReachesCrossOriginStylesheetsThatAllowCors() {
        try (ToolbarServer cdn = ToolbarServer.start()) {
            server.page("cdn.html", "<!DOCTYPE html><html lang=\"zh-CN\"><head><!--YIYUE--><meta charset=\"utf-8\"><title>CDN 样式</title>"
                    + "<link rel=\"stylesheet\" href=\"" + cdn.url("/cors/cdn.css") + "\">"
                    + "<link rel=\"stylesheet\" href=\"" + cdn.url("/pages/cdn-private.css") + "\"></head>"
                    + "<body><main><p id=\"shared\" class=\"cdn\">共享样式表</p><p id=\"private\" class=\"nocors\">未共享样式表</p></main></body></html>");
            b.openWithToolbar(server.url("/p/cdn.html"));
            assertEquals(15.0, fontPx("shared"), 0.01);
            assertEquals(13.0, fontPx("private"), 0.01);
            b.js("window[Symbol.for('yiyue.a11y')].set({ text: 200 })");
            b.waitUntil(() -> Math.abs(fontPx("shared") - 30.0) < 0.6, "the CORS-shared CDN sheet's 15px scaled to 30px");
            assertEquals(42.0, b.num("return parseFloat(getComputedStyle(document.getElementById('shared')).lineHeight)"), 0.6);
            // a sheet the other origin does not share cannot be read: left as it is (documented gap), nothing breaks
            assertEquals(13.0, fontPx("private"), 0.01);
            b.js("window[Symbol.for('yiyue.a11y')].set({ text: 100 })");
            assertEquals(15.0, fontPx("shared"), 0.01);
        }
    }

    @Test
    void spacingAndReadableFontAndBack() {
        double lh = b.num("return parseFloat(getComputedStyle(document.getElementById('p1')).lineHeight) || 0");
        String family = b.str("return getComputedStyle(document.getElementById('p1')).fontFamily");
        b.click("spacing");
        assertEquals("true", b.pressed("spacing"));
        double fs = fontPx("p1");
        assertTrue(b.num("return parseFloat(getComputedStyle(document.getElementById('p1')).lineHeight)") >= 1.5 * fs);
        assertEquals(0.12 * fs, b.num("return parseFloat(getComputedStyle(document.getElementById('p1')).letterSpacing)"), 0.2);
        assertEquals(0.16 * fs, b.num("return parseFloat(getComputedStyle(document.getElementById('p1')).wordSpacing)"), 0.2);
        assertTrue(b.num("return parseFloat(getComputedStyle(document.getElementById('p1')).marginBottom)") >= 1.3 * 1.5 * fs,
                "paragraph gap >= 1.3x line");
        b.click("font");
        String newFamily = b.str("return getComputedStyle(document.getElementById('p1')).fontFamily");
        assertTrue(newFamily.contains("Microsoft YaHei") && newFamily.contains("Noto Sans CJK SC"), newFamily);
        assertEquals(0L, b.js("return performance.getEntriesByType('resource').filter(r => /font|woff|ttf/.test(r.name)).length"),
                "system fonts only, nothing downloaded");
        b.click("spacing");
        b.click("font");
        assertEquals("false", b.pressed("spacing"));
        assertEquals(family, b.str("return getComputedStyle(document.getElementById('p1')).fontFamily"));
        assertEquals(lh, b.num("return parseFloat(getComputedStyle(document.getElementById('p1')).lineHeight) || 0"), 0.01);
    }

    @Test
    void pageZoomReflowsUpToTwoHundredPercentWithCssZoom() {
        double width = b.num("return document.getElementById('title').getBoundingClientRect().width");
        for (int i = 0; i < 4; i++) {
            b.click("zoomIn");
        }
        assertEquals("200", b.rootAttr("data-yiyue-zoom"));
        assertEquals("2", b.str("return getComputedStyle(document.body).zoom"));
        assertEquals("none", b.str("return getComputedStyle(document.body).transform"), "not transform: scale");
        assertEquals(0L, ((Number) b.js("return document.documentElement.scrollWidth - document.documentElement.clientWidth")).longValue(),
                "content reflows: no horizontal scrolling at 200% on a 1280px window");
        assertTrue(b.num("return document.getElementById('title').getBoundingClientRect().height") > 0);
        assertTrue(b.num("return __yy.shadow().querySelector('.launcher').getBoundingClientRect().height") < 70,
                "the toolbar itself is not zoomed");
        for (int i = 0; i < 4; i++) {
            b.click("zoomOut");
        }
        assertNull(b.rootAttr("data-yiyue-zoom"));
        assertEquals(width, b.num("return document.getElementById('title').getBoundingClientRect().width"), 0.5);
    }

    @Test
    void fourColourSchemesMeetSevenToOneForTextAndThreeToOneForControls() {
        String originalBg = b.str("return getComputedStyle(document.body).backgroundColor");
        List<String> seen = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            b.click("scheme");
            String scheme = b.rootAttr("data-yiyue-scheme");
            seen.add(scheme);
            for (String id : List.of("p1", "p2", "title", "h-list", "link-guide")) {
                double ratio = b.num("const e = document.getElementById(arguments[0]); return __yy.contrast(getComputedStyle(e).color, __yy.bg(e))", id);
                assertTrue(ratio >= 7, scheme + " text contrast of #" + id + " = " + ratio);
            }
            double input = b.num("const e = document.getElementById('name'); return __yy.contrast(getComputedStyle(e).borderTopColor, __yy.bg(e.parentElement))");
            assertTrue(input >= 3, scheme + " input border " + input);
            assertTrue(b.num("return parseFloat(getComputedStyle(document.getElementById('name')).borderTopWidth)") >= 2);
            assertTrue(!b.str("return getComputedStyle(document.getElementById('link-guide')).color")
                    .equals(b.str("return getComputedStyle(document.getElementById('p1')).color")), "links distinct from text in " + scheme);
            assertEquals("underline", b.str("return getComputedStyle(document.getElementById('link-guide')).textDecorationLine"));
            double selection = b.num("const e = document.querySelector('#p1 *') || document.getElementById('p1'); const s = getComputedStyle(e, '::selection');"
                    + " return __yy.contrast(s.color, s.backgroundColor)");
            assertTrue(selection >= 7, scheme + " selected text contrast " + selection);
            assertEquals(b.str("return getComputedStyle(document.getElementById('p1')).color"),
                    b.str("return getComputedStyle(document.querySelector('#p1 *') || document.getElementById('p1'), '::selection').backgroundColor"),
                    scheme + ": selected text is shown inverted");
            assertEquals(List.of(scheme), b.js("return [...new Set(document.adoptedStyleSheets.flatMap(s => [...s.cssRules])"
                    + ".map(r => r.cssText).join(' ').match(/data-yiyue-scheme=\"[a-z]+\"/g).map(m => m.split('\"')[1]))]"),
                    "only the rules of the scheme in use are adopted");
            b.js("document.getElementById('name').focus()");
            double ring = b.num("const e = document.getElementById('name'); return __yy.contrast(getComputedStyle(e).outlineColor, __yy.bg(e.parentElement))");
            assertTrue(ring >= 3, scheme + " focus ring contrast " + ring);
            assertTrue(b.num("return parseFloat(getComputedStyle(document.getElementById('name')).outlineWidth)") >= 2);
            assertEquals("none", b.str("return getComputedStyle(document.body).filter"), "never a filter on body");
            assertTrue(b.num("const r = document.getElementById('photo').getBoundingClientRect(); return r.width * r.height") > 0
                    && "visible".equals(b.str("return getComputedStyle(document.getElementById('photo')).visibility"))
                    && b.num("return +getComputedStyle(document.getElementById('photo')).opacity") == 1, "images remain visible");
            b.js("document.activeElement.blur()");
        }
        assertEquals(List.of("dark", "light", "yellow", "blue"), seen);
        b.click("scheme");
        assertNull(b.rootAttr("data-yiyue-scheme"));
        assertEquals(originalBg, b.str("return getComputedStyle(document.body).backgroundColor"));
    }

    @Test
    void grayscaleLeavesBodyAndToolbarUnfiltered() {
        b.click("gray");
        assertEquals("true", b.pressed("gray"));
        assertTrue(b.str("const g = __yy.shadow().querySelector('.gray'); return getComputedStyle(g).backdropFilter").contains("grayscale"));
        assertEquals("none", b.str("return getComputedStyle(document.body).filter"));
        assertEquals("none", b.str("return getComputedStyle(document.documentElement).filter"));
        assertTrue(b.num("return +getComputedStyle(__yy.shadow().querySelector('.bar')).zIndex")
                > b.num("return +getComputedStyle(__yy.shadow().querySelector('.gray')).zIndex"), "toolbar above the desaturating layer");
        assertEquals("none", b.str("return getComputedStyle(__yy.shadow().querySelector('.gray')).pointerEvents"));
        b.click("gray");
        assertEquals(0L, b.js("return __yy.shadow().querySelectorAll('.gray').length"));
    }

    @Test
    void bigCursorOnPageLinksInputsAndSameOriginIframe() {
        String frameInputBefore = b.str("return getComputedStyle(document.getElementById('frame').contentDocument.getElementById('fin')).cursor");
        b.click("cursor");
        String body = b.str("return getComputedStyle(document.getElementById('p1')).cursor");
        String link = b.str("return getComputedStyle(document.getElementById('link-guide')).cursor");
        String input = b.str("return getComputedStyle(document.getElementById('name')).cursor");
        String select = b.str("return getComputedStyle(document.getElementById('area')).cursor");
        assertTrue(body.startsWith("url(\"data:image/svg+xml") && body.endsWith("default"), body);
        assertTrue(link.contains("pointer") && !link.equals(body), link);
        assertTrue(input.contains("text") && input.startsWith("url("), input);
        assertTrue(select.contains("pointer"), select);
        assertTrue(body.contains("width%3D'48'") || body.contains("width='48'"), "48px cursor image (2x)");
        b.waitUntil(() -> b.str("return getComputedStyle(document.getElementById('frame').contentDocument.getElementById('flink')).cursor").startsWith("url("),
                "cursor in same-origin iframe");
        b.click("cursor");
        assertEquals("auto", b.str("return getComputedStyle(document.getElementById('p1')).cursor"));
        assertEquals(frameInputBefore, b.str("return getComputedStyle(document.getElementById('frame').contentDocument.getElementById('fin')).cursor"));
    }

    @Test
    void crosshairFollowsThePointerWithoutCatchingIt() {
        b.click("cross");
        new org.openqa.selenium.interactions.Actions(b.d).moveToElement(b.d.findElement(org.openqa.selenium.By.id("p1")), 5, 3).perform();
        double y = b.num("return document.getElementById('p1').getBoundingClientRect().top + document.getElementById('p1').getBoundingClientRect().height / 2 + 3");
        b.waitUntil(() -> Math.abs(b.num("return __yy.shadow().querySelector('.cross-h').getBoundingClientRect().top") - y) < 3, "horizontal line at pointer");
        assertEquals("none", b.str("return getComputedStyle(__yy.shadow().querySelector('.cross-h')).pointerEvents"));
        double c = b.num("const l = getComputedStyle(__yy.shadow().querySelector('.cross-v')); return __yy.contrast(l.borderLeftColor, getComputedStyle(document.body).backgroundColor)");
        assertTrue(c >= 3, "line contrast " + c);
        // the page still receives the click under the line
        b.js("window.__clicked = 0; document.getElementById('p1').addEventListener('click', () => window.__clicked++)");
        new org.openqa.selenium.interactions.Actions(b.d).click().perform();
        assertEquals(1L, b.js("return window.__clicked"));
        b.click("cross");
        assertEquals(0L, b.js("return __yy.shadow().querySelectorAll('.cross-h, .cross-v').length"));
    }

    @Test
    void highlightOutlinesLinksAndHeadings() {
        b.click("hl");
        assertTrue(b.num("return parseFloat(getComputedStyle(document.getElementById('link-guide')).outlineWidth)") >= 2);
        assertEquals("dashed", b.str("return getComputedStyle(document.getElementById('title')).outlineStyle"));
        assertEquals("none", b.str("return getComputedStyle(document.getElementById('p1')).outlineStyle"));
        b.click("hl");
        assertEquals("none", b.str("return getComputedStyle(document.getElementById('title')).outlineStyle"));
        assertFalse(b.str("return document.documentElement.outerHTML").contains("data-yiyue-hl"));
    }
}
