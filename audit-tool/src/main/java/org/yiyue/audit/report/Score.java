package org.yiyue.audit.report;

/**
 * A technical score of our own (not the MIIT evaluation's): see {@code judge.Scoring} for the formula.
 *
 * @param value    0–100, or -1 when no requirement was decided
 * @param decided  requirements that ended passed or failed (by automation or evaluator)
 * @param total    requirements in the standard
 * @param vetoFailed a likely veto item failed: the site would not reach the technical score in the MIIT procedure
 */
public record Score(String standard, int value, int decided, int total, int failed, boolean vetoFailed, String formula) {
}
