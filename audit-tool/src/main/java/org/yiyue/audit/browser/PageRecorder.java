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
 * {@link ScriptedClickCheck}; it does not change what the page does.
 */
public final class PageRecorder {

    private static final Set<WebDriver> INSTALLED = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    private PageRecorder() {
    }

    /** Installs once per browser; later calls do nothing. Takes effect from the next navigation. */
    public static void install(WebDriver driver) {
        if (INSTALLED.contains(driver)) {
            return;
        }
        String source = Scripts.get("page-recorder.js").substring("return ".length());
        ((HasCdp) driver).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", source));
        INSTALLED.add(driver);
    }
}
