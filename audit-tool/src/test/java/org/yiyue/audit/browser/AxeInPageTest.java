package org.yiyue.audit.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.chrome.ChromeDriver;
import org.yiyue.demo.ReplicaCatalog;
import org.yiyue.demo.ReplicaSites;
import org.yiyue.testkit.ReplicaSitesExtension;

/**
 * The audit's in-page axe-core runner ({@link AxeInPage}: the script added once per browser in a world of its own,
 * one axe.run per page, runPartial/finishRun where there are frames) finds exactly what the axe-core/selenium builder
 * finds on every replica catalogue page: the same violations and incomplete results on the same elements, the same
 * rules passed and inapplicable — and it sends the script to no document and leaves no scan to the builder.
 */
@ExtendWith(ReplicaSitesExtension.class)
class AxeInPageTest {

    @Test
    void sameResultsAsTheBuilderOnEveryReplicaPage(ReplicaSites sites, ReplicaCatalog catalog) throws Exception {
        AxeScan scan = new AxeScan(null);
        List<String> differences = new ArrayList<>();
        int pages = 0;
        int framed = 0;
        long sentBefore = AxeInPage.SENT.get();
        long fallbacksBefore = AxeInPage.FALLBACKS.get();
        try (AuditBrowser browser = AuditBrowser.start(true, Duration.ofSeconds(30))) {
            ChromeDriver d = browser.driver();
            scan.prepare(d);
            for (String id : ReplicaSites.SITE_IDS) {
                for (ReplicaCatalog.Page p : catalog.site(id).pages()) {
                    if (p.flowStep() != 0 || p.requiresLogin()) {
                        continue;
                    }
                    URI url = sites.origin(id).resolve(p.path());
                    if (url.getPath().startsWith("/m/")) {
                        d.executeCdpCommand("Emulation.setDeviceMetricsOverride", AuditBrowser.MOBILE_METRICS);
                    } else {
                        d.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
                    }
                    d.get(url.toString());
                    // carousels and a floating ad move between two scans: the page is held still first
                    d.executeScript("var last = setTimeout(function () {}, 0); for (var i = 0; i <= last; i++) { clearTimeout(i); clearInterval(i); }"
                            + "document.querySelectorAll('video,audio').forEach(function (m) { m.pause(); });");
                    Results builder = AxeScan.configured().analyze(d);
                    Results runner = scan.analyze(d);
                    assertFalse(builder.isErrored(), url + " builder: " + builder.getErrorMessage());
                    assertFalse(runner.isErrored(), url + " runner: " + runner.getErrorMessage());
                    pages++;
                    if (!((List<?>) d.executeScript("return Array.from(document.querySelectorAll('iframe,frame'));")).isEmpty()) {
                        framed++;
                    }
                    compare(url + " violations", nodes(builder.getViolations()), nodes(runner.getViolations()), differences);
                    compare(url + " incomplete", nodes(builder.getIncomplete()), nodes(runner.getIncomplete()), differences);
                    compare(url + " passes", ids(builder.getPasses()), ids(runner.getPasses()), differences);
                    compare(url + " inapplicable", ids(builder.getInapplicable()), ids(runner.getInapplicable()), differences);
                    assertEquals(builder.getTestEngine().getVersion(), runner.getTestEngine().getVersion());
                }
            }
        }
        assertTrue(pages >= 30, "replica pages scanned: " + pages);
        assertTrue(framed >= 2, "pages with frames among them: " + framed);
        assertEquals(List.of(), differences);
        assertEquals(0, AxeInPage.SENT.get() - sentBefore, "the script was added once, never sent to a document");
        assertEquals(0, AxeInPage.FALLBACKS.get() - fallbacksBefore, "no scan was left to the builder");
    }

    @Test
    void aPageLoadedBeforeTheScriptWasAddedGetsItOnce(ReplicaSites sites) throws Exception {
        AxeScan scan = new AxeScan(null);
        try (AuditBrowser browser = AuditBrowser.start(true, Duration.ofSeconds(30))) {
            ChromeDriver d = browser.driver();
            d.get(sites.origin("gcjs").resolve("/control.html").toString());
            long sent = AxeInPage.SENT.get();
            Results r = scan.analyze(d);
            assertFalse(r.isErrored(), r.getErrorMessage());
            assertFalse(r.getPasses().isEmpty());
            assertEquals(1, AxeInPage.SENT.get() - sent);
            assertEquals(null, d.executeScript("return typeof window.axe === 'undefined' ? null : 'visible';"),
                    "the page's own scripts do not see axe-core");
        }
    }

