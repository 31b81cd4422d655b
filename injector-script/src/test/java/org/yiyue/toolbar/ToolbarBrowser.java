package org.yiyue.toolbar;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.yiyue.testkit.Chromium;

/** Thin helpers over one shared Chromium: find the toolbar's shadow controls, run page scripts, wait. */
final class ToolbarBrowser implements AutoCloseable {

    /** Page-side helpers: contrast ratio of two CSS colours, deep active element. Evaluated on demand. */
    static final String HELPERS = """
            window.__yy = window.__yy || {
              rgb(c) { const m = c.match(/[\\d.]+/g).map(Number); return m; },
              lum(c) { const [r, g, b] = this.rgb(c).map(v => { v /= 255; return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
                       return 0.2126 * r + 0.7152 * g + 0.0722 * b; },
              contrast(a, b) { const x = this.lum(a), y = this.lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); },
              bg(el) { for (let e = el; e; e = e.parentElement) { const c = getComputedStyle(e).backgroundColor; const a = this.rgb(c); if (a.length < 4 || a[3] > 0) return c; } return 'rgb(255, 255, 255)'; },
              shadow() { const h = document.querySelector('yiyue-a11y'); return h && h.shadowRoot; },
              active() { const a = document.activeElement; if (a && a.shadowRoot && a.shadowRoot.activeElement) { const s = a.shadowRoot.activeElement; return 'toolbar:' + (s.dataset.id || s.className || s.nodeName); } return a ? (a.id || a.nodeName) : ''; },
            };
            """;

    final Chromium chromium;
    final ChromeDriver d;

    ToolbarBrowser(int width, int height) {
        chromium = Chromium.start(width, height);
        d = chromium.driver();
    }

    ToolbarBrowser() {
        this(1280, 900);
    }

    /** Makes speechSynthesis report no voices (unless a test sets window.__fakeVoices), so the toolbar must use the /api/tts endpoint. */
    void forceNoBrowserVoices() {
        d.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "try { Object.defineProperty(speechSynthesis, 'getVoices', { configurable: true, writable: true, value: () => (window.__fakeVoices || []) }); } catch (e) {}"));
    }

    void open(String url) {
        d.get(url);
        waitUntil(() -> Boolean.TRUE.equals(js("return document.readyState === 'complete'")), "page loaded");
    }

    void openWithToolbar(String url) {
        open(url);
        waitUntil(() -> Boolean.TRUE.equals(js("return !!document.querySelector('yiyue-a11y')")), "toolbar host present");
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) d).executeScript(HELPERS + script, args);
    }

    String str(String script, Object... args) {
        Object v = js(script, args);
        return v == null ? null : v.toString();
    }

    double num(String script, Object... args) {
        return ((Number) js(script, args)).doubleValue();
    }

    SearchContext shadow() {
        return d.findElement(By.cssSelector("yiyue-a11y")).getShadowRoot();
    }

    WebElement launcher() {
        return shadow().findElement(By.cssSelector(".launcher"));
    }

    WebElement button(String id) {
        return shadow().findElement(By.cssSelector("button[data-id='" + id + "']"));
    }

    void openBar() {
        if (!"true".equals(launcher().getAttribute("aria-expanded"))) {
            launcher().click();
        }
        waitUntil(() -> Boolean.FALSE.equals(js("return __yy.shadow().querySelector('.bar').hidden")), "bar open");
    }

    void click(String id) {
        openBar();
        button(id).click();
    }

    /** Opens the reader view, whose part is loaded on first use, and waits until it is shown. */
    void openReader() {
        click("reader");
        waitForReader();
    }

    void waitForReader() {
        waitUntil(() -> Boolean.TRUE.equals(js("return !!__yy.shadow().querySelector('.reader')")), "reader view shown");
    }

    String pressed(String id) {
        return button(id).getAttribute("aria-pressed");
    }

    String rootAttr(String name) {
        return str("return document.documentElement.getAttribute(arguments[0])", name);
    }

    void clearStorage() {
        js("localStorage.clear(); document.cookie.split(';').forEach(c => { document.cookie = c.split('=')[0].trim() + '=; path=/; max-age=0'; });");
    }

    @SuppressWarnings("unchecked")
    List<String> strings(String script, Object... args) {
        return (List<String>) js(script, args);
    }

    void waitUntil(Supplier<Boolean> condition, String what) {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < end) {
            try {
                if (Boolean.TRUE.equals(condition.get())) return;
            } catch (RuntimeException ignored) {
                // not ready yet
            }
            sleep(50);
        }
        throw new AssertionError("timed out waiting for: " + what);
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        chromium.close();
    }
}
