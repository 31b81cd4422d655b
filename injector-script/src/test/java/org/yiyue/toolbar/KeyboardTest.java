package org.yiyue.toolbar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

/** Keyboard only: open, operate every control, close; Esc returns to the launcher; no key outside is captured. */
class KeyboardTest extends ToolbarPageTest {


    private void keys(CharSequence... k) {
        new Actions(b.d).sendKeys(k).perform();
    }

    private void chord(CharSequence key) {
        new Actions(b.d).keyDown(Keys.CONTROL).keyDown(Keys.ALT).sendKeys(key).keyUp(Keys.ALT).keyUp(Keys.CONTROL).perform();
    }

    private String active() {
        return b.str("return __yy.active()");
    }

    /** A fingerprint of everything a control can change: states, labels, panels, root attributes. */
    private String fingerprint() {
        return b.str("""
                const s = __yy.shadow();
                return [...s.querySelectorAll('.bar button')].map(x => x.textContent + (x.getAttribute('aria-pressed') || '') + (x.getAttribute('aria-expanded') || '')).join('|')
                  + [...s.querySelectorAll('.help, .reader, .caption, .gray, .cross-h, .guide-line, .mask')].map(x => x.className).join(',')
                  + [...document.documentElement.attributes].map(a => a.name + '=' + a.value).join(',')""");
    }

    @Test
    void everyControlOperatesByKeyboardAloneAndEscReturnsToTheLauncher() {
        keys(Keys.TAB);
        assertEquals("toolbar:launcher", active(), "first Tab stop of the page");
        keys(Keys.ENTER);
        assertEquals("true", b.launcher().getAttribute("aria-expanded"));
        keys(Keys.TAB);
        assertEquals("toolbar:elder", active());
        List<String> ids = b.strings("return [...__yy.shadow().querySelectorAll('.bar button[data-id]')].map(x => x.dataset.id)");
        assertTrue(ids.size() >= 28, ids.toString());
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            assertEquals("toolbar:" + id, active(), "arrow keys reach " + id);
            if (id.equals("exit")) {
                keys(Keys.ARROW_RIGHT);
                continue; // exercised last
            }
            if (id.equals("pause")) {
                // only meaningful while reading: make sure 连读 runs, then pause, resume, stop
                if (!"true".equals(b.pressed("read"))) b.button("read").sendKeys(Keys.ENTER);
                assertEquals("true", b.pressed("read"));
                b.button("pause").sendKeys(Keys.ENTER);
                assertEquals("true", b.pressed("pause"));
                b.button("pause").sendKeys(Keys.SPACE);
                assertEquals("false", b.pressed("pause"));
                b.button("read").sendKeys(Keys.ENTER);
                b.button("pause").click();
                b.button("pause").sendKeys(Keys.ESCAPE); // nothing open: closes the bar
                assertEquals("toolbar:launcher", active());
                keys(Keys.ENTER, Keys.TAB);
                for (int k = 0; k <= i; k++) {
                    if (!active().equals("toolbar:" + id)) keys(Keys.ARROW_RIGHT);
                }
                assertEquals("toolbar:" + id, active());
                keys(Keys.ARROW_RIGHT);
                continue;
            }
            String before = fingerprint();
            keys(i % 2 == 0 ? Keys.ENTER : Keys.SPACE);
            if (id.equals("reader")) b.waitForReader();
            assertNotEquals(before, fingerprint(), id + " changed something");
            if (id.equals("help") || id.equals("reader")) {
                assertTrue(active().startsWith("toolbar:"), "focus moved into the panel");
                keys(Keys.ESCAPE);
                assertEquals("toolbar:" + id, active(), "Esc closes the panel and returns to its button");
            }
            if (!active().equals("toolbar:" + id)) {
                b.button(id).sendKeys(""); // standard/reset keep focus; anything else is a failure below
            }
            assertEquals("toolbar:" + id, active(), "focus stays on " + id);
            if (id.equals("lang")) keys(Keys.ENTER); // back to Chinese
            keys(Keys.ARROW_RIGHT);
        }
        assertEquals("toolbar:elder", active(), "arrows wrap around");
        keys(Keys.END);
        assertEquals("toolbar:" + ids.get(ids.size() - 1), active());
        keys(Keys.HOME);
        assertEquals("toolbar:elder", active());
        keys(Keys.ESCAPE);
        if (active().equals("toolbar:caption")) { // 大字幕 was left on by the walk above: Esc closes it first
            assertEquals(0L, b.js("return __yy.shadow().querySelectorAll('.caption').length"));
            keys(Keys.ESCAPE);
        }
        assertEquals("toolbar:launcher", active(), "Esc returns focus to the launcher");
        assertEquals("false", b.launcher().getAttribute("aria-expanded"));
        keys(Keys.ENTER, Keys.TAB, Keys.HOME, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
        assertEquals("toolbar:exit", active());
        keys(Keys.ENTER);
        assertEquals("toolbar:launcher", active(), "退出 returns focus to the launcher");
        assertEquals("", b.str("return [...document.documentElement.attributes].map(a => a.name).filter(n => n.startsWith('data-yiyue')).join()"));
    }

