package org.yiyue.audit.report;

import java.util.List;

import org.yiyue.rules.model.Text;

/** A check that ran, as the report and EARL name it. actUri is null when no ACT rule is implemented. */
public record RuleInfo(String id, String engine, Text title, List<String> sc, List<String> miit, String actUri) {
    public RuleInfo {
        sc = List.copyOf(sc);
        miit = List.copyOf(miit);
    }
}
