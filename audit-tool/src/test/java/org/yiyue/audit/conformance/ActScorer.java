package org.yiyue.audit.conformance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * W3C ACT consistency per rule (complete / partial / inconsistent / untested), as the W3C implementation pages
 * compute it (act-tools map-implementation; ../shared/act-cases/scorer/score-act.py is the reference this agrees
 * with). Per procedure: a failed outcome on a passed or inapplicable example makes it inconsistent; complete when it
 * fails every failed example, tests every example and declares the rule's WCAG requirements; partial when it fails
 * some failed example, or cannot tell on some and passes every inapplicable one. The rule takes its best procedure(s).
 */
final class ActScorer {

    enum Consistency { complete, partial, inconsistent, untested }

    /** One example as a procedure answered it. */
    record CaseResult(ActCase c, List<String> outcomes) {
        boolean wrong() {
            boolean failed = outcomes.contains("failed");
            return c.expected().equals("failed") ? !failed : failed;
        }
    }

    /**
     * @param byProcedure each procedure's own consistency (W3C term; "inconsistent*" when it failed no passed or
     *                    inapplicable example, i.e. inconsistent only for catching no failed one), also those not
     *                    chosen for the rule: the audit's engine merge trusts procedures one by one
     */
    record RuleScore(String ruleId, String ruleName, boolean approved, Consistency consistency, List<String> procedures,
            List<CaseResult> cases, Map<String, String> byProcedure) {

        /**
         * Inconsistent only because this half of the cases holds no failed example for the rule (W3C's definition
         * needs one failed example caught): no example was judged wrongly.
         */
        boolean inconsistentForLackOfFailedExample() {
            return consistency == Consistency.inconsistent && cases.stream().noneMatch(c -> c.c().expected().equals("failed"))
                    && cases.stream().noneMatch(CaseResult::wrong);
        }
    }

    private final Function<String, String> scToEarl;

    /** @param scToEarl WCAG SC number ("2.4.2") to the EARL requirement id used in reports ("WCAG2:page-titled") */
    ActScorer(Function<String, String> scToEarl) {
        this.scToEarl = scToEarl;
    }

