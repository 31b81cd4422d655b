package org.yiyue.audit.judge;

import java.util.ArrayList;
import java.util.List;

import org.yiyue.audit.report.RequirementResult;
import org.yiyue.audit.report.Score;
import org.yiyue.audit.report.Verdict;

/**
 * Our own technical score, not the MIIT evaluation's (its 40-point technical part is the evaluating body's).
 *
 * <p>Formula: over the requirements that ended decided (passed by automation or evaluator, or failed), each earns
 * 1 if passed, and if failed {@code 0.5 × (1 − failingPages / auditedPages)} (a failed requirement never earns more
 * than half, and less the more pages fail). Score = round(100 × earned / decided). Undecided requirements (cannot
 * tell, not tested, not applicable) are left out and the coverage decided/total is printed beside the score. For
 * 适老化, a failed likely-veto item is flagged: in the MIIT procedure it stops the evaluation before any score.
 */
public final class Scoring {

    public static final String FORMULA_ZH = "本工具自定公式：已判定项中，通过得 1 分，不通过得 0.5 ×（1 − 不通过页数/已审计页数）；"
            + "得分 = 100 × 得分合计 / 已判定项数；无法判定、未自动检测与不适用项不计入，另列覆盖率。非工信部官方评分。";
    public static final String FORMULA_EN = "Our own formula: over decided requirements, a pass earns 1, a failure "
            + "0.5 × (1 − failing pages / audited pages); score = 100 × earned / decided; cannot tell, not tested and "
            + "not applicable are left out and coverage is shown. Not the MIIT evaluation's score.";

    private Scoring() {
    }

    public static List<Score> score(List<RequirementResult> results, List<String> standards, int auditedPages) {
        List<Score> out = new ArrayList<>();
        for (String std : standards) {
            List<RequirementResult> rs = results.stream().filter(r -> r.standard().equals(std)).toList();
            double earned = 0;
            int decided = 0;
            int failed = 0;
            boolean veto = false;
            for (RequirementResult r : rs) {
                if (r.verdict() == Verdict.PASSED_BY_AUTOMATION || r.verdict() == Verdict.PASSED_BY_EVALUATOR) {
                    earned += 1;
                    decided++;
                } else if (r.verdict() == Verdict.FAILED) {
                    double share = auditedPages == 0 ? 1 : Math.min(1.0, (double) r.failedPages() / auditedPages);
                    earned += 0.5 * (1 - share);
                    decided++;
                    failed++;
                    veto |= r.veto();
                }
            }
            int value = decided == 0 ? -1 : (int) Math.round(100 * earned / decided);
            out.add(new Score(std, value, decided, rs.size(), failed, veto, FORMULA_EN));
        }
        return out;
    }
}
