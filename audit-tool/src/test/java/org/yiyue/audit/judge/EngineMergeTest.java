package org.yiyue.audit.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yiyue.audit.browser.EmbeddedAxe;
import org.yiyue.audit.report.EngineDecision;
import org.yiyue.audit.report.Finding;

/**
 * Each branch of the per-ACT-rule merge of our findings and axe-core's, on hand-made consistency records: ours
 * complete decides, else axe complete decides, else both; an inconsistent procedure never fails; rules without an
 * ACT mapping are left alone.
 */
class EngineMergeTest {

    private static final String P = "http://127.0.0.1/p";

    // ACT rules: 23a2a8 image name (ours complete, axe complete), 97a4e1 button name (ours partial, axe complete),
    // 0ssw9k scrollable region (ours partial, axe partial), 307n5z nested interactive (ours inconsistent*, axe
    // inconsistent), ucwvc8 lang matches (ours inconsistent, axe partial), afw4f7/09o5cg contrast (ours complete on
    // AA, partial on AAA; axe's one color-contrast rule partial on both)
    private static final Map<String, String> OUR_RULES = Map.of("image-name", "23a2a8", "button-name", "97a4e1",
            "scrollable-region-focusable", "0ssw9k", "presentational-children-no-focusable", "307n5z",
            "html-lang-matches-content", "ucwvc8", "text-contrast", "afw4f7", "text-contrast-enhanced", "09o5cg");
    private static final Map<String, String> OURS = Map.of("23a2a8", "complete", "97a4e1", "partial", "0ssw9k", "partial",
            "307n5z", "inconsistent*", "ucwvc8", "inconsistent", "afw4f7", "complete", "09o5cg", "partial");
    private static final Map<String, List<String>> AXE_RULES = Map.of("image-alt", List.of("23a2a8"),
            "button-name", List.of("97a4e1"), "input-button-name", List.of("97a4e1"),
            "scrollable-region-focusable", List.of("0ssw9k"), "nested-interactive", List.of("307n5z"),
            "html-xml-lang-mismatch", List.of("ucwvc8"), "color-contrast", List.of("afw4f7", "09o5cg"));
    private static final AxeConsistency AXE = AxeConsistency.parse("""
            # axe-core 9.9.9 sha512-test
            23a2a8\tapproved\t1.1.1\tcomplete\timage-alt\timage-alt=complete
            97a4e1\tapproved\t4.1.2\tcomplete\tbutton-name\tbutton-name=complete,input-button-name=inconsistent
            0ssw9k\tapproved\t2.1.1,2.1.3\tpartial\tscrollable-region-focusable\tscrollable-region-focusable=partial
            307n5z\tapproved\t4.1.2\tinconsistent\tnested-interactive\tnested-interactive=inconsistent
            ucwvc8\tproposed\t3.1.1\tpartial\thtml-xml-lang-mismatch\thtml-xml-lang-mismatch=partial
            afw4f7\tapproved\t1.4.3\tpartial\tcolor-contrast\tcolor-contrast=partial
            09o5cg\tapproved\t1.4.6\tpartial\tcolor-contrast\tcolor-contrast=partial
            """);

    private static EngineMerge merge() {
        return new EngineMerge(OUR_RULES, OURS, AXE_RULES, AXE, true);
    }

    private static Finding ours(String rule, String outcome, String... sc) {
        return f("yiyue", rule, outcome, sc);
    }

    private static Finding axe(String rule, String outcome, String... sc) {
        return f("axe-core", "axe:" + rule, outcome, sc);
    }

    private static Finding f(String engine, String rule, String outcome, String... sc) {
        return new Finding(P, engine, rule, outcome, List.of(sc), List.of(), "serious", "#x", "<x>",
                org.yiyue.rules.model.Text.of("原结论", "said"), org.yiyue.rules.model.Text.of("", ""), null, List.of());
    }