    List<RuleScore> score(List<ActCase> corpus, List<Assertion> assertions) {
        Map<String, List<ActCase>> byRule = new LinkedHashMap<>();
        corpus.forEach(c -> byRule.computeIfAbsent(c.ruleId(), k -> new ArrayList<>()).add(c));
        Map<String, Map<String, List<Assertion>>> byRuleProc = new LinkedHashMap<>();
        for (Assertion a : assertions) {
            byRuleProc.computeIfAbsent(a.ruleId(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(a.procedure(), k -> new ArrayList<>()).add(a);
        }
        List<RuleScore> out = new ArrayList<>();
        for (var e : byRule.entrySet()) {
            List<ActCase> cases = e.getValue();
            ActCase first = cases.get(0);
            Map<String, Boolean> ruleReqs = new LinkedHashMap<>();
            first.wcag().forEach(sc -> ruleReqs.put(scToEarl.apply(sc), false));
            first.wcagSecondary().forEach(sc -> ruleReqs.putIfAbsent(scToEarl.apply(sc), true));
            Map<String, List<Assertion>> procs = byRuleProc.getOrDefault(e.getKey(), Map.of());
            if (procs.isEmpty()) {
                out.add(new RuleScore(e.getKey(), first.ruleName(), first.approvedRule(), Consistency.untested, List.of(),
                        List.of(), Map.of()));
                continue;
            }
            record Proc(String name, List<CaseResult> results, Set<String> failedReqs, Consistency cons, long coverage) {
            }
            List<Proc> scored = new ArrayList<>();
            for (var p : procs.entrySet()) {
                List<CaseResult> results = new ArrayList<>();
                for (ActCase c : cases) {
                    List<String> ocs = p.getValue().stream().filter(a -> a.testcaseId().equals(c.testcaseId()))
                            .map(Assertion::outcome).toList();
                    results.add(new CaseResult(c, ocs.isEmpty() ? List.of("untested") : ocs));
                }
                Set<String> failedReqs = new TreeSet<>();
                p.getValue().stream().filter(a -> a.outcome().equals("failed") || a.outcome().equals("cantTell"))
                        .forEach(a -> failedReqs.addAll(a.requirements()));
                long coverage = results.stream().filter(r -> r.c().expected().equals("failed")
                        ? r.outcomes().contains("failed") : onlyPassOrInapplicable(r.outcomes())).count();
                scored.add(new Proc(p.getKey(), results, failedReqs, consistency(results, failedReqs, ruleReqs), coverage));
            }
            Consistency best = scored.stream().map(Proc::cons).min(Comparator.naturalOrder()).orElseThrow();
            List<Proc> chosen = scored.stream().filter(p -> p.cons() == best)
                    .sorted(Comparator.comparingLong(Proc::coverage).reversed()).toList();
            List<CaseResult> combined = new ArrayList<>();
            for (int i = 0; i < cases.size(); i++) {
                List<String> ocs = new ArrayList<>();
                for (Proc p : chosen) {
                    p.results().get(i).outcomes().stream().filter(o -> !o.equals("untested")).forEach(ocs::add);
                }
                combined.add(new CaseResult(cases.get(i), ocs.isEmpty() ? List.of("untested") : ocs));
            }
            Consistency cons = best;
            if (best == Consistency.partial) {
                Set<String> failed = new TreeSet<>();
                chosen.forEach(p -> failed.addAll(p.failedReqs()));
                cons = consistency(combined, failed, ruleReqs);
            }
            Map<String, String> byProcedure = new LinkedHashMap<>();
            for (Proc p : scored) {
                // starred: inconsistent without a single false failure (it failed no passed or inapplicable example;
                // it caught no failed one, or the half has none): what the audit's engine merge needs to know
                boolean star = p.cons() == Consistency.inconsistent && scoringSet(p.results()).stream()
                        .noneMatch(c -> !c.c().expected().equals("failed") && c.outcomes().contains("failed"));
                byProcedure.put(p.name(), p.cons().name() + (star ? "*" : ""));
            }
            out.add(new RuleScore(e.getKey(), first.ruleName(), first.approvedRule(), cons,
                    chosen.stream().map(Proc::name).toList(), scoringSet(combined), byProcedure));
        }
        return out;
    }

    /** W3C scores only the approved examples of a rule that has any. */
    private static List<CaseResult> scoringSet(List<CaseResult> results) {
        return results.stream().anyMatch(r -> r.c().approvedCase())
                ? results.stream().filter(r -> r.c().approvedCase()).toList() : results;
    }

    static Consistency consistency(List<CaseResult> all, Set<String> failedReqs, Map<String, Boolean> ruleReqs) {
        List<CaseResult> results = scoringSet(all);
        boolean falsePositive = results.stream().anyMatch(r -> !r.c().expected().equals("failed")
                && r.outcomes().contains("failed"));
        if (falsePositive) {
            return Consistency.inconsistent;
        }
        boolean truePositive = results.stream().anyMatch(r -> r.c().expected().equals("failed")
                && r.outcomes().contains("failed"));
        boolean falseNegative = results.stream().anyMatch(r -> r.c().expected().equals("failed")
                && r.outcomes().stream().allMatch(o -> o.equals("passed") || o.equals("inapplicable") || o.equals("untested")));
        boolean untested = results.stream().anyMatch(r -> r.outcomes().contains("untested"));
        if (mapsAll(failedReqs, ruleReqs) && !untested && !falseNegative && truePositive) {
            return Consistency.complete;
        }
        if (truePositive) {
            return Consistency.partial;
        }
        boolean cantTell = results.stream().anyMatch(r -> r.outcomes().contains("cantTell"));
        boolean inapplicableOk = results.stream().allMatch(r -> !r.c().expected().equals("inapplicable")
                || onlyPassOrInapplicable(r.outcomes()));
        return cantTell && inapplicableOk ? Consistency.partial : Consistency.inconsistent;
    }

    private static boolean onlyPassOrInapplicable(List<String> outcomes) {
        return outcomes.stream().allMatch(o -> o.equals("passed") || o.equals("inapplicable"));
    }

    /** The procedure declares every primary requirement of the rule and no WCAG SC outside the rule's. */
    private static boolean mapsAll(Set<String> failed, Map<String, Boolean> ruleReqs) {
        Set<String> must = new LinkedHashSet<>();
        ruleReqs.forEach((k, secondary) -> {
            if (!secondary) {
                must.add(k);
            }
        });
        return failed.containsAll(must)
                && failed.stream().allMatch(f -> !f.startsWith("WCAG2:") || ruleReqs.containsKey(f));
    }
}
