package org.yiyue.toolbar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** spec/toolbar.md rows of 控制设置 and 查看模式. */
class ControlAndViewTest extends ToolbarPageTest {


    private static final String ROOT_ATTRS = "return [...document.documentElement.attributes].map(a => a.name).filter(n => n.startsWith('data-yiyue')).join(',')";

    @Test
    void launcherIsANamedButtonAtTopRightThatCoversNoPageControl() {
        WebElement launcher = b.launcher();
        assertEquals("button", launcher.getTagName());
        assertEquals("无障碍 适老模式", launcher.getText().replaceAll("\\s+", " "));
        assertEquals("false", launcher.getAttribute("aria-expanded"));
        assertEquals("BODY", b.str("return document.querySelector('yiyue-a11y').parentElement.nodeName"));
        assertEquals(0L, b.js("return [...document.body.children].indexOf(document.querySelector('yiyue-a11y'))"), "first in <body>");
        assertTrue(b.num("return innerWidth - __yy.shadow().querySelector('.launcher').getBoundingClientRect().right") < 40, "right edge");
        String overlaps = """
                const l = __yy.shadow().querySelector('.launcher').getBoundingClientRect();
                return [...document.querySelectorAll('a[href], button, input, select')].filter(e => { const r = e.getBoundingClientRect();
                  return r.width && r.right > l.left && r.left < l.right && r.bottom > l.top && r.top < l.bottom; }).map(e => e.textContent).join(',');
                """;
        assertEquals("", b.str(overlaps), "the header links at top right stay uncovered");
        assertTrue(b.num("return __yy.shadow().querySelector('.launcher').getBoundingClientRect().top") < 200);
        launcher.click();
        assertEquals("true", b.launcher().getAttribute("aria-expanded"));
        server.scriptAttributes("data-position=\"bottom-left\"");
        b.openWithToolbar(server.url("/p/second.html"));
        assertTrue(b.num("return __yy.shadow().querySelector('.launcher').getBoundingClientRect().left") < 40);
        assertTrue(b.num("return innerHeight - __yy.shadow().querySelector('.launcher').getBoundingClientRect().bottom") < 80);
    }

    @Test
    void toolbarHasRoleLabelRealButtonsStatesFocusRingAndLargeTargets() {
        b.openBar();
        assertEquals("toolbar", b.str("return __yy.shadow().querySelector('.bar').getAttribute('role')"));
        assertEquals("无障碍工具栏", b.str("return __yy.shadow().querySelector('.bar').getAttribute('aria-label')"));
        List<String> bad = b.strings("""
                return [...__yy.shadow().querySelectorAll('.bar [data-id]')].filter(x => x.nodeName !== 'BUTTON' || !x.textContent.trim()
                  || !x.hasAttribute('aria-keyshortcuts')).map(x => x.dataset.id)""");
        assertEquals(List.of(), bad);
        for (String id : List.of("elder", "spacing", "font", "gray", "cursor", "cross", "speech", "reader", "care", "point", "read", "caption", "pinyin", "trad", "hl")) {
            assertTrue(List.of("true", "false").contains(b.pressed(id)), id + " has aria-pressed");
        }
        assertEquals("false", b.button("help").getAttribute("aria-expanded"));
        assertTrue(b.num("return Math.min(...[...__yy.shadow().querySelectorAll('button')].filter(x => x.offsetParent).map(x => Math.min(x.getBoundingClientRect().width, x.getBoundingClientRect().height)))") >= 44);
        // keyboard focus shows a ring >= 2px with >= 3:1 against the bar
        b.launcher().sendKeys(Keys.TAB);
        assertEquals("toolbar:elder", b.str("return __yy.active()"));
        double width = b.num("return parseFloat(getComputedStyle(__yy.shadow().activeElement).outlineWidth)");
        double ratio = b.num("const a = __yy.shadow().activeElement; return __yy.contrast(getComputedStyle(a).outlineColor, getComputedStyle(__yy.shadow().querySelector('.bar')).backgroundColor)");
        assertTrue(width >= 2 && ratio >= 3, "focus ring " + width + "px " + ratio + ":1");
        b.click("elder");
        assertTrue(b.num("return Math.min(...[...__yy.shadow().querySelectorAll('button')].filter(x => x.offsetParent).map(x => Math.min(x.getBoundingClientRect().width, x.getBoundingClientRect().height)))") >= 60,
                "60x60 in 适老模式");
        b.click("elder");
    }