    private static EngineMerge.Result run(EngineMerge m, Map<String, String> outcomes, Finding... fs) {
        return m.apply(List.of(fs), outcomes, true);
    }

    @Test
    void oursCompleteDecides() {
        EngineMerge m = merge();
        EngineMerge.Result r = run(m, Map.of("image-name", "failed", "axe:image-alt", "failed"),
                ours("image-name", "failed", "1.1.1"), axe("image-alt", "failed", "1.1.1"), axe("image-alt", "cantTell", "1.1.1"));
        assertEquals(List.of("image-name"), r.findings().stream().map(Finding::ruleId).toList());
        assertEquals(Map.of("image-name", "failed"), r.outcomes(), "axe's outcome for a rule ours decides is not reported");
        assertEquals("yiyue", m.decider("23a2a8", true));
        EngineDecision d = decision(m, "23a2a8");
        assertEquals(2, d.superseded());
        assertEquals("yiyue", d.decidedBy());
    }

    @Test
    void axeCompleteDecidesWhereOursIsNot() {
        EngineMerge m = merge();
        EngineMerge.Result r = run(m, Map.of("button-name", "failed", "axe:button-name", "failed"),
                ours("button-name", "failed", "4.1.2"), axe("button-name", "failed", "4.1.2"));
        assertEquals(List.of("axe:button-name"), r.findings().stream().map(Finding::ruleId).toList());
        assertFalse(r.outcomes().containsKey("button-name"));
        assertEquals("axe-core", m.decider("97a4e1", true));
    }

    @Test
    void neitherCompleteBothReport() {
        EngineMerge m = merge();
        EngineMerge.Result r = run(m, Map.of(), ours("scrollable-region-focusable", "failed", "2.1.1"),
                axe("scrollable-region-focusable", "failed", "2.1.1"));
        assertEquals(2, r.findings().size());
        assertTrue(r.findings().stream().allMatch(Finding::failed));
        assertEquals("both", m.decider("0ssw9k", true));
    }

    @Test
    void anInconsistentAxeRuleNeverReportsAFailure() {
        EngineMerge m = merge();
        // nested-interactive: axe inconsistent, ours inconsistent* (no failed example in the half, none judged wrongly)
        EngineMerge.Result r = run(m, Map.of("axe:nested-interactive", "failed", "presentational-children-no-focusable", "failed"),
                axe("nested-interactive", "failed", "4.1.2"), ours("presentational-children-no-focusable", "failed", "4.1.2"));
        Finding a = r.findings().get(0);
        assertEquals("cantTell", a.outcome(), "axe's failure is demoted");
        assertTrue(a.message().zh().contains("未计为不通过") && a.message().zh().contains("307n5z") && a.message().zh().endsWith("原结论"));
        assertTrue(a.message().en().contains("inconsistent"));
        assertEquals("cantTell", r.outcomes().get("axe:nested-interactive"));
        assertTrue(r.findings().get(1).failed(), "inconsistent* is not an observed false failure: ours still fails");
        assertEquals("failed", r.outcomes().get("presentational-children-no-focusable"));
        EngineDecision d = decision(m, "307n5z");
        assertEquals(List.of("axe:nested-interactive"), d.untrusted());
        assertEquals(1, d.demoted());
    }

    @Test
    void anInconsistentAxeRuleBesideACompleteOneStillNeverFails() {
        // 97a4e1: axe decides through button-name (complete); input-button-name is inconsistent for it
        EngineMerge.Result r = run(merge(), Map.of(), axe("input-button-name", "failed", "4.1.2"),
                axe("button-name", "failed", "4.1.2"));
        assertEquals(List.of("cantTell", "failed"), r.findings().stream().map(Finding::outcome).toList());
    }

