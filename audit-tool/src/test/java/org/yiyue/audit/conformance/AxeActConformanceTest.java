package org.yiyue.audit.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.deque.html.axecore.providers.StringAxeScriptProvider;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.chrome.ChromeDriver;
import org.yiyue.audit.browser.AuditBrowser;
import org.yiyue.audit.browser.AxeScan;
import org.yiyue.audit.browser.EmbeddedAxe;
import org.yiyue.audit.conformance.ActScorer.Consistency;
import org.yiyue.audit.conformance.ActScorer.RuleScore;
import org.yiyue.audit.judge.AxeConsistency;
import org.yiyue.audit.judge.Wcag22;
import org.yiyue.testkit.SharedFolder;

/**
 * axe-core (the one the audit embeds) on W3C's own ACT test cases, measured the way {@link ActConformanceTest}
 * measures the rule library: every case of an ACT rule that some axe rule declares in its {@code actIds} is served
 * on loopback and checked in Chromium by those axe rules (the audit's AxeBuilder and options, runOnly those rules);
 * violations are failed, incomplete cantTell, passes passed, inapplicable inapplicable; each axe rule is a procedure
 * declaring the WCAG SCs of its tags; {@link ActScorer} scores per ACT rule and per axe rule. The audit's engine merge
 * reads the result from {@link AxeConsistency#RESOURCE}, rewritten by {@code -Dyiyue.act.record=true}. Fails when the
 * committed record was measured on another axe-core than the embedded one (npm has a newer one: measure again), when
 * an axe rule the record trusts now fails a passed or inapplicable example, when one recorded complete (so it may
 * decide an ACT rule) no longer is, or when more than 5 % of the cases could not be checked (each is tried twice).
 */
// a measurement (every axe-mapped case in Chromium: 19 min at load 35-42 on this 2-core machine), run when axe-core
// changes: -Dyiyue.act.axe=true; EmbeddedAxeTest checks on every build that the record is of the embedded version
@EnabledIfSystemProperty(named = "yiyue.act.axe", matches = "true")
class AxeActConformanceTest {

    private static final int BROWSERS = Integer.getInteger("yiyue.act.browsers", 2);

    /** One case as axe answered it: per axe rule its outcome, or an error. */
    private record Answer(ActCase c, Map<String, String> outcomes, String error) {
    }