    @Test
    void topBarPushesContentDownAndFocusIsNeverHiddenBehindIt() {
        double before = b.num("return document.querySelector('header').getBoundingClientRect().top");
        b.openBar();
        b.waitUntil(() -> b.num("return parseFloat(getComputedStyle(document.documentElement).paddingTop)") > 40, "padding-top");
        double bar = b.num("return __yy.shadow().querySelector('.bar').getBoundingClientRect().bottom");
        assertEquals(bar, b.num("return parseFloat(getComputedStyle(document.documentElement).paddingTop)"), 1.0);
        assertTrue(b.num("return document.querySelector('header').getBoundingClientRect().top") >= bar - 1, "header below the bar, not under it");
        assertTrue(b.num("return parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop)") >= bar);
        // put #name right under the bar, then Tab onto it from the previous control
        b.js("document.getElementById('link-guide').focus(); const r = document.getElementById('name').getBoundingClientRect(); window.scrollBy(0, r.top - 20);");
        new Actions(b.d).sendKeys(Keys.TAB).perform();
        assertEquals("name", b.str("return document.activeElement.id"));
        b.waitUntil(() -> b.num("return document.getElementById('name').getBoundingClientRect().top") >= bar, "focused input not obscured by the bar");
        b.launcher().click();
        assertEquals(0.0, b.num("return parseFloat(getComputedStyle(document.documentElement).paddingTop)"));
        b.js("window.scrollTo(0, 0)");
        assertEquals(before, b.num("return document.querySelector('header').getBoundingClientRect().top"), 0.5);
    }

    @Test
    void elderModeSaysWhatItTurnedOnShownAndSpoken() {
        b.click("elder");
        String note = b.str("const n = __yy.shadow().querySelector('.note'); return n.hidden ? '' : n.getAttribute('role') + ' ' + n.textContent");
        assertEquals("status 适老模式已开启：文字 150%、配色 黑底白字、大鼠标、声音、指读、大按钮", note);
        assertTrue(b.num("return __yy.shadow().querySelector('.note').getBoundingClientRect().height") > 20, "visible");
        b.waitUntil(() -> server.ttsRequests().stream().anyMatch(r -> r.text().startsWith("适老模式已开启：文字 150%")), "spoken (speech is part of the bundle): " + server.ttsRequests());
        b.click("elder");
        assertEquals("适老模式已关闭，已恢复之前的设置", b.str("return __yy.shadow().querySelector('.note').textContent"));
    }

    @Test
    void escapeInTheToolbarClosesTheCaptionPanelFirst() {
        b.click("caption");
        assertEquals(1L, b.js("return __yy.shadow().querySelectorAll('.caption').length"));
        b.button("caption").sendKeys(Keys.ESCAPE);
        assertEquals(0L, b.js("return __yy.shadow().querySelectorAll('.caption').length"), "大字幕 closed by Esc");
        assertEquals("false", b.pressed("caption"));
        assertEquals("toolbar:caption", b.str("return __yy.active()"), "focus stays on its button");
        b.button("caption").sendKeys(Keys.ESCAPE);
        assertEquals("true", b.str("return __yy.shadow().querySelector('.bar').hidden ? 'true' : 'false'"), "then Esc closes the toolbar");
    }

    @Test
    void elderModeIsOneActionOnAndOneActionOff() {
        b.click("scheme"); // user had chosen 黑底白字 before
        b.click("elder");
        assertEquals("true", b.pressed("elder"));
        assertEquals("150", b.rootAttr("data-yiyue-text"));
        assertEquals("dark", b.rootAttr("data-yiyue-scheme"));
        assertEquals("", b.rootAttr("data-yiyue-cursor"));
        assertEquals("true", b.pressed("speech"));
        assertEquals("true", b.pressed("point"));
        assertEquals(21.0, b.num("return parseFloat(getComputedStyle(document.getElementById('p1')).fontSize)"), 0.5);
        b.click("elder");
        assertEquals("false", b.pressed("elder"));
        assertNull(b.rootAttr("data-yiyue-text"));
        assertEquals("dark", b.rootAttr("data-yiyue-scheme"), "the user's own choice comes back");
        assertNull(b.rootAttr("data-yiyue-cursor"));
        assertEquals("false", b.pressed("speech"));
        assertEquals("false", b.pressed("point"));
    }

