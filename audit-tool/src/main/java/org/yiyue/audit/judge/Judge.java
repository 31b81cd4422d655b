package org.yiyue.audit.judge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yiyue.audit.report.Finding;
import org.yiyue.audit.report.ManualResult;
import org.yiyue.audit.report.PageReport;
import org.yiyue.audit.report.RequirementResult;
import org.yiyue.audit.report.RuleInfo;
import org.yiyue.audit.report.Verdict;
import org.yiyue.rules.model.Text;

/**
 * Turns page-level outcomes into one verdict per requirement of each chosen standard.
 *
 * <p>Per WCAG SC: any failed element → failed. Otherwise an evaluator's entry decides if there is one. Otherwise, for
 * an SC no ACT rule covers: cannot tell if a check was unsure, else not tested automatically (never passed). For
 * the others: cannot tell if any check was unsure, passed-by-automation if a check passed, not applicable if all
 * checks were inapplicable, not tested if no check looked at it. GB/T and MIIT items carry over from their SCs
 * and toolbar checks.
 */
public final class Judge {

    public static final String WCAG = "wcag22-aa";
    public static final String GBT = "gbt37668-2";
    public static final String ELDER = "elder";

    private final List<PageReport> pages;
    private final Map<String, RuleInfo> rules = new HashMap<>();
    private final Map<String, ManualResult> manual = new HashMap<>();

    public Judge(List<PageReport> pages, List<RuleInfo> rules, List<ManualResult> manualResults) {
        this.pages = pages;
        rules.forEach(r -> this.rules.put(r.id(), r));
        manualResults.forEach(m -> manual.put(m.item(), m));
    }

    /** Evidence gathered for one key (an SC or a check id). */
    private static final class Evidence {
        final Set<String> failedPages = new HashSet<>();
        int findings;
        boolean cantTell;
        boolean passed;
        boolean inapplicable;
    }

    public List<RequirementResult> judge(List<String> standards) {
        Map<String, Evidence> bySc = new HashMap<>();
        Map<String, Evidence> byCheck = new HashMap<>();
        Map<String, Evidence> byMiit = new HashMap<>();
        for (PageReport p : pages) {
            if (!p.audited()) {
                continue;
            }
            for (Finding f : p.findings()) {
                for (String sc : f.sc()) {
                    record(bySc, sc, f, p.url());
                }
                record(byCheck, f.ruleId(), f, p.url());
                for (String m : f.miit()) {
                    record(byMiit, m, f, p.url());
                }
            }
            for (Map.Entry<String, String> e : p.ruleOutcomes().entrySet()) {
                RuleInfo info = rules.get(e.getKey());
                List<String> scs = info == null ? List.of() : info.sc();
                for (String sc : scs) {
                    mark(bySc.computeIfAbsent(sc, k -> new Evidence()), e.getValue());
                }
                mark(byCheck.computeIfAbsent(e.getKey(), k -> new Evidence()), e.getValue());
            }
        }
        List<RequirementResult> out = new ArrayList<>();
        Map<String, Verdict> scVerdicts = new HashMap<>();
        for (Wcag22.Sc sc : Wcag22.all()) {
            Evidence ev = bySc.getOrDefault(sc.id(), new Evidence());
            ManualResult m = manual.get(sc.id());
            Verdict v = scVerdict(sc.id(), ev, m);
            scVerdicts.put(sc.id(), v);
            if (standards.contains(WCAG)) {
                out.add(new RequirementResult(WCAG, sc.id(), sc.id(), Text.of(sc.zh(), sc.en()), sc.level(), v,
                        Wcag22.hasActRule(sc.id()) ? "WCAG 2.2" : "WCAG 2.2 (no ACT rule: never passed by automation)",
                        "P", ev.failedPages.size(), ev.findings, false, m, null));
            }
        }
        if (standards.contains(GBT)) {
            for (GbtMapping.Item g : GbtMapping.all()) {
                Wcag22.Sc sc = Wcag22.get(g.viaSc()).orElseThrow();
                Evidence ev = bySc.getOrDefault(sc.id(), new Evidence());
                ManualResult m = manual.get(g.id());
                Verdict v = m != null && scVerdicts.get(sc.id()) != Verdict.FAILED ? fromManual(m) : scVerdicts.get(sc.id());
                String clause = g.clause() == null ? null : g.clause().zh();
                out.add(new RequirementResult(GBT, g.id(), clause, Text.of("对应 WCAG " + sc.id() + " " + sc.zh(),
                        "corresponds to WCAG " + sc.id() + " " + sc.en()), "level " + g.level(), v,
                        "via WCAG " + sc.id() + " (our mapping)", g.clause() == null ? "ours" : "S",
                        ev.failedPages.size(), ev.findings, false, m, null));
            }
        }
        if (standards.contains(ELDER)) {
            for (ElderItems.Item item : ElderItems.ALL) {
                out.add(elder(item, scVerdicts, byCheck, byMiit, bySc));
            }
        }
        return out;
    }

