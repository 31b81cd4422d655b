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

    private static final Set<WebDriver> INSTALLED = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    private PageRecorder() {
    }

    /**
     * Installs once per browser; later calls do nothing. Takes effect from the next navigation. Never throws: without
     * the recorder (a driver without DevTools, a refused command) the two checks say they could not run, and the
     * rest of the audit goes on.
     */
    public static boolean install(WebDriver driver) {
        if (INSTALLED.contains(driver)) {
            return true;
        }
        if (!(driver instanceof HasCdp cdp)) {
            return false;
        }
        try {
            for (String script : new String[] {"page-recorder.js", "context-guard.js"}) {
                String source = Scripts.get(script).substring("return ".length());
                cdp.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", source));
            }
            INSTALLED.add(driver);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
