package org.yiyue.audit.browser;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.openqa.selenium.chrome.ChromeDriver;
import org.yiyue.audit.core.StaticRules;
import org.yiyue.audit.judge.EngineMerge;
import org.yiyue.demo.ReplicaCatalog;
import org.yiyue.demo.ReplicaSites;

/**
 * A measurement, not a test: what axe-core's run costs on the replica sites' pages, in the page's axe-core world as
 * the audit runs it — the audit's run (its options, the rules the merge drops turned off) timed in the page, the
 * size of the report it sends back, and each enabled rule run alone (minus a run of no rule: axe's own set-up).
 * {@code java -cp <test classpath> org.yiyue.audit.browser.AxeRuleCost [rounds]}
 */
public final class AxeRuleCost {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AxeRuleCost() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        AxeScan base = new AxeScan(null);
        EngineMerge merge = EngineMerge.forAudit(StaticRules.all().catalogue(), base);
        AxeScan axe = base.without(merge.axeRulesOursDecides());
        System.out.println("axe rules off (" + merge.axeRulesOursDecides().size() + "): " + merge.axeRulesOursDecides());
        Map<String, Object> options = JSON.readValue(axe.options(), Map.class);
        ReplicaCatalog catalog = ReplicaCatalog.load();
        Map<String, Double> perRule = new TreeMap<>();
        Map<String, Double> totals = new LinkedHashMap<>();
        int pages = 0;
        try (ReplicaSites sites = ReplicaSites.start();
             AuditBrowser browser = AuditBrowser.start(true, Duration.ofSeconds(30))) {
            ChromeDriver d = browser.driver();
            axe.prepare(d);
            List<URI> urls = new ArrayList<>();
            for (String id : ReplicaSites.SITE_IDS) {
                for (ReplicaCatalog.Page p : catalog.site(id).pages()) {
                    if (p.flowStep() == 0) {
                        urls.add(sites.origin(id).resolve(p.path()));
                    }
                }
            }
            PageChannel page = PageChannel.of(d);
            for (int round = 0; round < rounds; round++) {
                for (URI u : urls) {
                    d.get(u.toString());
                    String frame = String.valueOf(((Map<?, ?>) ((Map<?, ?>) page.cdp("Page.getFrameTree", Map.of()).get("frameTree")).get("frame")).get("id"));
                    int context = ((Number) page.cdp("Page.createIsolatedWorld", Map.of("frameId", frame, "worldName",
                            AxeInPage.worldName(org.yiyue.audit.browser.EmbeddedAxe.get().script()))).get("executionContextId")).intValue();
                    Map<String, Object> params = new LinkedHashMap<>();
                    params.put("functionDeclaration", MEASURE);
                    params.put("executionContextId", context);
                    params.put("arguments", List.of(Map.of("value", options)));
                    params.put("returnByValue", true);
                    params.put("awaitPromise", true);
                    Map<String, Object> r = page.cdp("Runtime.callFunctionOn", params);
                    Map<String, Object> v = (Map<String, Object>) ((Map<String, Object>) r.get("result")).get("value");
                    if (v == null) {
                        System.out.println(u + ": " + r);
                        continue;
                    }
                    pages++;
                    ((Map<String, Number>) v.get("rules")).forEach((k, ms) -> perRule.merge(k, ms.doubleValue(), Double::sum));
                    ((Map<String, Number>) v.get("totals")).forEach((k, ms) -> totals.merge(k, ms.doubleValue(), Double::sum));
                }
            }
        }
        int n = Math.max(1, pages);
        System.out.println(pages + " page runs; per page:");
        totals.forEach((k, ms) -> System.out.printf("  %-40s %8.1f%n", k, ms / n));
        double setup = totals.getOrDefault("no rule (set-up) ms", 0.0) / n;
        System.out.printf("each rule alone, minus the set-up (%.1f ms), ms per page:%n", setup);
        perRule.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
                .forEach(e -> System.out.printf("  %-32s %7.1f%n", e.getKey(), e.getValue() / n - setup));
    }

    /** In the axe-core world: the audit's run, then each enabled rule alone (same options otherwise). */
    private static final String MEASURE = """
            async function (options) {
              function copy(o) { return JSON.parse(JSON.stringify(o)); }
              var totals = {}, rules = {};
              var t = performance.now();
              var report = await axe.run({exclude: []}, options);
              totals['audit run ms'] = performance.now() - t;
              t = performance.now();
              var json = JSON.stringify(report);
              totals['report JSON.stringify ms'] = performance.now() - t;
              totals['report JSON kB'] = json.length / 1000;
              totals['violation+incomplete nodes'] = report.violations.concat(report.incomplete)
                .reduce(function (s, r) { return s + r.nodes.length; }, 0);
              var off = options.rules || {};
              var on = axe.getRules(options.runOnly.values).map(function (r) { return r.ruleId; })
                .filter(function (id) { return !(off[id] && off[id].enabled === false); });
              totals['rules run'] = on.length;
              var none = copy(options); delete none.rules; none.runOnly = {type: 'rule', values: []};
              t = performance.now();
              try { await axe.run({exclude: []}, none); } catch (e) { }
              totals['no rule (set-up) ms'] = performance.now() - t;
              for (var i = 0; i < on.length; i++) {
                var o = copy(options); delete o.rules; o.runOnly = {type: 'rule', values: [on[i]]};
                t = performance.now();
                await axe.run({exclude: []}, o);
                rules[on[i]] = performance.now() - t;
              }
              return {totals: totals, rules: rules};
            }
            """;
}