    @Test
    void axeCoreOnTheOfficialCases() throws Exception {
        Path corpus = SharedFolder.require("act-cases");
        EmbeddedAxe axe = EmbeddedAxe.get();
        Map<String, List<String>> axeRulesByAct = new LinkedHashMap<>();
        axe.rules().values().forEach(r -> r.actIds().forEach(a -> axeRulesByAct.computeIfAbsent(a, k -> new ArrayList<>()).add(r.id())));
        List<ActCase> all = ActCase.load(corpus);
        List<ActCase> cases = all.stream().filter(c -> axeRulesByAct.containsKey(c.ruleId())).toList();

        long t0 = System.nanoTime();
        List<Answer> answers;
        try (ActCaseServer server = new ActCaseServer(corpus)) {
            answers = check(cases, axeRulesByAct, axe, server);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;

        List<Assertion> assertions = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (Answer a : answers) {
            if (a.error() != null) {
                errors.add(a.c().ruleId() + " " + a.c().file() + ": " + a.error());
            }
            a.outcomes().forEach((rule, outcome) -> assertions.add(new Assertion(a.c().ruleId(), a.c().testcaseId(), rule,
                    outcome, requirements(axe.rules().get(rule).tags()))));
        }
        ActScorer scorer = new ActScorer(sc -> "WCAG2:" + Wcag22.w3cAnchor(sc));
        List<RuleScore> scores = scorer.score(all, assertions);
        Set<String> inAudit = auditRules(axe);
        List<RuleScore> auditScores = scorer.score(all, assertions.stream().filter(a -> inAudit.contains(a.procedure())).toList());

        Map<String, List<RuleScore>> table = new LinkedHashMap<>();
        table.put("axe " + axe.version() + " all rules", scores);
        table.put("axe rules the audit runs", auditScores);
        String rendered = ConformanceTable.render(table);
        System.out.println(rendered);
        System.out.printf("axe-core %s (%s): %d cases checked in %.1f s, %d assertions, %d cases not checked%n",
                axe.version(), axe.integrity(), answers.size(), seconds, assertions.size(), errors.size());
        errors.forEach(e -> System.out.println("  not checked: " + e));
        System.out.println(comparison(scores, auditScores));
        Path outDir = Path.of("target", "act-conformance");
        Files.createDirectories(outDir);
        Files.writeString(outDir.resolve("axe-table.md"), rendered + "\n" + comparison(scores, auditScores));

        AxeConsistency measured = record(axe, scores, all);
        List<String> problems = new ArrayList<>();
        if (Boolean.getBoolean("yiyue.act.record") && System.getProperty("yiyue.act.rules", "").isBlank()) {
            Path file = Path.of("src", "main", "resources").resolve(AxeConsistency.RESOURCE);
            Files.createDirectories(file.getParent());
            Files.writeString(file, measured.format(String.format("%d cases of %d ACT rules, %d assertions", answers.size(),
                    axeRulesByAct.size(), assertions.size())));
            System.out.println("axe-core ACT consistency record written to " + file.toAbsolutePath());
        } else {
            AxeConsistency committed = AxeConsistency.committed();
            if (!committed.axeVersion().equals(axe.version()) || !committed.axeIntegrity().equals(axe.integrity())) {
                problems.add("the committed " + AxeConsistency.RESOURCE + " was measured on axe-core " + committed.axeVersion()
                        + " but the audit embeds " + axe.version() + " (the newest on npm): measure again with"
                        + " -Dyiyue.act.record=true and commit the record");
            } else {
                // what the merge relies on: an axe rule it trusts has no false failure, one that can decide is complete
                for (AxeConsistency.Row was : committed.rows().values()) {
                    AxeConsistency.Row now = measured.rows().get(was.actRule());
                    for (var e : was.byAxeRule().entrySet()) {
                        String n = now == null ? "untested" : now.byAxeRule().getOrDefault(e.getKey(), "untested");
                        if (!n.equals(e.getValue())) {
                            System.out.println("  changed: " + was.actRule() + " " + e.getKey() + " recorded " + e.getValue() + ", now " + n);
                        }
                        if (!e.getValue().equals("inconsistent") && n.equals("inconsistent")) {
                            problems.add("axe rule " + e.getKey() + " failed a passed or inapplicable example of " + was.actRule()
                                    + " but the record trusts it (" + e.getValue() + "): re-record with -Dyiyue.act.record=true");
                        }
                        if (e.getValue().equals("complete") && !n.equals("complete")) {
                            problems.add("axe rule " + e.getKey() + " decides " + was.actRule() + " (recorded complete) but is now "
                                    + n + ": re-record with -Dyiyue.act.record=true");
                        }
                    }
                }
            }
        }
        if (errors.size() > cases.size() / 20) {
            problems.add(errors.size() + " of " + cases.size() + " cases could not be checked by axe-core");
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** The axe rules the audit runs: those carrying one of its WCAG tags (experimental rules excluded, as axe does). */
    static Set<String> auditRules(EmbeddedAxe axe) {
        Set<String> out = new LinkedHashSet<>();
        for (EmbeddedAxe.AxeRule r : axe.rules().values()) {
            if (!r.tags().contains("experimental") && r.tags().stream().anyMatch(AxeScan.TAGS::contains)) {
                out.add(r.id());
            }
        }
        return out;
    }

    private static List<String> requirements(List<String> tags) {
        List<String> out = new ArrayList<>();
        for (String t : tags) {
            String sc = Wcag22.fromAxeTag(t);
            if (sc != null) {
                out.add("WCAG2:" + Wcag22.w3cAnchor(sc));
            }
        }
        return out;
    }

    private static AxeConsistency record(EmbeddedAxe axe, List<RuleScore> scores, List<ActCase> all) {
        Map<String, ActCase> first = new LinkedHashMap<>();
        all.forEach(c -> first.putIfAbsent(c.ruleId(), c));
        Map<String, AxeConsistency.Row> rows = new LinkedHashMap<>();
        for (RuleScore r : scores) {
            if (r.consistency() == Consistency.untested) {
                continue;
            }
            String label = r.consistency().name() + (r.inconsistentForLackOfFailedExample() ? "*" : "");
            rows.put(r.ruleId(), new AxeConsistency.Row(r.ruleId(), r.approved() ? "approved" : "proposed",
                    first.get(r.ruleId()).wcag(), label, r.procedures(), r.byProcedure()));
        }
        return new AxeConsistency(axe.version(), axe.integrity(), rows);
    }

    /** axe-core's counts next to the rule library's committed record (rendered mode), same half, same terms. */
    private static String comparison(List<RuleScore> all, List<RuleScore> audit) throws Exception {
        Map<String, String> ours = new LinkedHashMap<>();
        ConsistencyRecord.committed().rows().values().forEach(r -> ours.put(r.ruleId(), r.rendered().replace("*", "")));
        StringBuilder sb = new StringBuilder("\nConsistency on the shared half (approved | proposed), complete/partial/inconsistent:\n");
        sb.append("  yiyue rules (committed record, rendered): ").append(counts(ours, true)).append(" | ").append(counts(ours, false)).append('\n');
        sb.append("  axe-core, all rules with actIds:          ").append(counts(all, true)).append(" | ").append(counts(all, false)).append('\n');
        sb.append("  axe-core, the rules the audit runs:       ").append(counts(audit, true)).append(" | ").append(counts(audit, false)).append('\n');
        return sb.toString();
    }

    private static String counts(List<RuleScore> scores, boolean approved) {
        Map<Consistency, Integer> c = new EnumMap<>(Consistency.class);
        scores.stream().filter(r -> r.approved() == approved).forEach(r -> c.merge(r.consistency(), 1, Integer::sum));
        return c.getOrDefault(Consistency.complete, 0) + "/" + c.getOrDefault(Consistency.partial, 0) + "/"
                + c.getOrDefault(Consistency.inconsistent, 0);
    }

    private static String counts(Map<String, String> ours, boolean approved) throws Exception {
        Map<Consistency, Integer> c = new EnumMap<>(Consistency.class);
        for (ConsistencyRecord.Row r : ConsistencyRecord.committed().rows().values()) {
            if (r.status().equals("approved") == approved) {
                c.merge(Consistency.valueOf(ours.get(r.ruleId())), 1, Integer::sum);
            }
        }
        return c.getOrDefault(Consistency.complete, 0) + "/" + c.getOrDefault(Consistency.partial, 0) + "/"
                + c.getOrDefault(Consistency.inconsistent, 0);
    }

    private static List<Answer> check(List<ActCase> cases, Map<String, List<String>> rulesByAct, EmbeddedAxe axe,
                                      ActCaseServer server) throws Exception {
        int parts = Math.max(1, Math.min(BROWSERS, cases.size()));
        ExecutorService pool = Executors.newFixedThreadPool(parts);
        try {
            List<Future<List<Answer>>> futures = new ArrayList<>();
            for (int p = 0; p < parts; p++) {
                List<ActCase> share = new ArrayList<>();
                for (int i = p; i < cases.size(); i += parts) {
                    share.add(cases.get(i));
                }
                futures.add(pool.submit(() -> checkShare(share, rulesByAct, axe, server)));
            }
            List<Answer> out = Collections.synchronizedList(new ArrayList<>());
            for (Future<List<Answer>> f : futures) {
                out.addAll(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Answer> checkShare(List<ActCase> share, Map<String, List<String>> rulesByAct, EmbeddedAxe axe,
                                           ActCaseServer server) throws Exception {
        List<Answer> out = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        AuditBrowser browser = AuditBrowser.start(true, Duration.ofSeconds(30));
        try {
            for (ActCase c : share) {
                Answer a = null;
                // a case the browser could not answer (renderer timeout on a loaded machine, a dead browser) is tried
                // once more in a fresh browser: a missing answer would count as untested and move the rule's score
                for (int attempt = 0; attempt < 2 && (a == null || a.error() != null); attempt++) {
                    if (a != null && a.error() != null) {
                        browser.close();
                        browser = AuditBrowser.start(true, Duration.ofSeconds(30));
                    }
                    a = checkCase(c, rulesByAct.get(c.ruleId()), axe, server, browser, json);
                }
                out.add(a);
                if (out.size() % 100 == 0) {
                    System.out.printf("  axe ACT: %d/%d cases in this browser%n", out.size(), share.size());
                }
            }
        } finally {
            browser.close();
        }
        return out;
    }

    private static Answer checkCase(ActCase c, List<String> rules, EmbeddedAxe axe, ActCaseServer server,
                                    AuditBrowser browser, ObjectMapper json) throws Exception {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("runOnly", Map.of("type", "rule", "values", rules));
        options.put("preload", Map.of("assets", List.of("cssom", "media"), "timeout", 2000));
        Map<String, String> outcomes = new LinkedHashMap<>();
        String error = null;
        try {
            ChromeDriver d = browser.driver();
            d.get(server.url(c.file()));
            AxeBuilder b = new AxeBuilder().setTimeout(60);
            b.setOptions(json.writeValueAsString(options));
            b.setAxeScriptProvider(new StringAxeScriptProvider(axe.script()));
            Results r = b.analyze(d);
            if (r.isErrored()) {
                error = r.getErrorMessage();
            } else {
                put(outcomes, r.getInapplicable(), "inapplicable");
                put(outcomes, r.getPasses(), "passed");
                put(outcomes, r.getIncomplete(), "cantTell");
                put(outcomes, r.getViolations(), "failed");
            }
        } catch (RuntimeException e) {
            error = e.getClass().getSimpleName() + " " + String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        }
        return new Answer(c, outcomes, error);
    }

    /** Later calls win: failed over cantTell over passed over inapplicable, as ACT aggregates a page. */
    private static void put(Map<String, String> outcomes, List<Rule> rules, String outcome) {
        if (rules != null) {
            rules.forEach(r -> outcomes.put(r.getId(), outcome));
        }
    }
}