    private RequirementResult elder(ElderItems.Item item, Map<String, Verdict> scVerdicts, Map<String, Evidence> byCheck,
                                    Map<String, Evidence> byMiit, Map<String, Evidence> bySc) {
        Set<String> failedPages = new HashSet<>();
        int findings = 0;
        boolean anyFailed = false;
        boolean allPassed = !(item.sc().isEmpty() && item.checks().isEmpty());
        boolean anyCant = false;
        boolean anyEvidence = false;
        Evidence direct = byMiit.get(item.id());
        if (direct != null) {
            anyFailed |= !direct.failedPages.isEmpty();
            failedPages.addAll(direct.failedPages);
            findings += direct.findings;
            anyCant |= direct.cantTell;
        }
        for (String sc : item.sc()) {
            Verdict v = scVerdicts.get(sc);
            Evidence ev = bySc.get(sc);
            if (ev != null) {
                failedPages.addAll(ev.failedPages);
                findings += ev.findings;
            }
            anyFailed |= v == Verdict.FAILED;
            anyCant |= v == Verdict.CANNOT_TELL;
            anyEvidence |= v != Verdict.NOT_TESTED;
            allPassed &= v == Verdict.PASSED_BY_AUTOMATION || v == Verdict.PASSED_BY_EVALUATOR;
        }
        for (String check : item.checks()) {
            Evidence ev = byCheck.get(check);
            if (ev == null) {
                allPassed = false;
                continue;
            }
            anyEvidence = true;
            failedPages.addAll(ev.failedPages);
            findings += ev.findings;
            anyFailed |= !ev.failedPages.isEmpty();
            anyCant |= ev.cantTell;
            allPassed &= ev.passed && ev.failedPages.isEmpty() && !ev.cantTell;
        }
        ManualResult m = manual.get(item.id());
        Verdict v;
        if (anyFailed) {
            v = Verdict.FAILED;
        } else if (m != null) {
            v = fromManual(m);
        } else if (allPassed) {
            v = Verdict.PASSED_BY_AUTOMATION;
        } else if (anyCant) {
            v = Verdict.CANNOT_TELL;
        } else {
            v = Verdict.NOT_TESTED;
        }
        String via = item.sc().isEmpty() && item.checks().isEmpty() ? "needs an evaluator"
                : "via " + String.join(", ", concat(item.sc().stream().map(s -> "WCAG " + s).toList(), item.checks()));
        String note = !anyEvidence && !item.checks().isEmpty() && v == Verdict.NOT_TESTED
                ? "no Yiyue toolbar on the audited pages: the site's own aids need an evaluator" : null;
        return new RequirementResult(ELDER, item.id(), item.id(), item.name(), "", v, via, item.confidence(),
                failedPages.size(), findings, item.veto(), m, note);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static Verdict scVerdict(String sc, Evidence ev, ManualResult m) {
        if (!ev.failedPages.isEmpty()) {
            return Verdict.FAILED;
        }
        if (m != null) {
            return fromManual(m);
        }
        if (!Wcag22.hasActRule(sc)) {
            return ev.cantTell ? Verdict.CANNOT_TELL : Verdict.NOT_TESTED;
        }
        if (ev.cantTell) {
            return Verdict.CANNOT_TELL;
        }
        if (ev.passed) {
            return Verdict.PASSED_BY_AUTOMATION;
        }
        if (ev.inapplicable) {
            return Verdict.NOT_APPLICABLE;
        }
        return Verdict.NOT_TESTED;
    }

    static Verdict fromManual(ManualResult m) {
        return switch (m.outcome()) {
            case "passed" -> Verdict.PASSED_BY_EVALUATOR;
            case "failed" -> Verdict.FAILED;
            case "inapplicable" -> Verdict.NOT_APPLICABLE;
            default -> Verdict.CANNOT_TELL;
        };
    }

    private static void record(Map<String, Evidence> map, String key, Finding f, String page) {
        Evidence ev = map.computeIfAbsent(key, k -> new Evidence());
        if (f.failed()) {
            ev.failedPages.add(page);
            ev.findings++;
        } else {
            ev.cantTell = true;
        }
    }

    private static void mark(Evidence ev, String outcome) {
        switch (outcome) {
            case "passed" -> ev.passed = true;
            case "cantTell" -> ev.cantTell = true;
            case "inapplicable" -> ev.inapplicable = true;
            default -> { }
        }
    }
}
