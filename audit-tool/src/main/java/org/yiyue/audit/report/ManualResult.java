package org.yiyue.audit.report;

/**
 * An evaluator's result for one requirement, read from the manual results JSON.
 *
 * @param item      requirement id: a WCAG SC ("1.3.2"), a MIIT item ("W-P6") or "GBT:1.1.1"
 * @param outcome   passed, failed, cantTell or inapplicable
 * @param checkedBy evaluator's name
 * @param when      ISO date or date-time of the check
 */
public record ManualResult(String item, String outcome, String checkedBy, String when, String note) {
}
