package org.yiyue.audit.judge;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.yiyue.audit.browser.AxeScan;
import org.yiyue.audit.browser.EmbeddedAxe;
import org.yiyue.audit.report.EngineDecision;
import org.yiyue.audit.report.Finding;
import org.yiyue.audit.report.RuleInfo;
import org.yiyue.rules.catalogue.ActConsistency;
import org.yiyue.rules.model.Text;

/**
 * Merges our rule library and axe-core per ACT rule by their measured consistency on the W3C test cases (ours:
 * wcag-rules act-consistency.tsv, rendered mode; axe-core's: {@link AxeConsistency}, per axe rule):
 * <ol>
 * <li>our procedures complete for the rule → <b>ours decides</b>: axe-core's findings for it are left out;</li>
 * <li>else an axe rule the audit runs is complete for it → <b>axe-core decides</b>: our findings for it are left out;</li>
 * <li>else both engines report, as before the merge;</li>
 * <li>in every case a procedure that is inconsistent for the rule (it failed a passed or inapplicable example) never
 * reports a failure for it: its failures become cantTell, with the reason, for an evaluator.</li>
 * </ol>
 * Trust is decided per procedure where the record has it (axe's record always; ours in its 6th column): "inconsistent*"
 * there is W3C-inconsistent without an observed false failure (it failed no passed or inapplicable example, it only
 * caught no failed one) and is trusted like partial; "inconsistent" is a measured false failure. Where ours has only
 * the rule-level label, "inconsistent*" (no failed example in the half, none judged wrongly) is trusted and
 * "inconsistent" is not. A finding stands for the ACT rules its procedure
 * declares whose WCAG SCs it reports (all of them when none matches: axe's color-contrast failure on 1.4.3 is
 * about afw4f7, not the enhanced 09o5cg). Findings whose procedure declares no ACT rule (axe's best practices, our
 * non-ACT checks, the scripted browser checks) are kept as they were: there is no measurement to merge by.
 * The merge runs only where axe-core ran on the page: in a static-only audit or when axe failed, nothing decides
 * for axe, and only rule 4 applies to ours. Thread-safe; counts what it left out or demoted per ACT rule.
 */
public final class EngineMerge {

    public static final String YIYUE = "yiyue";
    public static final String AXE = AxeScan.ENGINE;
    public static final String AXE_PREFIX = "axe:";

    private final Map<String, String> ourRuleToAct;
    private final Map<String, String> ours;
    private final Map<String, Map<String, String>> oursByProcedure;
    private final Map<String, List<String>> axeRuleToActs;
    /** axe rule → the SCs its findings report (from its tags), where known: which of its ACT rules they stand for. */
    private final Map<String, List<String>> axeRuleScs;
    private final AxeConsistency axe;
    private final boolean axeMeasured;
    private final Map<String, LongAdder[]> counts = new ConcurrentHashMap<>();

    /**
     * @param ourRuleToAct  our rule id → the ACT rule it implements
     * @param ours          ACT rule → our measured consistency (rendered mode)
     * @param axeRuleToActs axe rule id (without "axe:") → the ACT rules it declares, for the axe rules the audit runs
     * @param axe           axe-core's measured consistency
     * @param axeMeasured   false when the axe-core that runs is not the one measured: it then never decides and is
     *                      trusted as before
     */
    public EngineMerge(Map<String, String> ourRuleToAct, Map<String, String> ours, Map<String, List<String>> axeRuleToActs,
                       AxeConsistency axe, boolean axeMeasured) {
        this(ourRuleToAct, ours, Map.of(), axeRuleToActs, axe, axeMeasured);
    }

    /**
     * @param oursByProcedure ACT rule → our procedure → its own rendered label, where the record has it (trust is
     *                        decided by it: "inconsistent*" = it failed no passed or inapplicable example)
     */
    public EngineMerge(Map<String, String> ourRuleToAct, Map<String, String> ours,
                       Map<String, Map<String, String>> oursByProcedure, Map<String, List<String>> axeRuleToActs,
                       AxeConsistency axe, boolean axeMeasured) {
        this(ourRuleToAct, ours, oursByProcedure, axeRuleToActs, Map.of(), axe, axeMeasured);
    }

