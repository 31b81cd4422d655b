package org.yiyue.audit.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.JavascriptExecutor;
import org.yiyue.audit.core.PageFindings;
import org.yiyue.audit.report.Finding;
import org.yiyue.demo.ReplicaSites;
import org.yiyue.testkit.Chromium;
import org.yiyue.testkit.ReplicaSitesExtension;

/**
 * The two recorder checks on the replica sites, each run right after the load (the slowest case for the moving
 * content check, which waits for short timers to fire twice; the audit runs it after the keyboard walk): the
 * carousels and the floating ad are found on the elements defects.json names, the ad's close span fails, and the
 * defect-free control pages get no failure. Prints the time each check added.
 */
@ExtendWith(ReplicaSitesExtension.class)
class ReplicaMotionAndClicksTest {

    static Chromium chromium;

    @BeforeAll
    static void start() {
        chromium = Chromium.start();
        PageRecorder.install(chromium.driver());
    }

    @AfterAll
    static void stop() {
        chromium.close();
    }

    private static PageFindings audit(ReplicaSites sites, String site, String page) {
        chromium.driver().get(sites.origin(site).resolve(page).toString());
        PageFindings out = new PageFindings(site + page);
        long t0 = System.nanoTime();
        ScriptedClickCheck.run(chromium.driver(), out);
        long clicks = (System.nanoTime() - t0) / 1_000_000;
        MovingContentCheck.Cost cost = MovingContentCheck.run(chromium.driver(), out);
        System.out.printf("recorder checks %-6s %-18s clicks %4d ms, moving content %5d ms (of which waiting %5d ms)%n",
                site, page, clicks, cost.tookMs(), cost.waitedMs());
        return out;
    }

    /** True when the finding's target selects the same element as the defect's selector. */
    private static boolean on(Finding f, String defectSelector) {
        return Boolean.TRUE.equals(((JavascriptExecutor) chromium.driver()).executeScript(
                "var a=document.querySelector(arguments[0]);return a!==null&&a===document.querySelector(arguments[1]);",
                f.target(), defectSelector));
    }

    private static Set<String> failed(PageFindings out, String rule, String defectSelector) {
        Set<String> s = new TreeSet<>();
        out.findings().stream().filter(f -> f.failed() && f.ruleId().equals(rule) && on(f, defectSelector))
                .forEach(f -> s.add(f.sc() + " " + f.miit()));
        return s;
    }

    @Test
    void portalCarouselFloatingAdAndItsCloseSpan(ReplicaSites sites) {
        PageFindings out = audit(sites, "portal", "/index.html");
        assertEquals(Set.of("[2.2.2] []"), failed(out, MovingContentCheck.RULE, "#slider"), out.findings().toString());
        assertEquals(Set.of("[2.2.2] [W-O4]"), failed(out, MovingContentCheck.RULE, "#piaochuang"), out.findings().toString());
        assertEquals(Set.of("[2.1.1] [W-O1]"), failed(out, ScriptedClickCheck.KEYBOARD, "#piaochuang .close"));
        assertEquals(Set.of("[4.1.2] [W-C1]"), failed(out, ScriptedClickCheck.ROLE, "#piaochuang .close"));
        assertEquals(Set.of("[2.5.8] [W-O1]"), failed(out, ScriptedClickCheck.SIZE, "#piaochuang .close"));
    }

    @Test
    void zwfwBanner(ReplicaSites sites) {
        PageFindings out = audit(sites, "zwfw", "/index.html");
        assertEquals(Set.of("[2.2.2] []"), failed(out, MovingContentCheck.RULE, ".banner"), out.findings().toString());
    }

    @Test
    void gcjsMenuItemsWithListenersAddedOnDomContentLoaded(ReplicaSites sites) {
        // gcjs-01 (marked manual in defects.json): the menu divs get click listeners from gcjs.js, nothing in markup
        PageFindings out = audit(sites, "gcjs", "/index.html");
        assertEquals(Set.of("[2.1.1] [W-O1]"), failed(out, ScriptedClickCheck.KEYBOARD, "#mainNav .menu-item"), out.findings().toString());
        assertEquals(Set.of("[4.1.2] [W-C1]"), failed(out, ScriptedClickCheck.ROLE, "#mainNav .menu-item"));
        assertEquals(5, out.findings().stream().filter(f -> f.failed() && f.ruleId().equals(ScriptedClickCheck.KEYBOARD)).count());
    }

    @Test
    void controlPagesGetNoFailure(ReplicaSites sites) {
        Map<String, List<String>> failures = new TreeMap<>();
        for (String[] p : List.of(new String[] {"zwfw", "/control.html"}, new String[] {"yth", "/control.html"},
                new String[] {"gcjs", "/control.html"}, new String[] {"portal", "/control.html"}, new String[] {"portal", "/m/control.html"})) {
            PageFindings out = audit(sites, p[0], p[1]);
            List<String> bad = out.findings().stream().filter(Finding::failed).map(f -> f.ruleId() + " " + f.target()).toList();
            if (!bad.isEmpty()) {
                failures.put(p[0] + p[1], bad);
            }
        }
        assertTrue(failures.isEmpty(), failures.toString());
    }
}
