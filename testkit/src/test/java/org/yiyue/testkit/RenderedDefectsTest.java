package org.yiyue.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;
import org.yiyue.demo.ReplicaCatalog;
import org.yiyue.demo.ReplicaSites;

/**
 * The "rendered" defects of defects.json measured in Chromium, so the catalogue's claims are facts: low contrast
 * (1.4.3) below 4.5:1, small targets (2.5.8) under 24 px, removed focus indicators (2.4.7), moving content (2.2.2)
 * that changes by itself, and mobile body text under 18 px (MIIT W-P3).
 */
@ExtendWith(ReplicaSitesExtension.class)
class RenderedDefectsTest {

    static Chromium browser;
    static ChromeDriver driver;

    @BeforeAll
    static void startBrowser() {
        browser = Chromium.start();
        driver = browser.driver();
    }

    @AfterAll
    static void quitBrowser() {
        browser.close();
    }

    /** Minimum contrast over the matched elements, against the first opaque ancestor background (white if none). */
    static final String CONTRAST = """
            function rgb(s) { var m = s.match(/[\\d.]+/g).map(Number); return {r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1}; }
            function lin(v) { v /= 255; return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }
            function lum(c) { return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b); }
            var els = document.querySelectorAll(arguments[0]), min = 99;
            for (var i = 0; i < els.length; i++) {
              var fg = rgb(getComputedStyle(els[i]).color), bg = {r: 255, g: 255, b: 255, a: 1};
              for (var e = els[i]; e && e.nodeType === 1; e = e.parentElement) {
                var c = rgb(getComputedStyle(e).backgroundColor);
                if (c.a >= 1) { bg = c; break; }
              }
              var a = lum(fg), b = lum(bg), ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
              if (ratio < min) min = ratio;
            }
            return els.length ? min : -1;""";

    static final String SMALLEST_SIDE = """
            var els = document.querySelectorAll(arguments[0]), min = 9999;
            for (var i = 0; i < els.length; i++) { var r = els[i].getBoundingClientRect(); min = Math.min(min, r.width, r.height); }
            return els.length ? min : -1;""";

    static final String FOCUS_VISIBLE = """
            var el = document.querySelector(arguments[0]); el.focus();
            var s = getComputedStyle(el);
            return document.activeElement === el && (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 || s.boxShadow !== 'none');""";

    static final String SNAPSHOT = """
            var el = document.querySelector(arguments[0]);
            return el.innerHTML.replace(/\\s+/g, ' ') + '|' + el.getAttribute('style') + '|' + el.getBoundingClientRect().left;""";