    @Test
    void resetRestoresEveryDefaultWithoutReload() {
        b.js("window.__noReload = 1");
        for (String id : List.of("textUp", "spacing", "font", "zoomIn", "scheme", "gray", "cursor", "cross", "hl", "caption", "guide", "speech")) {
            b.click(id);
        }
        assertTrue(b.str(ROOT_ATTRS).split(",").length >= 8);
        b.click("reset");
        assertEquals("data-yiyue-open", b.str(ROOT_ATTRS), "only the open bar remains");
        assertEquals(1L, b.js("return window.__noReload"));
        assertEquals(0L, b.js("return __yy.shadow().querySelectorAll('.gray, .cross-h, .caption, .guide-line').length"));
        assertEquals("false", b.pressed("speech"));
        assertEquals(14.0, b.num("return parseFloat(getComputedStyle(document.getElementById('p1')).fontSize)"), 0.01);
    }

    @Test
    void helpPanelListsEveryFunctionWithItsShortcutInChineseAndEnglish() {
        b.click("help");
        assertEquals("true", b.button("help").getAttribute("aria-expanded"));
        long controls = (Long) b.js("return __yy.shadow().querySelectorAll('.bar button[data-id]').length");
        List<String> keys = b.strings("return [...__yy.shadow().querySelectorAll('.help tbody tr')].map(r => r.cells[2].textContent)");
        assertEquals(controls + 1, keys.size(), "every function plus the launcher");
        assertTrue(keys.stream().allMatch(k -> k.startsWith("Ctrl+Alt+")), keys.toString());
        String text = b.str("return __yy.shadow().querySelector('.help').textContent");
        for (String s : List.of("大字幕", "Captions", "纯文本", "Text only", "连读", "Read aloud", "Ctrl+Alt+Y")) {
            assertTrue(text.contains(s), s);
        }
        double top = b.num("return __yy.shadow().querySelector('.help').getBoundingClientRect().top");
        double right = b.num("return document.documentElement.clientWidth - __yy.shadow().querySelector('.help').getBoundingClientRect().right");
        new Actions(b.d).sendKeys(Keys.ESCAPE).perform();
        assertEquals(0L, b.js("return __yy.shadow().querySelectorAll('.help').length"));
        assertEquals("toolbar:help", b.str("return __yy.active()"));
        b.openWithToolbar(server.url("/p/second.html"));
        b.click("help");
        assertEquals(top, b.num("return __yy.shadow().querySelector('.help').getBoundingClientRect().top"), 1.0, "same place on every page");
        assertEquals(right, b.num("return document.documentElement.clientWidth - __yy.shadow().querySelector('.help').getBoundingClientRect().right"), 1.0);
    }

    @Test
    void exitRevertsEveryChangeAndTheNextPageStaysClosed() {
        for (String id : List.of("textUp", "zoomIn", "scheme", "cursor", "gray", "caption", "speech")) {
            b.click(id);
        }
        b.click("exit");
        assertEquals("", b.str(ROOT_ATTRS));
        assertEquals(0L, b.js("return document.adoptedStyleSheets.length"), "page stylesheet removed");
        assertEquals(true, b.js("return __yy.shadow().querySelector('.bar').hidden"));
        assertEquals("toolbar:launcher", b.str("return __yy.active()"));
        assertEquals(0L, b.js("return __yy.shadow().querySelectorAll('.gray, .caption').length"));
        b.openWithToolbar(server.url("/p/second.html"));
        assertEquals("", b.str(ROOT_ATTRS));
        assertEquals("false", b.launcher().getAttribute("aria-expanded"));
    }