    /** @param axeRuleScs axe rule → the SCs its findings report (its wcagNNN tags), for {@link #axeRulesOursDecides} */
    public EngineMerge(Map<String, String> ourRuleToAct, Map<String, String> ours,
                       Map<String, Map<String, String>> oursByProcedure, Map<String, List<String>> axeRuleToActs,
                       Map<String, List<String>> axeRuleScs, AxeConsistency axe, boolean axeMeasured) {
        this.axeRuleScs = Map.copyOf(axeRuleScs);
        this.ourRuleToAct = Map.copyOf(ourRuleToAct);
        this.ours = Map.copyOf(ours);
        this.oursByProcedure = Map.copyOf(oursByProcedure);
        this.axeRuleToActs = Map.copyOf(axeRuleToActs);
        this.axe = axe;
        this.axeMeasured = axeMeasured;
    }

    /** The audit's merge: our catalogue and records, the embedded axe-core's rules and record. */
    public static EngineMerge forAudit(List<RuleInfo> ourRules, AxeScan scan) {
        Map<String, String> ruleToAct = new LinkedHashMap<>();
        Map<String, String> ours = new LinkedHashMap<>();
        for (RuleInfo r : ourRules) {
            String act = actId(r.actUri());
            if (r.engine().equals(YIYUE) && act != null) {
                ruleToAct.put(r.id(), act);
                ActConsistency.of(act).ifPresent(m -> ours.put(act, m.rendered()));
            }
        }
        EmbeddedAxe embedded = EmbeddedAxe.get();
        Map<String, List<String>> axeRules = new LinkedHashMap<>();
        Map<String, List<String>> axeScs = new LinkedHashMap<>();
        for (EmbeddedAxe.AxeRule r : embedded.rules().values()) {
            if (!r.actIds().isEmpty() && !r.tags().contains("experimental") && r.tags().stream().anyMatch(AxeScan.TAGS::contains)) {
                axeRules.put(r.id(), r.actIds());
                // the SCs AxeScan gives each finding of the rule (its tags): the same for all of them
                axeScs.put(r.id(), r.tags().stream().map(Wcag22::fromAxeTag).filter(java.util.Objects::nonNull).distinct().toList());
            }
        }
        AxeConsistency record = AxeConsistency.committed();
        boolean measured = (scan == null || scan.embedded()) && record.axeVersion().equals(embedded.version())
                && record.axeIntegrity().equals(embedded.integrity());
        return new EngineMerge(ruleToAct, ours, oursByProcedure(), axeRules, axeScs, record, measured);
    }