    @Test
    void keysOutsideTheToolbarReachThePageUntouched() {
        b.openBar();
        b.click("point");
        b.click("caption");
        b.click("cross");
        b.js("document.getElementById('name').focus(); window.__keys.length = 0;"
                + "document.getElementById('form').addEventListener('submit', e => { e.preventDefault(); window.__submitted = 1; });");
        keys("a", Keys.SPACE, "b", Keys.ARROW_LEFT, Keys.ARROW_RIGHT, Keys.ARROW_UP, Keys.ARROW_DOWN, Keys.ENTER);
        b.js("document.getElementById('name').focus()");
        keys(Keys.ESCAPE, Keys.TAB);
        assertEquals(List.of("a", " ", "b", "ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Enter", "Escape", "Tab"), b.strings("return window.__keys"));
        assertEquals("area", b.str("return document.activeElement.id"), "Tab moved focus in the page as usual");
        assertEquals("true", b.launcher().getAttribute("aria-expanded"), "Esc in the page does not close our toolbar");
        assertEquals(1L, b.js("return window.__submitted"), "Enter in the input submitted the page's form as usual");
        assertEquals("a b", b.d.findElement(org.openqa.selenium.By.id("name")).getAttribute("value"));
        assertEquals(0L, b.js("return [...document.querySelectorAll('[tabindex]')].filter(e => e.tabIndex > 0).length"));
        assertEquals(0L, b.js("return [...__yy.shadow().querySelectorAll('[tabindex]')].filter(e => e.tabIndex > 0).length"), "no positive tabindex");
    }

    @Test
    void defaultShortcutsUseCtrlAltAndNeverSingleKeys() {
        keys("y", "=", "c");
        assertEquals("false", b.launcher().getAttribute("aria-expanded"), "single keys do nothing");
        assertNull(b.rootAttr("data-yiyue-text"));
        chord("y");
        assertEquals("true", b.launcher().getAttribute("aria-expanded"));
        assertEquals("toolbar:elder", active(), "the shortcut takes focus into the toolbar");
        chord("=");
        assertEquals("115", b.rootAttr("data-yiyue-text"));
        chord("c");
        assertEquals("dark", b.rootAttr("data-yiyue-scheme"));
        chord("0");
        assertNull(b.rootAttr("data-yiyue-text"));
        chord("y");
        assertEquals("toolbar:launcher", active());
        assertEquals("false", b.launcher().getAttribute("aria-expanded"));
    }

    @Test
    void shortcutsAreRemappableAndUnsafeCombinationsAreRefused() {
        server.scriptAttributes("data-shortcuts=\"textUp: Ctrl+Shift+F9; toggle: Alt+Y; scheme: Alt+Shift+C; speech: none; cursor: Insert+M; hl: K\"");
        b.openWithToolbar(server.url("/p/article.html"));
        new Actions(b.d).keyDown(Keys.CONTROL).keyDown(Keys.SHIFT).sendKeys(Keys.F9).keyUp(Keys.SHIFT).keyUp(Keys.CONTROL).perform();
        assertEquals("115", b.rootAttr("data-yiyue-text"), "remapped textUp");
        chord("=");
        assertEquals("115", b.rootAttr("data-yiyue-text"), "old combination released");
        new Actions(b.d).keyDown(Keys.ALT).sendKeys("y").keyUp(Keys.ALT).perform();
        assertEquals("false", b.launcher().getAttribute("aria-expanded"), "Alt+letter refused (browser menus)");
        chord("y");
        assertEquals("true", b.launcher().getAttribute("aria-expanded"), "default kept when a remap is refused");
        chord("s");
        assertEquals("false", b.pressed("speech"), "speech shortcut disabled by 'none'");
        assertNull(b.button("speech").getAttribute("aria-keyshortcuts"));
        keys("k");
        assertNull(b.rootAttr("data-yiyue-hl"), "single key refused");
        chord("o");
        assertEquals("", b.rootAttr("data-yiyue-hl"));
    }
}