    /**
     * The audit leaves out the axe rules whose ACT rules our library decides (their findings the merge drops): such a
     * scan runs none of them and finds exactly what the whole scan finds for every other rule.
     */
    @Test
    void rulesLeftOutDoNotRunAndTheOthersFindTheSame(ReplicaSites sites) throws Exception {
        AxeScan whole = new AxeScan(null);
        java.util.SortedSet<String> off = org.yiyue.audit.judge.EngineMerge.forAudit(
                org.yiyue.audit.core.StaticRules.all().catalogue(), whole).axeRulesOursDecides();
        // color-contrast too: it declares the AAA 09o5cg as well, but its findings report 1.4.3 (afw4f7) only
        assertTrue(off.contains("image-alt") && off.contains("color-contrast"), "left out: " + off);
        AxeScan part = whole.without(off);
        List<String> differences = new ArrayList<>();
        TreeSet<String> seenOff = new TreeSet<>();
        try (AuditBrowser browser = AuditBrowser.start(true, Duration.ofSeconds(30))) {
            ChromeDriver d = browser.driver();
            whole.prepare(d);
            for (String page : List.of("zwfw:/zone/zndb.html", "gcjs:/register.html", "portal:/zwgk/index.html")) {
                String[] sp = page.split(":", 2);
                URI url = sites.origin(sp[0]).resolve(sp[1]);
                d.get(url.toString());
                d.executeScript("var last = setTimeout(function () {}, 0); for (var i = 0; i <= last; i++) { clearTimeout(i); clearInterval(i); }");
                Results all = whole.analyze(d);
                Results some = part.analyze(d);
                for (List<Rule> rules : List.of(all.getViolations(), all.getIncomplete(), all.getPasses(), all.getInapplicable())) {
                    rules.stream().map(Rule::getId).filter(off::contains).forEach(seenOff::add);
                }
                for (List<Rule> rules : List.of(some.getViolations(), some.getIncomplete(), some.getPasses(), some.getInapplicable())) {
                    rules.stream().map(Rule::getId).filter(off::contains).forEach(r -> differences.add(url + " ran " + r));
                }
                compare(url + " violations", without(nodes(all.getViolations()), off), nodes(some.getViolations()), differences);
                compare(url + " incomplete", without(nodes(all.getIncomplete()), off), nodes(some.getIncomplete()), differences);
                compare(url + " passes", without(ids(all.getPasses()), off), ids(some.getPasses()), differences);
            }
        }
        assertTrue(seenOff.size() >= 10, "the whole scan ran the rules left out: " + seenOff);
        assertEquals(List.of(), differences);
    }

    private static TreeSet<String> without(TreeSet<String> results, java.util.Set<String> rules) {
        TreeSet<String> out = new TreeSet<>();
        results.stream().filter(r -> !rules.contains(r.split(" ", 2)[0])).forEach(out::add);
        return out;
    }

    private static TreeSet<String> nodes(List<Rule> rules) {
        TreeSet<String> out = new TreeSet<>();
        for (Rule r : rules) {
            for (CheckedNode n : r.getNodes()) {
                out.add(r.getId() + " " + AxeScan.target(n.getTarget()) + " " + n.getImpact());
            }
        }
        return out;
    }

    private static TreeSet<String> ids(List<Rule> rules) {
        TreeSet<String> out = new TreeSet<>();
        rules.forEach(r -> out.add(r.getId()));
        return out;
    }

    private static void compare(String what, TreeSet<String> builder, TreeSet<String> runner, List<String> differences) {
        if (!builder.equals(runner)) {
            TreeSet<String> onlyBuilder = new TreeSet<>(builder);
            onlyBuilder.removeAll(runner);
            TreeSet<String> onlyRunner = new TreeSet<>(runner);
            onlyRunner.removeAll(builder);
            differences.add(what + ": builder only " + onlyBuilder + ", runner only " + onlyRunner);
        }
    }
}
