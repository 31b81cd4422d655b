package org.yiyue.toolbar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.yiyue.toolbar.ToolbarServer.TtsRequest;

/**
 * spec/toolbar.md rows of 语音设置 and 辅助阅读. speechSynthesis is made to report no voices, so every utterance
 * goes to the stub /api/tts, which records text, lang and rate.
 */
class VoiceAndReadingTest extends ToolbarPageTest {


    private List<String> texts() {
        return server.ttsRequests().stream().map(TtsRequest::text).toList();
    }

    private void waitForText(String text) {
        b.waitUntil(() -> texts().contains(text), "TTS request for \"" + text + "\"; got " + texts());
    }

    private void hover(String id) {
        b.js("const r = document.getElementById(arguments[0]).getBoundingClientRect();"
                + "if (r.top < 200 || r.bottom > innerHeight - 200) window.scrollBy(0, r.top - innerHeight / 2)", id);
        new Actions(b.d).moveToElement(b.d.findElement(By.id(id))).perform();
    }

    @Test
    void soundSwitchRateAndVolumeArePersistedAndConfirmedOnlyWhileOn() {
        ToolbarBrowser.sleep(600);
        assertEquals(List.of(), texts(), "nothing spoken on page load");
        b.click("hl");
        ToolbarBrowser.sleep(300);
        assertEquals(List.of(), texts(), "no confirmation while speech is off");
        b.click("speech");
        assertEquals("true", b.pressed("speech"));
        waitForText("声音已开启");
        assertEquals(1.0, server.ttsRequests().get(0).rate());
        assertEquals("zh-CN", server.ttsRequests().get(0).lang());
        b.click("rate");
        assertTrue(b.button("rate").getText().contains("快"), b.button("rate").getText());
        waitForText("语速 快");
        assertEquals(1.4, server.ttsRequests().stream().filter(r -> r.text().equals("语速 快")).findFirst().orElseThrow().rate());
        b.click("rate");
        b.click("rate");
        assertTrue(b.button("rate").getText().contains("中"));
        b.click("volume");
        assertTrue(b.button("volume").getText().contains("25%"), b.button("volume").getText());
        b.click("caption");
        waitForText("大字幕已开启");
        // persisted: a new page of the site starts with the same voice settings, silently
        server.clearTts();
        b.openWithToolbar(server.url("/p/second.html"));
        b.openBar();
        assertEquals("true", b.pressed("speech"));
        assertTrue(b.button("volume").getText().contains("25%"));
        ToolbarBrowser.sleep(400);
        assertFalse(texts().stream().anyMatch(t -> t.contains("开启")), "nothing spoken on load: " + texts());
        b.click("speech");
        assertEquals("false", b.pressed("speech"));
        server.clearTts();
        b.click("hl");
        ToolbarBrowser.sleep(300);
        assertEquals(List.of(), texts());
    }

    @Test
    void pointToReadSpeaksRolePrefixAndAccessibleNameAfterDebounceLatestWins() {
        b.click("point");
        b.click("speech");
        b.js("document.activeElement.blur()");
        hover("link-guide");
        waitForText("链接：办事指南");
        hover("title");
        waitForText("标题：关于开展适老化服务的通知");
        hover("photo");
        waitForText("图片：市民服务中心大厅");
        hover("submit");
        waitForText("按钮：提交申请");
        hover("name");
        waitForText("输入框：姓名");
        // latest wins: pass over a paragraph and settle on a link within the 300 ms debounce
        hover("p3");
        ToolbarBrowser.sleep(500);
        server.clearTts();
        // two pointer arrivals within one script run: well inside the 300 ms debounce even on a loaded machine
        b.js("for (const id of ['p2', 'link-guide']) document.getElementById(id).dispatchEvent(new MouseEvent('mouseover', {bubbles: true, composed: true}));");
        waitForText("链接：办事指南");
        ToolbarBrowser.sleep(400);
        assertFalse(texts().stream().anyMatch(t -> t.contains("本通知")), "the paragraph passed over is never read: " + texts());
        b.click("point");
        server.clearTts();
        hover("title");
        ToolbarBrowser.sleep(500);
        assertFalse(texts().stream().anyMatch(t -> t.startsWith("标题")), "off means off");
    }