    @Test
    void ourInconsistentRuleNeverReportsAFailure() {
        EngineMerge m = merge();
        EngineMerge.Result r = run(m, Map.of("html-lang-matches-content", "failed"),
                ours("html-lang-matches-content", "failed", "3.1.1"), ours("html-lang-matches-content", "cantTell", "3.1.1"),
                axe("html-xml-lang-mismatch", "failed", "3.1.1"));
        assertEquals(List.of("cantTell", "cantTell", "failed"), r.findings().stream().map(Finding::outcome).toList());
        assertTrue(r.findings().get(0).message().zh().contains("易阅规则库"));
        assertEquals("cantTell", r.outcomes().get("html-lang-matches-content"));
        assertEquals(List.of("yiyue:html-lang-matches-content"), decision(m, "ucwvc8").untrusted());
    }

    @Test
    void ourProcedureInconsistentWithoutAFalseFailureStillFails() {
        // the record's 6th column: the procedure failed no passed or inapplicable example (it only caught no failed one)
        EngineMerge m = new EngineMerge(OUR_RULES, OURS, Map.of("ucwvc8", Map.of("html-lang-matches-content", "inconsistent*")),
                AXE_RULES, AXE, true);
        EngineMerge.Result r = run(m, Map.of(), ours("html-lang-matches-content", "failed", "3.1.1"));
        assertTrue(r.findings().get(0).failed());
        assertEquals(List.of(), decision(m, "ucwvc8").untrusted());
        // and with a measured false failure it is demoted
        EngineMerge m2 = new EngineMerge(OUR_RULES, OURS, Map.of("ucwvc8", Map.of("html-lang-matches-content", "inconsistent")),
                AXE_RULES, AXE, true);
        assertEquals("cantTell", run(m2, Map.of(), ours("html-lang-matches-content", "failed", "3.1.1")).findings().get(0).outcome());
    }

    @Test
    void aFindingStandsForTheActRulesOfItsSc() {
        // color-contrast declares afw4f7 (1.4.3) and 09o5cg (1.4.6): its 1.4.3 failure is about afw4f7, which ours decides
        EngineMerge.Result r = run(merge(), Map.of(), axe("color-contrast", "failed", "1.4.3"), ours("text-contrast", "failed", "1.4.3"));
        assertEquals(List.of("text-contrast"), r.findings().stream().map(Finding::ruleId).toList());
        // a failure reporting no SC of either stands for both: 09o5cg is not decided by ours, so it is kept
        EngineMerge.Result r2 = run(merge(), Map.of(), axe("color-contrast", "failed"));
        assertEquals(1, r2.findings().size());
    }

    @Test
    void withoutActMappingTodaysBehaviour() {
        EngineMerge.Result r = run(merge(), Map.of("axe:region", "failed", "html-lang", "failed", "kbd-trap", "failed"),
                axe("region", "failed"), ours("html-lang", "failed", "3.1.1"), f("yiyue-browser", "kbd-trap", "failed", "2.1.2"));
        assertEquals(3, r.findings().size());
        assertTrue(r.findings().stream().allMatch(Finding::failed));
        assertEquals(Map.of("axe:region", "failed", "html-lang", "failed", "kbd-trap", "failed"), r.outcomes());
    }

    @Test
    void whereAxeDidNotRunItDecidesNothing() {
        EngineMerge m = merge();
        EngineMerge.Result r = m.apply(List.of(ours("button-name", "failed", "4.1.2")), Map.of("button-name", "failed"), false);
        assertEquals(1, r.findings().size());
        assertEquals("both", m.decider("97a4e1", false));
    }

    @Test
    void anUnmeasuredAxeCoreDecidesNothingAndIsTrusted() {
        EngineMerge m = new EngineMerge(OUR_RULES, OURS, AXE_RULES, AXE, false);
        EngineMerge.Result r = run(m, Map.of(), ours("button-name", "failed", "4.1.2"), axe("button-name", "failed", "4.1.2"),
                axe("nested-interactive", "failed", "4.1.2"), axe("image-alt", "failed", "1.1.1"));
        assertEquals(List.of("button-name", "axe:button-name", "axe:nested-interactive"),
                r.findings().stream().map(Finding::ruleId).toList(), "ours still decides where complete");
        assertTrue(r.findings().stream().allMatch(Finding::failed));
        assertEquals("unmeasured", decision(m, "97a4e1").axe());
    }

