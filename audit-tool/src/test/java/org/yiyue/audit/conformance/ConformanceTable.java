package org.yiyue.audit.conformance;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yiyue.audit.conformance.ActScorer.CaseResult;
import org.yiyue.audit.conformance.ActScorer.Consistency;
import org.yiyue.audit.conformance.ActScorer.RuleScore;

/** The printed result: one row per ACT rule and mode, W3C-style counts, then every wrongly judged example. */
final class ConformanceTable {

    private ConformanceTable() {
    }

    static String render(Map<String, List<RuleScore>> byMode) {
        StringBuilder sb = new StringBuilder("\n| ACT rule | status | name |");
        byMode.keySet().forEach(m -> sb.append(' ').append(m).append(" |"));
        sb.append(" procedures |\n|---|---|---|");
        byMode.keySet().forEach(m -> sb.append("---|"));
        sb.append("---|\n");
        List<RuleScore> first = byMode.values().iterator().next();
        for (int i = 0; i < first.size(); i++) {
            RuleScore r = first.get(i);
            sb.append("| ").append(r.ruleId()).append(" | ").append(r.approved() ? "approved" : "proposed").append(" | ")
                    .append(r.ruleName().length() > 50 ? r.ruleName().substring(0, 50) + "…" : r.ruleName()).append(" |");
            String procs = "";
            for (List<RuleScore> mode : byMode.values()) {
                RuleScore m = mode.get(i);
                sb.append(' ').append(m.consistency()).append(m.inconsistentForLackOfFailedExample() ? "*" : "").append(" |");
                if (!m.procedures().isEmpty()) {
                    procs = String.join("+", m.procedures());
                }
            }
            sb.append(' ').append(procs).append(" |\n");
        }
        for (var e : byMode.entrySet()) {
            Map<Consistency, Integer> approved = new EnumMap<>(Consistency.class);
            Map<Consistency, Integer> proposed = new EnumMap<>(Consistency.class);
            for (RuleScore r : e.getValue()) {
                (r.approved() ? approved : proposed).merge(r.consistency(), 1, Integer::sum);
            }
            sb.append(String.format("%n%s: approved %s; proposed %s", e.getKey(), counts(approved), counts(proposed)));
        }
        sb.append("\n* inconsistent by W3C's definition only: this half holds no failed example of the rule, none judged wrongly\n");
        for (var e : byMode.entrySet()) {
            sb.append("\nWrong or undecided examples (").append(e.getKey()).append(", rules not complete):\n");
            for (RuleScore r : e.getValue()) {
                if (r.consistency() == Consistency.complete || r.consistency() == Consistency.untested) {
                    continue;
                }
                for (CaseResult c : r.cases()) {
                    boolean undecided = c.c().expected().equals("failed") && !c.outcomes().contains("failed");
                    if (c.wrong() || undecided) {
                        sb.append(String.format("  %s %-9s %-12s got %-28s %s  %s%n", r.ruleId(), r.consistency(),
                                c.c().expected(), c.outcomes(), c.c().title(), c.c().file()));
                    }
                }
            }
        }
        return sb.toString();
    }

    private static String counts(Map<Consistency, Integer> m) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Consistency c : Consistency.values()) {
            out.put(c.name(), m.getOrDefault(c, 0));
        }
        return out.toString();
    }
}