    @Test
    void pointToReadAnswersATouchAtOnce() {
        b.click("point");
        b.click("speech");
        hover("photo");
        ToolbarBrowser.sleep(400);
        server.clearTts();
        // a real touch through the browser's input pipeline (DevTools Input.dispatchTouchEvent at the heading's centre):
        // trusted pointer and touch events, as a finger on a phone would make them
        @SuppressWarnings("unchecked")
        List<Number> centre = (List<Number>) b.js("const h = document.getElementById('h-list'); h.scrollIntoView({ block: 'center' });"
                + " const r = h.getBoundingClientRect();"
                + " return [r.left + r.width / 2, r.top + r.height / 2]");
        Map<String, Object> point = Map.of("x", centre.get(0).doubleValue(), "y", centre.get(1).doubleValue());
        b.js("window.__trusted = null; document.addEventListener('pointerdown', e => { window.__trusted = e.isTrusted + ' ' + e.pointerType; }, { once: true, capture: true });");
        long t0 = System.nanoTime();
        b.d.executeCdpCommand("Input.dispatchTouchEvent", Map.of("type", "touchStart", "touchPoints", List.of(point)));
        b.d.executeCdpCommand("Input.dispatchTouchEvent", Map.of("type", "touchEnd", "touchPoints", List.of()));
        assertEquals("true touch", b.str("return window.__trusted"), "the browser made a trusted touch pointerdown");
        waitForText("标题：服务事项");
        assertTrue(server.ttsRequests().size() >= 1);
        System.out.printf("[touch] first request after %d ms%n", (System.nanoTime() - t0) / 1_000_000);
    }

    @Test
    void continuousReadingFollowsTheTextHighlightsEachSentenceAndCanPauseResumeStop() {
        b.d.findElement(By.id("p1")).click(); // the chosen element
        b.click("read");
        assertEquals("true", b.pressed("read"));
        waitForText("各县区人民政府，市直各单位：为方便老年人办事，现就有关事项通知如下。");
        waitForText("请认真贯彻落实！");
        waitForText("本通知自发布之日起施行。");
        List<String> order = texts();
        assertTrue(order.indexOf("请认真贯彻落实！") < order.indexOf("本通知自发布之日起施行。"), "reading order " + order);
        String highlighted = b.str("const h = CSS.highlights.get('yiyue-read'); return h ? [...h][0].toString() : ''");
        assertTrue(order.contains(highlighted.replaceAll("\\s+", " ").trim()), "highlight is a spoken sentence: " + highlighted);
        assertEquals("rgb(255, 212, 0)", b.str("return getComputedStyle(document.querySelector('#p1 *') || document.getElementById('p1'), '::highlight(yiyue-read)').backgroundColor"),
                "the sentence highlight colour reaches the text (inherited from body)");
        assertEquals(0L, b.js("return document.querySelectorAll('main mark, main [data-yiyue], main span').length"), "no text node wrapping");
        b.click("pause");
        assertEquals("true", b.pressed("pause"));
        int n = texts().size();
        ToolbarBrowser.sleep(700);
        assertTrue(texts().size() <= n + 1, "paused: at most the prefetched chunk arrives");
        b.click("pause");
        assertEquals("false", b.pressed("pause"));
        b.waitUntil(() -> texts().size() > n + 1, "resumed reading");
        b.click("read");
        assertEquals("false", b.pressed("read"));
        assertEquals(0L, b.js("return CSS.highlights.has('yiyue-read') ? 1 : 0"));
        int m = texts().size();
        ToolbarBrowser.sleep(600);
        assertTrue(texts().size() <= m + 1, "stopped");
    }

    @Test
    void readingToTheEndCoversAllBodyTextOfTheArticleAndSoundOffStopsAtOnce() {
        b.js("document.activeElement.blur()");
        b.click("rate"); // fast
        b.click("read"); // default start: main content
        waitForText("关于开展适老化服务的通知");
        b.waitUntil(() -> texts().contains("同意条款"), "reading reached the form: " + texts());
        assertTrue(texts().stream().allMatch(t -> server.ttsRequests().stream().filter(r -> r.text().equals(t)).allMatch(r -> r.rate() == 1.4)));
        b.waitUntil(() -> "false".equals(b.pressed("read")), "reading ends by itself");
        server.clearTts();
        b.click("read");
        waitForText("关于开展适老化服务的通知");
        b.click("speech"); // sound off stops at once
        int n = texts().size();
        ToolbarBrowser.sleep(600);
        assertTrue(texts().size() <= n + 1, "no speech after sound off");
        assertEquals("false", b.pressed("read"));
    }

    @Test
    void pinyinReadsPolyphonesByWord() {
        b.js("const p = document.createElement('p'); p.id = 'poly'; p.textContent = '银行 行走 重要 重新 长大 长度'; document.querySelector('h1').after(p);");
        b.click("caption");
        b.click("pinyin");
        hover("poly");
        b.waitUntil(() -> b.num("return __yy.shadow().querySelectorAll('.ctext ruby rt').length") == 12, "pinyin for the sample shown");
        assertEquals("yín háng xíng zǒu zhòng yào chóng xīn zhǎng dà cháng dù",
                b.str("return [...__yy.shadow().querySelectorAll('.ctext rt')].map(r => r.textContent).join(' ')"));
    }

