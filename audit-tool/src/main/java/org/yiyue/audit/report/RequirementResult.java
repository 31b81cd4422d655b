package org.yiyue.audit.report;

import java.util.List;

import org.yiyue.rules.model.Text;

/**
 * One requirement of one standard, judged.
 *
 * @param standard   "wcag22-aa", "gbt37668-2" or "elder"
 * @param clause     the standard's own clause number, only when its source is at least secondary; else null
 * @param mapping    where the verdict comes from, e.g. "WCAG 1.1.1 (our mapping)"
 * @param veto       a likely veto item of the MIIT evaluation (the veto list itself is unverified)
 * @param manual     the evaluator's entry when one completed this item, else null
 */
public record RequirementResult(String standard, String id, String clause, Text name, String level, Verdict verdict,
                                String mapping, String confidence, int failedPages, int findings, boolean veto,
                                ManualResult manual, String note) {
}