    @Test
    void readerViewLinearisesThePageAndLeavesItAndItsFormStateIntact() {
        b.d.findElement(By.id("name")).sendKeys("张三");
        b.d.findElement(By.id("agree")).click();
        String dom = b.str("return document.body.innerHTML.replace(/<yiyue-a11y[^>]*><\\/yiyue-a11y>/, '')");
        b.openReader();
        assertEquals("dialog", b.str("return __yy.shadow().querySelector('.reader').getAttribute('role')"));
        assertEquals("toolbar:", b.str("return __yy.active()").substring(0, 8));
        String text = b.str("return __yy.shadow().querySelector('.reader .rbody').innerText");
        List<String> headings = b.strings("return [...__yy.shadow().querySelectorAll('.reader .rbody :is(h3,h4,h5,h6)')].map(h => h.textContent)");
        assertTrue(headings.containsAll(List.of("关于开展适老化服务的通知", "服务事项", "收费标准")), headings.toString());
        List<String> links = b.strings("return [...__yy.shadow().querySelectorAll('.reader .rbody a[href]')].map(a => a.textContent + '=' + new URL(a.href).pathname)");
        assertTrue(links.contains("办事指南=/p/second.html") && links.contains("首页=/p/second.html"), links.toString());
        for (String s : List.of("项目：证明开具；费用：免费", "[图片：市民服务中心大厅]", "输入框：姓名，当前值 张三", "复选框：同意条款，已选中",
                "下拉框：区县，当前值 源城区", "社保查询", "请认真贯彻落实！")) {
            assertTrue(text.contains(s), "reader shows " + s + "\n" + text);
        }
        assertFalse(text.contains("photo.svg"));
        assertEquals(dom, b.str("return document.body.innerHTML.replace(/<yiyue-a11y[^>]*><\\/yiyue-a11y>/, '')"), "page untouched underneath");
        new Actions(b.d).sendKeys(Keys.ESCAPE).perform();
        assertEquals(0L, b.js("return __yy.shadow().querySelectorAll('.reader').length"));
        assertEquals("toolbar:reader", b.str("return __yy.active()"));
        assertEquals("张三", b.d.findElement(By.id("name")).getAttribute("value"));
        assertTrue(b.d.findElement(By.id("agree")).isSelected());
        assertNull(b.rootAttr("data-yiyue-reader"));
    }

    @Test
    void careViewIsTheElderBundlePlusHidingTheSitesDeclaredAds() {
        server.scriptAttributes("data-ad-selectors=\".float-ad, ::not-a-selector(, #nothing\"");
        b.openWithToolbar(server.url("/p/article.html"));
        assertEquals("block", b.str("return getComputedStyle(document.getElementById('ad')).display"));
        b.click("care");
        assertEquals("none", b.str("return getComputedStyle(document.getElementById('ad')).display"), "declared ad hidden, bad selector ignored");
        assertEquals("150", b.rootAttr("data-yiyue-text"));
        assertEquals("true", b.pressed("elder"));
        b.click("care");
        assertEquals("block", b.str("return getComputedStyle(document.getElementById('ad')).display"));
        assertEquals("false", b.pressed("elder"));
        assertNull(b.rootAttr("data-yiyue-text"));
    }

    @Test
    void standardViewTurnsEverythingOff() {
        b.click("care");
        b.click("hl");
        b.click("standard");
        assertEquals("data-yiyue-open", b.str(ROOT_ATTRS));
        assertEquals("false", b.pressed("care"));
    }

    @Test
    void englishToolbarByConfigAndByButton() {
        b.click("lang");
        assertEquals("Accessibility", b.launcher().getText());
        assertEquals("Accessibility toolbar", b.str("return __yy.shadow().querySelector('.bar').getAttribute('aria-label')"));
        assertTrue(b.button("textUp").getText().startsWith("Larger text"));
        b.click("lang");
        assertEquals("无障碍 适老模式", b.launcher().getText().replaceAll("\\s+", " "));
        b.clearStorage();
        server.scriptAttributes("data-lang=\"en\"");
        b.openWithToolbar(server.url("/p/second.html"));
        assertEquals("Accessibility", b.launcher().getText());
    }
}
