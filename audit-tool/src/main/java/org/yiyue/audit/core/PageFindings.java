package org.yiyue.audit.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yiyue.audit.report.Finding;
import org.yiyue.rules.model.Text;

/**
 * Collects one page's findings and the page-level outcome of each check (failed beats cantTell beats passed beats
 * inapplicable, as ACT aggregates outcomes).
 */
public final class PageFindings {

    private final String page;
    private final List<Finding> findings = new ArrayList<>();
    private final Map<String, String> outcomes = new LinkedHashMap<>();

    public PageFindings(String page) {
        this.page = page;
    }

    public String page() {
        return page;
    }

    public void outcome(String ruleId, String outcome) {
        outcomes.merge(ruleId, outcome, (a, b) -> rank(b) > rank(a) ? b : a);
    }

    /** Replaces a check's page outcome (a rendered run supersedes the static run of the same rule). */
    public void replaceRule(String ruleId) {
        outcomes.remove(ruleId);
        findings.removeIf(f -> f.ruleId().equals(ruleId));
    }

    public void failed(String engine, String ruleId, List<String> sc, List<String> miit, String impact, String target,
                       String snippet, Text message, Text fix) {
        add(new Finding(page, engine, ruleId, "failed", sc, miit, impact, target, snippet, message, fix, null, List.of()));
    }

    public void cantTell(String engine, String ruleId, List<String> sc, List<String> miit, String impact, String target,
                         String snippet, Text message, Text fix) {
        add(new Finding(page, engine, ruleId, "cantTell", sc, miit, impact, target, snippet, message, fix, null, List.of()));
    }

    public void add(Finding f) {
        findings.add(f);
        outcome(f.ruleId(), f.outcome());
    }

    public void addAll(PageFindings other) {
        other.findings.forEach(this::add);
        other.outcomes.forEach(this::outcome);
    }

    public List<Finding> findings() {
        return List.copyOf(findings);
    }

    public Map<String, String> outcomes() {
        return Map.copyOf(outcomes);
    }

    static int rank(String outcome) {
        return switch (outcome) {
            case "failed" -> 3;
            case "cantTell" -> 2;
            case "passed" -> 1;
            default -> 0;
        };
    }

    public static String snippet(String html) {
        if (html == null) {
            return "";
        }
        String s = html.replaceAll("\\s+", " ").strip();
        return s.length() > 200 ? s.substring(0, 197) + "…" : s;
    }
}