    @Test
    void renderedDefectsMeasureAsClaimed(ReplicaSites sites, ReplicaCatalog catalog) throws InterruptedException {
        List<String> wrong = new ArrayList<>();
        int measured = 0;
        for (ReplicaCatalog.Defect d : catalog.defects()) {
            if (!d.detectable().equals("rendered")) {
                continue;
            }
            open(sites, catalog, d);
            if (d.wcag().contains("1.4.3")) {
                double ratio = ((Number) driver.executeScript(CONTRAST, d.selector())).doubleValue();
                if (ratio < 0 || ratio >= 4.5) {
                    wrong.add(d.id() + " contrast " + ratio);
                }
            } else if (d.wcag().contains("2.5.8")) {
                double side = ((Number) driver.executeScript(SMALLEST_SIDE, d.selector())).doubleValue();
                if (side < 0 || side >= 24) {
                    wrong.add(d.id() + " smallest side " + side);
                }
            } else if (d.wcag().contains("2.4.7")) {
                if (!Boolean.FALSE.equals(driver.executeScript(FOCUS_VISIBLE, d.selector()))) {
                    wrong.add(d.id() + " focus indicator is visible");
                }
            } else if (d.wcag().contains("2.2.2")) {
                Object before = driver.executeScript(SNAPSHOT, d.selector());
                Thread.sleep(4500);
                if (before.equals(driver.executeScript(SNAPSHOT, d.selector()))) {
                    wrong.add(d.id() + " did not move or change by itself");
                }
            } else if (d.wcag().contains("2.1.1")) {
                // a click listener bound by script (not in the markup) on elements the keyboard cannot focus
                for (String problem : scriptedClickWithoutKeyboard(d.selector())) {
                    wrong.add(d.id() + " " + problem);
                }
            } else if (d.miit().contains("W-P3")) {
                String size = (String) driver.executeScript("return getComputedStyle(document.querySelector(arguments[0])).fontSize", d.selector());
                if (Double.parseDouble(size.replace("px", "")) >= 18) {
                    wrong.add(d.id() + " font size " + size);
                }
            } else {
                wrong.add(d.id() + " has no measurement here: " + d.wcag());
                continue;
            }
            measured++;
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        assertTrue(measured >= 20, "measured " + measured);
    }

    /** Problems with the claim "every element matched has a script-bound click listener and no tab stop"; empty when it holds. */
    @SuppressWarnings("unchecked")
    static List<String> scriptedClickWithoutKeyboard(String selector) {
        List<String> problems = new ArrayList<>();
        long count = (Long) driver.executeScript("return document.querySelectorAll(arguments[0]).length", selector);
        for (int i = 0; i < count; i++) {
            String expression = "document.querySelectorAll(" + jsString(selector) + ")[" + i + "]";
            Map<String, Object> element = (Map<String, Object>) driver.executeCdpCommand("Runtime.evaluate", Map.of("expression", expression)).get("result");
            List<Map<String, Object>> listeners = (List<Map<String, Object>>) driver.executeCdpCommand("DOMDebugger.getEventListeners",
                    Map.of("objectId", element.get("objectId"))).get("listeners");
            if (listeners.stream().noneMatch(l -> "click".equals(l.get("type")))) {
                problems.add("element " + i + " has no click listener");
            }
            if (Boolean.TRUE.equals(driver.executeScript("const e = document.querySelectorAll(arguments[0])[arguments[1]];"
                    + " return e.tabIndex >= 0 || e.hasAttribute('onclick')", selector, i))) {
                problems.add("element " + i + " is focusable or has its handler in the markup");
            }
        }
        if (count == 0) {
            problems.add("matches nothing");
        }
        return problems;
    }

    static String jsString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Test
    void theMeasurementsPassOnAControlPage(ReplicaSites sites) {
        driver.get(sites.origin("portal") + "/control.html");
        double ratio = ((Number) driver.executeScript(CONTRAST, "main p, main td, main th, main a")).doubleValue();
        assertTrue(ratio >= 4.5, "control text contrast " + ratio);
        double side = ((Number) driver.executeScript(SMALLEST_SIDE, "nav a")).doubleValue();
        assertTrue(side >= 24, "control nav links smallest side " + side);
        assertEquals(Boolean.TRUE, driver.executeScript(FOCUS_VISIBLE, "nav a"));
        driver.get(sites.origin("portal") + "/m/control.html");
        String size = (String) driver.executeScript("return getComputedStyle(document.querySelector('main p')).fontSize");
        assertTrue(Double.parseDouble(size.replace("px", "")) >= 18, "mobile control body text " + size);
    }

    private void open(ReplicaSites sites, ReplicaCatalog catalog, ReplicaCatalog.Defect d) {
        ReplicaCatalog.Page page = catalog.site(d.site()).page(d.page()).orElseThrow();
        String url = sites.origin(d.site()) + d.page();
        if (page.flowStep() > 0) {
            YthFlow flow = YthFlow.readyFor(sites, page.flowStep());
            driver.get(sites.origin("yth") + "/index.html");
            driver.manage().deleteAllCookies();
            driver.manage().addCookie(new Cookie.Builder(YthFlow.COOKIE, flow.sessionId()).path("/").isHttpOnly(true).build());
        }
        if (!url.equals(driver.getCurrentUrl())) {
            driver.get(url);
        }
    }
}
