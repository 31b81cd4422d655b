package org.yiyue.audit.conformance;

import java.util.List;

/**
 * One EARL assertion reduced to what ACT scoring reads: the case it is about, the procedure (our rule id), the
 * outcome and the WCAG requirements (EARL ids such as {@code WCAG2:page-titled}) the procedure declares.
 */
record Assertion(String ruleId, String testcaseId, String procedure, String outcome, List<String> requirements) {
}
