package org.yiyue.audit.browser;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chromium.HasCdp;

/**
 * Adds page-recorder.js to every document the browser loads from now on, before the page's own scripts run
 * (DevTools {@code Page.addScriptToEvaluateOnNewDocument}). It records timers, the DOM changes each timer made
 * and the pointer/key/hover listeners scripts attach, for {@link MovingContentCheck} and
 * {@link ScriptedClickCheck}; it does not change what the page does. With it comes context-guard.js, which watches
 * for navigations and new windows the page starts ({@link ContextChangeCheck}).
 */
public final class PageRecorder {

    /** Per browser, the windows (tabs) the scripts were added to: DevTools adds them to one tab, not to the browser. */
    private static final Map<WebDriver, Set<String>> INSTALLED = Collections.synchronizedMap(new WeakHashMap<>());

    private PageRecorder() {
    }

    /**
     * Installs once per browser window; later calls for the same window do nothing. Takes effect from the next navigation. Never throws: without
     * the recorder (a driver without DevTools, a refused command) the two checks say they could not run, and the
     * rest of the audit goes on.
     */
    public static boolean install(WebDriver driver) {
        if (!(driver instanceof HasCdp)) {
            return false;
        }
        PageChannel page = PageChannel.of(driver);
        // the window the next page loads in: after a page or a check left the driver in another window (one the page
        // opened, axe-core/selenium's blank window) that window needs the scripts too, or its pages go unrecorded
        String window;
        try {
            window = page.window();
        } catch (RuntimeException e) {
            return false;
        }
        Set<String> windows = INSTALLED.computeIfAbsent(driver, d -> Collections.synchronizedSet(new java.util.HashSet<>()));
        if (windows.contains(window)) {
            return true;
        }
        try {
            for (String script : new String[] {"page-recorder.js", "context-guard.js"}) {
                String source = Scripts.get(script).substring("return ".length());
                page.cdp("Page.addScriptToEvaluateOnNewDocument", Map.of("source", source));
            }
            windows.add(window);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