    @Test
    void captionPanelShowsHoveredTextLargeClosesByKeyboardAndAvoidsFocus() {
        b.click("caption");
        assertTrue(b.num("return parseFloat(getComputedStyle(__yy.shadow().querySelector('.caption')).fontSize)") >= 40);
        assertTrue(b.num("return parseFloat(getComputedStyle(document.documentElement).paddingBottom)") > 50,
                "page padded so the panel covers nothing at the end");
        hover("link-guide");
        b.waitUntil(() -> b.str("return __yy.shadow().querySelector('.ctext').textContent").equals("链接：办事指南"), "caption shows hovered link");
        hover("p1");
        b.waitUntil(() -> b.str("return __yy.shadow().querySelector('.ctext').textContent").startsWith("各县区人民政府"), "caption shows hovered text");
        // never covers the focused element
        b.js("document.getElementById('name').scrollIntoView({block: 'end'}); window.scrollBy(0, -5)");
        b.js("document.getElementById('name').focus()");
        b.waitUntil(() -> b.num("""
                const r = document.getElementById('name').getBoundingClientRect();
                const c = __yy.shadow().querySelector('.caption').getBoundingClientRect();
                return (r.bottom <= c.top || r.top >= c.bottom) ? 1 : 0""") == 1, "caption does not cover the focused input");
        // 拼音 and 繁體, data loaded on first use from the script's origin
        assertEquals(0L, b.js("return performance.getEntriesByType('resource').filter(r => r.name.includes('/a11y/data/')).length"));
        hover("title");
        b.click("pinyin");
        b.waitUntil(() -> b.num("return __yy.shadow().querySelectorAll('.ctext ruby rt').length") > 3, "pinyin ruby shown");
        assertTrue(b.str("return [...__yy.shadow().querySelectorAll('.ctext rt')].map(r => r.textContent).join(' ')").contains("guān"));
        b.click("trad");
        b.waitUntil(() -> b.str("return __yy.shadow().querySelector('.ctext').textContent").contains("開"), "traditional shown");
        assertTrue(b.strings("return performance.getEntriesByType('resource').map(r => r.name).filter(n => n.includes('/a11y/data/'))")
                .stream().allMatch(n -> n.startsWith(server.origin())));
        // keyboard-closable
        b.shadow().findElement(By.cssSelector(".caption .x")).sendKeys(Keys.ESCAPE);
        assertEquals(0L, b.js("return __yy.shadow().querySelectorAll('.caption').length"));
        assertEquals("toolbar:caption", b.str("return __yy.active()"));
        assertEquals(0.0, b.num("return parseFloat(getComputedStyle(document.documentElement).paddingBottom)"));
    }

    @Test
    void readingGuideLineAndMaskFollowThePointer() {
        b.click("guide");
        assertEquals(1L, b.js("return __yy.shadow().querySelectorAll('.guide-line').length"));
        hover("p2");
        double y = b.num("const r = document.getElementById('p2').getBoundingClientRect(); return r.top + r.height / 2");
        b.waitUntil(() -> {
            double top = b.num("return __yy.shadow().querySelector('.guide-line').getBoundingClientRect().top");
            return top < y && top + 48 > y;
        }, "guide line around the pointer");
        assertEquals("none", b.str("return getComputedStyle(__yy.shadow().querySelector('.guide-line')).pointerEvents"));
        b.click("guide");
        assertEquals(2L, b.js("return __yy.shadow().querySelectorAll('.mask').length"));
        hover("p2");
        b.waitUntil(() -> b.num("return __yy.shadow().querySelector('.mask-top').getBoundingClientRect().bottom") < y
                && b.num("return __yy.shadow().querySelector('.mask-bottom').getBoundingClientRect().top") > y, "mask window around the pointer");
        b.click("guide");
        assertEquals(0L, b.js("return __yy.shadow().querySelectorAll('.mask, .guide-line').length"));
    }

    @Test
    void browserSpeechIsUsedWhenAChineseVoiceExists() {
        b.js("""
                window.__fakeVoices = [{ lang: 'zh-CN', name: 'fake-zh', default: true }];
                window.__spoken = [];
                speechSynthesis.speak = u => { window.__spoken.push(u.text + '@' + u.rate + '@' + u.lang); setTimeout(() => u.onend && u.onend(), 5); };
                """);
        b.click("speech");
        b.waitUntil(() -> b.strings("return window.__spoken").contains("声音已开启@1@zh-CN"), "spoken by speechSynthesis");
        assertEquals(List.of(), texts(), "no request to the TTS service");
    }
}
