package org.yiyue.audit.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptException;
import org.openqa.selenium.NoSuchWindowException;
import org.openqa.selenium.ScriptTimeoutException;
import org.openqa.selenium.UnhandledAlertException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.yiyue.audit.crawl.TestServer;

/**
 * The page channel gives what chromedriver gives — values, types, errors, timeouts, dialogs, navigations, windows and
 * frames — while its calls go over DevTools. Real headless Chromium (the audit's browser), pages on 127.0.0.1.
 */
class PageChannelTest {

    static TestServer server;
    static AuditBrowser browser;
    static ChromeDriver d;
    static PageChannel page;

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer()
                .html("/a.html", "<!doctype html><html lang=\"zh-CN\"><title>a</title><p id=\"p1\">一</p><p>二</p></html>")
                .html("/b.html", "<!doctype html><title>b</title><p>b</p>")
                .html("/framed.html", "<!doctype html><title>f</title><iframe src=\"/b.html\"></iframe>")
                .slow("/slow.html", 600);
        browser = AuditBrowser.start(true, Duration.ofSeconds(30));
        d = browser.driver();
        page = browser.channel();
    }

    @AfterAll
    static void stop() {
        browser.close();
        server.close();
    }

    @BeforeEach
    void fresh() {
        d.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        d.get(server.url("/a.html").toString());
    }

    /** The same value and the same Java types, all the way down. */
    private static void assertSame(Object expected, Object actual, String what) {
        assertEquals(expected, actual, what);
        if (expected == null) {
            return;
        }
        assertEquals(expected.getClass(), actual.getClass(), what + ": type of " + expected);
        if (expected instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                assertSame(l.get(i), ((List<?>) actual).get(i), what + "[" + i + "]");
            }
        } else if (expected instanceof Map<?, ?> m) {
            assertEquals(new ArrayList<>(m.keySet()), new ArrayList<>(((Map<?, ?>) actual).keySet()), what + ": key order");
            for (Map.Entry<?, ?> e : m.entrySet()) {
                assertSame(e.getValue(), ((Map<?, ?>) actual).get(e.getKey()), what + "." + e.getKey());
            }
        }
    }

    private static Object outcome(java.util.concurrent.Callable<Object> call) {
        try {
            return call.call();
        } catch (Exception e) {
            String m = String.valueOf(e.getMessage());
            int nl = m.indexOf('\n');
            return e.getClass().getSimpleName() + ": " + (nl < 0 ? m : m.substring(0, nl));
        }
    }

    @Test
    void resultsAreChromedriversValuesAndTypes() {
        List<String> expressions = List.of("1", "1.5", "2.0", "-0", "1e21", "2**31", "2**53", "2**64", "0.1+0.2", "NaN", "Infinity",
                "undefined", "null", "'文字'", "'\\u2028x'", "true", "[1, undefined, null, NaN, 2.5]", "({a: undefined, b: 1, c: NaN, d: 'x'})",
                "new Date(0)", "({toJSON: function(){return 5}})", "({toJSON: function(){ return {a: undefined, d: new Date(0)}; }})",
                "new Map([[1,2]])", "new Set([1])", "Object.create({inh: 1})", "Object.create(null)",
                "(function(){ function C(){this.x=1;} C.prototype.y=2; return new C(); })()", "[, 1]", "function(){}", "Symbol('x')",
                "10n", "(function(){var o={a:1}; return [o,o];})()", "(function(){var a=[1,2]; a.extra=3; return a;})()",
                "new Uint8Array([1,2])", "new String('s')", "new Number(5)", "({length: 2, 0: 'a', 1: 'b'})",
                "(function(){ return arguments; })(1, 'x')", "(function(){ var e = new Error('m'); e.extra = 1; return e; })()",
                "({a: {b: {c: [1, {d: 2}]}}, e: [[[]]]})", "new Promise(function(r){ setTimeout(function(){ r({p: [1, 2.5]}); }, 10); })",
                "Promise.resolve(undefined)", "{then: function(ok){ ok(7); }}", "document.title",
                "[navigator.userActivation.isActive, navigator.userActivation.hasBeenActive]", // no user gesture either way
                // errors
                "(function(){var a={}; a.a=a; return a;})()", "({get g(){ throw new Error('getter'); }})",
                "Promise.reject(new Error('rej'))", "Promise.reject('rej2')", "(function(){ throw new TypeError('boom'); })()",
                "missingName.x", "{");
        long before = PageChannel.DEVTOOLS_CALLS.sum();
        for (String e : expressions) {
            String body = "return " + e + ";";
            Object expected = outcome(() -> d.executeScript(body));
            Object actual = outcome(() -> page.script(body));
            assertSame(expected, actual, e);
        }
        assertEquals(expressions.size(), PageChannel.DEVTOOLS_CALLS.sum() - before, "every call went over DevTools");
    }

    @Test
    void argumentsArriveAsWithWebDriver() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("k", List.of(1.5, "字", false));
        map.put("n", null);
        Object[] args = {1, 2L, 2.5, "s\"'\\</script>\u2028", true, null, List.of(1, List.of()), map, new Object[] {3, "4"}};
        String body = "return [arguments.length, Array.prototype.slice.call(arguments), typeof arguments[1]];";
        assertSame(d.executeScript(body, args), page.script(body, args), "arguments");
        String async = "var done = arguments[arguments.length - 1]; setTimeout(function () { done([arguments.length, arguments[0] + 1]); }, 5);";
        assertSame(d.executeAsyncScript(async, 41, "x"), page.asyncScript(async, 41, "x"), "async arguments");
        assertSame(d.executeAsyncScript("arguments[0]();"), page.asyncScript("arguments[0]();"), "callback without a value");
    }

    @Test
    void elementsGoThroughWebDriver() {
        WebElement p = d.findElement(By.id("p1"));
        assertEquals("一", page.script("return arguments[0].textContent;", p), "a WebElement argument");
        Object nodes = page.script("return document.querySelectorAll('p');");
        assertEquals(d.findElements(By.tagName("p")), nodes, "DOM nodes in the result come back as WebElements");
        Object mixed = page.script("window.__runs = (window.__runs || 0) + 1; return {n: document.getElementById('p1'), x: [1]};");
        assertInstanceOf(Map.class, mixed);
        assertEquals(p, ((Map<?, ?>) mixed).get("n"));
        assertEquals(1L, page.script("return window.__runs;"), "the script ran once");
        assertEquals(Boolean.FALSE, page.script("return '__yiyueKeptResult' in window;"), "the kept result is gone");
    }

    @Test
    void scriptErrorsAreJavascriptExceptions() {
        JavascriptException e = assertThrows(JavascriptException.class, () -> page.script("throw new Error('boom');"));
        assertTrue(e.getMessage().startsWith("javascript error: boom"), e.getMessage());
        assertThrows(JavascriptException.class, () -> page.asyncScript("throw new Error('boom');"));
        assertThrows(JavascriptException.class, () -> page.script("return {"));
        assertInstanceOf(WebDriverException.class, assertThrows(JavascriptException.class, () -> page.script("return nothing.here;")));
    }

    @Test
    void scriptsTimeOutAtTheDriversScriptTimeout() {
        d.manage().timeouts().scriptTimeout(Duration.ofMillis(1500));
        for (Runnable never : List.<Runnable>of(() -> page.asyncScript("var done = arguments[0];"),
                () -> page.script("return new Promise(function () {});"))) {
            long t0 = System.nanoTime();
            assertThrows(ScriptTimeoutException.class, never::run);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms >= 1400 && ms < 10_000, "gave up after " + ms + " ms");
        }
        assertEquals(3L, page.script("return 3;"), "the page still answers");
    }

    @Test
    void aPageThatNavigatesAwayEndsTheScript() {
        long t0 = System.nanoTime();
        assertThrows(ScriptTimeoutException.class,
                () -> page.asyncScript("var done = arguments[0]; setTimeout(function () { location.href = '/b.html'; }, 50);"));
        assertTrue((System.nanoTime() - t0) / 1_000_000 < 10_000, "not left waiting for the timeout");
        assertEquals("/b.html", page.script("return location.pathname;"));
        d.get(server.url("/a.html").toString());
        assertThrows(org.openqa.selenium.TimeoutException.class,
                () -> page.script("setTimeout(function () { location.href = '/b.html'; }, 50); return new Promise(function () {});"));
        // a script that starts a navigation returns; the next one runs in the new document once it has loaded, as
        // chromedriver's would
        d.get(server.url("/a.html").toString());
        assertEquals(5L, page.script("location.href = '/slow.html'; return 5;"));
        assertEquals(d.executeScript("return location.pathname + ' ' + document.readyState;"),
                page.script("return location.pathname + ' ' + document.readyState;"));
        assertEquals("/slow.html complete", page.script("return location.pathname + ' ' + document.readyState;"));
    }

    @Test
    void commandsSentInOrderTakeEffectInOrderAndAnErrorRaises() {
        page.script("window.seen = []; return 0;");
        List<Map<String, Object>> pushes = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            pushes.add(Map.of("expression", "window.seen.push(" + i + ")"));
        }
        page.cdpInOrder("Runtime.evaluate", pushes);
        List<Long> expected = java.util.stream.LongStream.range(0, 40).boxed().toList();
        assertEquals(expected, page.script("return window.seen;"), "every command ran, in the order sent");
        // a command DevTools refuses raises, as cdp does; the channel goes on working
        assertThrows(org.openqa.selenium.WebDriverException.class, () -> page.cdpInOrder("Runtime.evaluate",
                List.of(Map.of("expression", "window.seen.push(40)"), Map.of("no such parameter", 1))));
        assertEquals(41L, page.script("return window.seen.length;"));
    }

    @Test
    void aDialogDuringAScriptIsDismissedAndReported() {
        UnhandledAlertException e = assertThrows(UnhandledAlertException.class,
                () -> page.script("window.after = 0; alert('提示'); window.after = 1; return 1;"));
        assertEquals("提示", e.getAlertText());
        assertEquals(1L, page.script("return window.after;"), "dismissed: the script went on, the next call runs");
        assertThrows(UnhandledAlertException.class, () -> page.script("window.answer = confirm('确定？'); return 1;"));
        assertEquals(Boolean.FALSE, page.script("return window.answer;"), "confirm was dismissed");
        assertThrows(UnhandledAlertException.class,
                () -> page.asyncScript("var done = arguments[0]; setTimeout(function () { prompt('名字'); window.later = 2; done(3); }, 20);"));
        assertEquals(2L, page.script("return window.later;"));
        // opened by the page between calls: the next call dismisses it and reports it, the one after runs
        page.script("setTimeout(function () { alert('定时'); window.timed = 1; }, 10); return 0;");
        long deadline = System.nanoTime() + 5_000_000_000L;
        UnhandledAlertException late = null;
        while (late == null && System.nanoTime() < deadline) {
            try {
                page.script("return 1;");
                Thread.sleep(20);
            } catch (UnhandledAlertException x) {
                late = x;
            } catch (InterruptedException x) {
                throw new IllegalStateException(x);
            }
        }
        assertNotNull(late, "the dialog opened between calls was reported");
        assertEquals("定时", late.getAlertText());
        assertEquals(1L, page.script("return window.timed;"));
        assertEquals("a", d.getTitle(), "WebDriver finds no dialog left open");
    }

    @Test
    void theChannelFollowsTheDriversWindowAndFrame() {
        String own = d.getWindowHandle();
        page.script("window.name = 'own';");
        page.script("window.open('/b.html', 'popup');");
        List<String> handles = new ArrayList<>(d.getWindowHandles());
        handles.remove(own);
        d.switchTo().window(handles.get(0));
        long before = PageChannel.DEVTOOLS_CALLS.sum();
        assertEquals("popup", page.script("return window.name;"));
        assertEquals(1, PageChannel.DEVTOOLS_CALLS.sum() - before, "the popup's own DevTools session");
        d.close();
        assertThrows(NoSuchWindowException.class, () -> page.script("return 1;"), "no current window, as with WebDriver");
        d.switchTo().window(own);
        assertEquals("own", page.script("return window.name;"));
        d.get(server.url("/framed.html").toString());
        d.switchTo().frame(0);
        assertEquals("/b.html", page.script("return location.pathname;"), "in the frame the driver switched to");
        d.switchTo().defaultContent();
        assertEquals("/framed.html", page.script("return location.pathname;"));
    }

    @Test
    void devToolsCommandsAnswerAsThroughChromedriver() {
        Map<String, Object> viaDriver = d.executeCdpCommand("Runtime.evaluate", Map.of("expression", "[1, 2.5]", "returnByValue", true));
        Map<String, Object> viaChannel = page.cdp("Runtime.evaluate", Map.of("expression", "[1, 2.5]", "returnByValue", true));
        assertSame(viaDriver.get("result"), viaChannel.get("result"), "result");
        assertThrows(WebDriverException.class, () -> page.cdp("Page.noSuchMethod", Map.of()));
        Map<String, Object> shot = page.cdp("Page.captureScreenshot", Map.of("format", "png", "optimizeForSpeed", true));
        byte[] png = java.util.Base64.getDecoder().decode(String.valueOf(shot.get("data")));
        assertTrue(png.length > 100 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G');
    }

    @Test
    void eachBrowserHasItsOwnChannelClosedWithIt() {
        try (AuditBrowser other = AuditBrowser.start(true, Duration.ofSeconds(30))) {
            other.driver().get(server.url("/b.html").toString());
            page.script("window.mark = 'first';");
            other.channel().script("window.mark = 'second';");
            assertEquals("first", page.script("return window.mark;"));
            assertEquals("second", other.channel().script("return window.mark;"));
            assertEquals(Arrays.asList("a", "b"), List.of(page.script("return document.title;"), other.channel().script("return document.title;")));
            PageChannel closed = other.channel();
            other.close();
            long t0 = System.nanoTime();
            assertThrows(WebDriverException.class, () -> closed.script("return 1;"));
            assertTrue((System.nanoTime() - t0) / 1_000_000 < 10_000, "a closed browser's channel fails at once");
        }
        assertFalse(page.script("return 1;") == null);
    }
}
