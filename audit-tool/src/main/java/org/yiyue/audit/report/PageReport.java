package org.yiyue.audit.report;

import java.util.List;
import java.util.Map;

/**
 * Everything about one audited URL.
 *
 * @param status       how the page ended: "audited", "audited-static" (browser part failed or off), or a fetch
 *                     outcome such as "http-error", "not-html", "timeout", "redirect-loop"
 * @param detail       human-readable cause when status is not an audit
 * @param ruleOutcomes page-level ACT outcome per rule id (failed > cantTell > passed > inapplicable)
 */
public record PageReport(String url, String title, String pageType, String sample, String device, String status,
                         int httpStatus, String detail, long millis, List<Finding> findings,
                         Map<String, String> ruleOutcomes) {

    public PageReport {
        findings = List.copyOf(findings);
        ruleOutcomes = Map.copyOf(ruleOutcomes);
    }

    public boolean audited() {
        return status.startsWith("audited");
    }

    public long failures() {
        return findings.stream().filter(Finding::failed).count();
    }
}