    @Test
    void theAuditsMergeReadsTheCommittedRecords() {
        EngineMerge m = EngineMerge.forAudit(org.yiyue.audit.core.StaticRules.all().catalogue(), null);
        assertTrue(m.axeMeasured(), "the committed axe-core record is for the embedded axe-core "
                + EmbeddedAxe.get().version() + " (was " + AxeConsistency.committed().axeVersion() + ")");
        assertEquals("yiyue", m.decider("23a2a8", true), "image-name is complete in the committed record");
        List<EngineDecision> ds = m.decisions();
        assertTrue(ds.stream().anyMatch(d -> d.decidedBy().equals("yiyue")));
        for (EngineDecision d : ds) {
            assertEquals(d.yiyue().equals("complete") ? "yiyue" : d.axe().equals("complete") ? "axe-core" : "both", d.decidedBy(),
                    d.actRule());
        }
    }

    private static EngineDecision decision(EngineMerge m, String act) {
        return m.decisions().stream().filter(d -> d.actRule().equals(act)).findFirst().orElseThrow();
    }

    @Test
    void axeRulesWhoseEveryActRuleOursDecidesAreNamedAndTheirFindingsDropped() {
        EngineMerge m = merge();
        // image-alt: 23a2a8 only (ours complete); color-contrast also declares 09o5cg (ours partial) and, with no SCs
        // known for it, a finding of it may stand for 09o5cg too: it stays
        assertEquals(java.util.Set.of("image-alt"), m.axeRulesOursDecides());
        EngineMerge.Result r = m.apply(List.of(axe("image-alt", "failed", "1.1.1"), axe("color-contrast", "failed", "1.4.3")),
                Map.of(), true);
        assertTrue(r.findings().stream().noneMatch(f -> f.ruleId().equals("axe:image-alt")), "dropped: " + r.findings());
    }

    @Test
    void anAxeRuleIsLeftOutWhenOursDecidesTheActRulesOfTheScsItReports() {
        // color-contrast declares afw4f7 (1.4.3, ours complete) and 09o5cg (1.4.6, ours partial), but reports 1.4.3 only
        EngineMerge m = new EngineMerge(OUR_RULES, OURS, Map.of(), AXE_RULES,
                Map.of("color-contrast", List.of("1.4.3"), "image-alt", List.of("1.1.1")), AXE, true);
        assertEquals(java.util.Set.of("color-contrast", "image-alt"), m.axeRulesOursDecides());
        // every finding it can report is dropped by the merge: leaving it out loses nothing
        EngineMerge.Result r = m.apply(List.of(axe("color-contrast", "failed", "1.4.3"), axe("color-contrast", "cantTell", "1.4.3")),
                Map.of("axe:color-contrast", "failed"), true);
        assertEquals(List.of(), r.findings());
        assertEquals(Map.of(), r.outcomes());
        // an axe rule reporting an SC of an ACT rule ours does not decide stays
        EngineMerge aaa = new EngineMerge(OUR_RULES, OURS, Map.of(), AXE_RULES, Map.of("color-contrast", List.of("1.4.3", "1.4.6")), AXE, true);
        assertEquals(java.util.Set.of("image-alt"), aaa.axeRulesOursDecides());
    }

    @Test
    void theAuditLeavesOutAxeColorContrastWhoseFindingsOurContrastRuleDecides() {
        // the largest axe-core rule on big pages (3.5 s of a 2,735-cell table page at load 10): its findings are all dropped
        EngineMerge m = EngineMerge.forAudit(org.yiyue.audit.core.StaticRules.all().catalogue(), null);
        assertEquals("complete", m.oursOn("afw4f7"), "the committed record");
        assertTrue(m.axeRulesOursDecides().contains("color-contrast"), m.axeRulesOursDecides().toString());
    }
}
