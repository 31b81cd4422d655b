package org.yiyue.audit.report;

import java.util.List;

/**
 * Which engine decides one ACT rule in an audit, from the engines' measured consistency on the W3C test cases.
 *
 * @param yiyue      our rule library's consistency (rendered mode; W3C terms, "untested" when no procedure)
 * @param axe        axe-core's (best of the axe rules the audit runs; "unmeasured" for an axe-core given by
 *                   --axe-script)
 * @param decidedBy  "yiyue" (ours complete), "axe-core" (axe complete, ours not) or "both" (neither complete: each
 *                   engine's consistent rules report, as before)
 * @param untrusted  procedures inconsistent for this rule: their failures are reported as cantTell, never as failures
 * @param superseded findings of the engine that does not decide, left out of this audit's report
 * @param demoted    failures of untrusted procedures reported as cantTell in this audit
 */
public record EngineDecision(String actRule, String yiyue, String axe, String decidedBy, List<String> yiyueRules,
                             List<String> axeRules, List<String> untrusted, long superseded, long demoted) {
    public EngineDecision {
        yiyueRules = List.copyOf(yiyueRules);
        axeRules = List.copyOf(axeRules);
        untrusted = List.copyOf(untrusted);
    }
}
