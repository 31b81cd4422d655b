package org.yiyue.audit.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.yiyue.audit.crawl.TestServer;

/**
 * The keyboard walk's Tab presses over the page's DevTools channel are the presses chromedriver makes for WebDriver
 * actions: every document (the page, a same-origin frame, a cross-origin frame in a process of its own, a shadow
 * tree) records the same key and focus events, with the same key, code, keyCode, trusted flag and modifiers, in the
 * same order, for Tab and for Shift+Tab. Real headless Chromium; the cross-origin frame comes from localhost.
 */
class TabKeysTest {

    /** Records key and focus events (capture phase, on the window) into window.__keys. */
    private static final String RECORD = "<script>window.__keys=[];['keydown','keypress','keyup','focusin','focusout','focus','blur'].forEach(function(t){"
            + "window.addEventListener(t,function(e){var p=e.composedPath?e.composedPath():[];var n=p[0]||e.target;"
            + "window.__keys.push([e.type,e.key,e.code,e.keyCode,e.which,e.charCode,e.location,e.shiftKey,e.repeat,e.isTrusted,"
            + "e.target&&e.target.id||String(e.target),n&&n.id||String(n),(document.activeElement||{}).id||null].join('|'));},true);});</script>";

    private static String buttons(String prefix, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            b.append("<button id=\"").append(prefix).append(i).append("\">").append(prefix).append(i).append("</button>");
        }
        return b.toString();
    }

    @Test
    void tabsOverTheChannelAreChromedriversTabs() throws Exception {
        try (TestServer s = new TestServer(); AuditBrowser browser = AuditBrowser.start(true, Duration.ofSeconds(30))) {
            String head = "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>k</title>" + RECORD + "</head><body>";
            s.html("/same.html", head + buttons("s", 2) + "<input id=\"stext\"></body></html>");
            s.html("/cross.html", head + buttons("x", 2) + "<a id=\"xlink\" href=\"#\">链接</a></body></html>");
            String crossUrl = s.url("/cross.html").toString().replace("127.0.0.1", "localhost");
            s.html("/p.html", head + buttons("a", 2) + "<input id=\"text\" value=\"文字\">"
                    + "<iframe id=\"same\" src=\"/same.html\"></iframe>"
                    + "<div id=\"host\"></div>"
                    + "<iframe id=\"cross\" src=\"" + crossUrl + "\"></iframe>"
                    + buttons("b", 2) + "<div tabindex=\"0\" id=\"div\">div</div>"
                    + "<script>var r=document.getElementById('host').attachShadow({mode:'open'});"
                    + "r.innerHTML='<button id=\"in1\">影子 1</button><button id=\"in2\">影子 2</button>';</script></body></html>");
            ChromeDriver d = browser.driver();
            List<String> viaDriver = walk(d, s, (tabs, shift) -> {
                CharSequence[] keys = new CharSequence[tabs];
                java.util.Arrays.fill(keys, Keys.TAB);
                Actions a = new Actions(d);
                (shift ? a.keyDown(Keys.SHIFT).sendKeys(keys).keyUp(Keys.SHIFT) : a.sendKeys(keys)).perform();
            });
            List<String> viaChannel = walk(d, s, (tabs, shift) -> KeyboardWalk.tab(d, tabs, shift));
            assertEquals(settled(viaDriver), settled(viaChannel));
            assertEquals(keyups(viaDriver), keyups(viaChannel));
            // the events are there to compare: trusted Tabs in every document, Shift+Tab too, focus in the shadow tree
            String all = String.join("\n", viaDriver);
            for (String doc : List.of("top:", "same:", "cross:")) {
                assertTrue(viaDriver.stream().anyMatch(l -> l.startsWith(doc + "keydown|Tab|Tab|9|9|0|0|false|false|true")), doc + "\n" + all);
                assertTrue(viaDriver.stream().anyMatch(l -> l.startsWith(doc + "keydown|Tab|Tab|9|9|0|0|true|false|true")), doc + "\n" + all);
            }
            assertTrue(viaDriver.stream().anyMatch(l -> l.startsWith("top:keydown|Tab|") && l.endsWith("|host|in2|host")), all);
            assertTrue(viaDriver.stream().anyMatch(l -> l.startsWith("top:keydown|Shift|ShiftLeft|16|16|0|1|true|false|true")), all);
            assertTrue(viaDriver.stream().filter(l -> l.contains("keydown|Tab|")).count() >= FORWARD + BACK, all);
        }
    }

    /**
     * Runs of several Tabs in one call (the keyboard walk's runs over stops where the page does not react) go back to
     * back over the channel: the same events, in the same order, as chromedriver's action sequence, which waits for
     * each event's answer before sending the next; here the runs also cross into and out of both frames and the shadow
     * tree, which the walk's runs avoid.
     */
    @Test
    void runsOfTabsSentBackToBackAreChromedriversRuns() throws Exception {
        try (TestServer s = new TestServer(); AuditBrowser browser = AuditBrowser.start(true, Duration.ofSeconds(30))) {
            String head = "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>k</title>" + RECORD + "</head><body>";
            s.html("/same.html", head + buttons("s", 2) + "</body></html>");
            s.html("/cross.html", head + buttons("x", 2) + "</body></html>");
            String crossUrl = s.url("/cross.html").toString().replace("127.0.0.1", "localhost");
            s.html("/p.html", head + buttons("a", 6) + "<iframe id=\"same\" src=\"/same.html\"></iframe>"
                    + buttons("m", 4) + "<div id=\"host\"></div>" + "<iframe id=\"cross\" src=\"" + crossUrl + "\"></iframe>"
                    + buttons("b", 6) + "<script>var r=document.getElementById('host').attachShadow({mode:'open'});"
                    + "r.innerHTML='<button id=\"in1\">影子 1</button><button id=\"in2\">影子 2</button>';</script></body></html>");
            ChromeDriver d = browser.driver();
            java.util.function.IntConsumer viaDriver = tabs -> {
                CharSequence[] keys = new CharSequence[tabs];
                java.util.Arrays.fill(keys, Keys.TAB);
                new Actions(d).sendKeys(keys).perform();
            };
            List<String> driverRuns = runs(d, s, viaDriver);
            List<String> channelRuns = runs(d, s, tabs -> KeyboardWalk.tab(d, tabs, false));
            assertEquals(settled(driverRuns), settled(channelRuns));
            assertEquals(keyups(driverRuns), keyups(channelRuns));
            String all = String.join("\n", driverRuns);
            assertTrue(driverRuns.stream().anyMatch(l -> l.startsWith("same:focus|")), all);
            assertTrue(driverRuns.stream().anyMatch(l -> l.startsWith("cross:focus|")), all);
            assertTrue(driverRuns.stream().anyMatch(l -> l.startsWith("top:keydown|Tab|") && l.endsWith("|host|in2|host")), all);
        }
    }

    /** Loads the page and presses runs of 5, 8 and 9 Tabs (focus settles between runs); each document's events. */
    private static List<String> runs(ChromeDriver d, TestServer s, java.util.function.IntConsumer tabs) throws InterruptedException {
        load(d, s);
        for (int run : new int[] {5, 8, 9}) {
            tabs.accept(run);
            Thread.sleep(100);
        }
        return events(d);
    }

    private static final int FORWARD = 22;
    private static final int BACK = 12;

    /**
     * Every event but keyup, in each document's order. Where a Tab moves focus into or out of a frame, the keyup goes
     * to whichever document has focus when the browser routes it, which races with the frames' focus change: through
     * chromedriver too it lands on one side in one run and the other in the next.
     */
    private static List<String> settled(List<String> events) {
        return events.stream().filter(l -> !l.contains(":keyup|")).toList();
    }

    /** The keyups' own fields (key, code, keyCode, which, charCode, location, shift, repeat, trusted), in any document. */
    private static List<String> keyups(List<String> events) {
        return events.stream().filter(l -> l.contains(":keyup|")).map(l -> {
            String[] f = l.substring(l.indexOf(':') + 1).split("\\|", -1);
            return String.join("|", java.util.Arrays.asList(f).subList(0, 10));
        }).sorted().toList();
    }

    interface Press {
        void press(int tabs, boolean shift);
    }

    /**
     * Loads the page, presses the keys and returns each document's events, prefixed with the document: three Tabs in
     * one sequence within the page, then one Tab at a time round the page and its frames (focus settles between
     * presses, as the keyboard walk steps across frames), then Shift+Tab one at a time.
     */
    private static List<String> walk(ChromeDriver d, TestServer s, Press keys) throws InterruptedException {
        load(d, s);
        keys.press(3, false);
        for (int i = 3; i < FORWARD; i++) {
            Thread.sleep(100);
            keys.press(1, false);
        }
        for (int i = 0; i < BACK; i++) {
            Thread.sleep(100);
            keys.press(1, true);
        }
        Thread.sleep(100);
        return events(d);
    }

    /** Loads the test page with its own window focused and every document's event log empty. */
    private static void load(ChromeDriver d, TestServer s) throws InterruptedException {
        d.get(s.url("/p.html").toString());
        // both walks start with the page's own window focused: where the previous walk left focus (a frame, the browser)
        // decides whether a load focuses the window, and it differs between Chromium builds (the headless shell keeps
        // it in the frame the last walk ended in, so the next walk's first Tab would focus the window)
        d.executeScript("window.focus();");
        // (the load event waited for both frames) the window's focus on a load after the first is no key's doing
        Thread.sleep(100);
        d.executeScript("window.__keys.length = 0; document.getElementById('same').contentWindow.__keys.length = 0;");
        d.switchTo().frame(d.findElement(By.id("cross")));
        d.executeScript("window.__keys.length = 0;");
        d.switchTo().defaultContent();
    }

    /** Each document's events, prefixed with the document. */
    private static List<String> events(ChromeDriver d) {
        List<String> out = new ArrayList<>();
        read(d, "top:", out);
        d.switchTo().frame(d.findElement(By.id("same")));
        read(d, "same:", out);
        d.switchTo().defaultContent();
        d.switchTo().frame(d.findElement(By.id("cross")));
        read(d, "cross:", out);
        d.switchTo().defaultContent();
        return out;
    }

    private static void read(ChromeDriver d, String doc, List<String> out) {
        for (Object e : (List<?>) d.executeScript("return window.__keys;")) {
            out.add(doc + e);
        }
    }
}