    /** The 6th column of wcag-rules' act-consistency.tsv (each procedure's rendered label), where recorded. */
    static Map<String, Map<String, String>> oursByProcedure() {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        try (var in = EngineMerge.class.getClassLoader().getResourceAsStream("org/yiyue/rules/catalogue/" + ActConsistency.RESOURCE)) {
            if (in == null) {
                return out;
            }
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                String[] f = line.split("\t");
                if (line.startsWith("#") || f.length < 6 || f[5].equals("-")) {
                    continue;
                }
                Map<String, String> by = new LinkedHashMap<>();
                for (String kv : f[5].split(",")) {
                    int eq = kv.indexOf('=');
                    if (eq > 0) {
                        by.put(kv.substring(0, eq), kv.substring(eq + 1).strip());
                    }
                }
                out.put(f[0], by);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }

    /** "https://www.w3.org/WAI/standards-guidelines/act/rules/23a2a8/" → "23a2a8". */
    static String actId(String uri) {
        if (uri == null || uri.isBlank()) {
            return null;
        }
        String s = uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
        return s.substring(s.lastIndexOf('/') + 1);
    }

    public boolean axeMeasured() {
        return axeMeasured;
    }

    /** Our consistency for an ACT rule ("untested" when we have no measured procedure). */
    String oursOn(String act) {
        return ours.getOrDefault(act, "untested");
    }

    /** One axe rule's consistency for an ACT rule ("unmeasured" when not measured). */
    String axeOn(String axeRule, String act) {
        if (!axeMeasured) {
            return "unmeasured";
        }
        AxeConsistency.Row row = axe.rows().get(act);
        return row == null ? "unmeasured" : row.byAxeRule().getOrDefault(axeRule, "unmeasured");
    }

    /** "yiyue", "axe-core" or "both" for an ACT rule; axeRan false: axe-core cannot decide this page. */
    public String decider(String act, boolean axeRan) {
        if (oursOn(act).equals("complete")) {
            return YIYUE;
        }
        if (axeRan) {
            for (Map.Entry<String, List<String>> e : axeRuleToActs.entrySet()) {
                if (e.getValue().contains(act) && axeOn(e.getKey(), act).equals("complete")) {
                    return AXE;
                }
            }
        }
        return "both";
    }

    /**
     * The axe rules the audit runs whose every finding {@link #apply} drops: each ACT rule their findings stand for
     * (the declared ones whose SCs the rule reports) is decided by our rule library, whatever the page. Running them is wasted (about a fifth of axe-core's time on the
     * replica pages); their page outcomes would be superseded by ours too.
     */
    public java.util.SortedSet<String> axeRulesOursDecides() {
        java.util.SortedSet<String> out = new java.util.TreeSet<>();
        axeRuleToActs.forEach((rule, acts) -> {
            // the ACT rules its findings stand for (apply() drops a finding when ours decides all of them): color-contrast
            // declares afw4f7 and the AAA 09o5cg but reports 1.4.3 only, so every finding of it is about afw4f7
            List<String> standsFor = relevant(acts, axeRuleScs.getOrDefault(rule, List.of()));
            if (!standsFor.isEmpty() && standsFor.stream().allMatch(a -> oursOn(a).equals("complete"))) {
                out.add(rule);
            }
        });
        return out;
    }

    private boolean trusted(String engine, String procedure, String act) {
        String c = engine.equals(YIYUE)
                ? oursByProcedure.getOrDefault(act, Map.of()).getOrDefault(procedure, oursOn(act))
                : axeOn(procedure, act);
        return !c.equals("inconsistent");
    }

    /** The page after the merge: its findings and rule outcomes. */
    public record Result(List<Finding> findings, Map<String, String> outcomes) {
    }

    /**
     * Merges one page.
     *
     * @param outcomes page-level outcome per rule id (as PageFindings keeps them)
     * @param axeRan   whether axe-core ran on the page (without it, axe-core decides nothing)
     */
    public Result apply(List<Finding> findings, Map<String, String> outcomes, boolean axeRan) {
        List<Finding> out = new ArrayList<>();
        Set<String> touched = new HashSet<>();
        for (Finding f : findings) {
            String engine = f.engine();
            String procedure;
            List<String> acts;
            if (engine.equals(YIYUE)) {
                procedure = f.ruleId();
                String act = ourRuleToAct.get(procedure);
                acts = act == null ? List.of() : List.of(act);
            } else if (engine.equals(AXE) && f.ruleId().startsWith(AXE_PREFIX)) {
                procedure = f.ruleId().substring(AXE_PREFIX.length());
                acts = relevant(axeRuleToActs.getOrDefault(procedure, List.of()), f.sc());
            } else {
                out.add(f);
                continue;
            }
            if (acts.isEmpty()) {
                out.add(f);
                continue;
            }
            String other = engine.equals(YIYUE) ? AXE : YIYUE;
            if (acts.stream().allMatch(a -> decider(a, axeRan).equals(other))) {
                touched.add(f.ruleId());
                acts.forEach(a -> count(a, 0));
                continue;
            }
            List<String> untrusted = acts.stream().filter(a -> !trusted(engine, procedure, a)).toList();
            if (f.failed() && !untrusted.isEmpty()) {
                touched.add(f.ruleId());
                untrusted.forEach(a -> count(a, 1));
                out.add(demoted(f, untrusted));
                continue;
            }
            out.add(f);
        }
        Map<String, String> newOutcomes = new LinkedHashMap<>(outcomes);
        for (String rule : touched) {
            boolean failed = out.stream().anyMatch(f -> f.ruleId().equals(rule) && f.failed());
            boolean cantTell = out.stream().anyMatch(f -> f.ruleId().equals(rule) && !f.failed());
            if (failed) {
                newOutcomes.put(rule, "failed");
            } else if (cantTell) {
                newOutcomes.put(rule, "cantTell");
            } else {
                newOutcomes.remove(rule); // superseded: the deciding engine's outcome stands for the page
            }
        }
        return new Result(out, newOutcomes);
    }

    /**
     * The ACT rules a finding stands for: those its procedure declares whose SCs the finding reports, all of them
     * when the record knows no SCs or none matches.
     */
    private List<String> relevant(List<String> acts, List<String> sc) {
        if (acts.size() < 2 || sc.isEmpty()) {
            return acts;
        }
        List<String> out = new ArrayList<>();
        for (String a : acts) {
            AxeConsistency.Row row = axe.rows().get(a);
            if (row != null && row.sc().stream().anyMatch(sc::contains)) {
                out.add(a);
            }
        }
        return out.isEmpty() ? acts : out;
    }

    private static Finding demoted(Finding f, List<String> acts) {
        String engine = f.engine().equals(YIYUE) ? "易阅规则库" : f.engine();
        String engineEn = f.engine().equals(YIYUE) ? "the Yiyue rule library" : f.engine();
        String rules = String.join(", ", acts);
        Text note = Text.of("【未计为不通过】" + engine + " 在 W3C ACT 规则 " + rules + " 的官方测试用例上实测不一致，其“不通过”结论"
                        + "不作为自动判定，需测评人员确认。原结论：" + f.message().zh(),
                "[Not counted as a failure] " + engineEn + " is measured inconsistent with W3C's test cases for ACT rule "
                        + rules + ", so its failure is not an automated verdict; an evaluator must check. It said: "
                        + f.message().en());
        return new Finding(f.page(), f.engine(), f.ruleId(), "cantTell", f.sc(), f.miit(), f.impact(), f.target(),
                f.snippet(), note, f.fix(), f.screenshot(), f.alsoFoundBy());
    }

    private void count(String act, int which) {
        counts.computeIfAbsent(act, k -> new LongAdder[] {new LongAdder(), new LongAdder()})[which].increment();
    }

    /** Per ACT rule either engine declares: both consistencies, who decides, untrusted procedures, counts so far. */
    public List<EngineDecision> decisions() {
        Set<String> acts = new TreeSet<>(ourRuleToAct.values());
        axeRuleToActs.values().forEach(acts::addAll);
        List<EngineDecision> out = new ArrayList<>();
        for (String act : acts) {
            List<String> ourRules = ourRuleToAct.entrySet().stream().filter(e -> e.getValue().equals(act))
                    .map(Map.Entry::getKey).sorted().toList();
            List<String> axeRules = axeRuleToActs.entrySet().stream().filter(e -> e.getValue().contains(act))
                    .map(Map.Entry::getKey).sorted().toList();
            Set<String> untrusted = new LinkedHashSet<>();
            ourRules.stream().filter(r -> !trusted(YIYUE, r, act)).forEach(r -> untrusted.add(YIYUE + ":" + r));
            axeRules.stream().filter(r -> !trusted(AXE, r, act)).forEach(r -> untrusted.add(AXE_PREFIX + r));
            String axeBest = axeRules.isEmpty() ? "untested" : best(axeRules.stream().map(r -> axeOn(r, act)).toList());
            LongAdder[] c = counts.get(act);
            out.add(new EngineDecision(act, ourRules.isEmpty() ? "untested" : oursOn(act), axeBest, decider(act, true),
                    ourRules, axeRules, List.copyOf(untrusted), c == null ? 0 : c[0].sum(), c == null ? 0 : c[1].sum()));
        }
        return out;
    }

    private static final List<String> ORDER = List.of("complete", "partial", "inconsistent*", "inconsistent", "untested",
            "unmeasured");

    private static String best(List<String> labels) {
        return labels.stream().min((a, b) -> Integer.compare(rank(a), rank(b))).orElse("untested");
    }

    private static int rank(String label) {
        int i = ORDER.indexOf(label);
        return i < 0 ? ORDER.size() : i;
    }
}
