package org.yiyue.audit.report;

/** How one requirement ended. Only an evaluator can turn "not tested automatically" into a pass. */
public enum Verdict {
    FAILED("不通过", "failed"),
    PASSED_BY_AUTOMATION("自动检测未发现问题", "passed by automation"),
    PASSED_BY_EVALUATOR("测评人员判定通过", "passed (evaluator)"),
    CANNOT_TELL("无法判定", "cannot tell"),
    NOT_APPLICABLE("不适用", "not applicable"),
    NOT_TESTED("未自动检测（需测评人员）", "not tested automatically (needs an evaluator)");

    private final String zh;
    private final String en;

    Verdict(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String label(boolean chinese) {
        return chinese ? zh : en;
    }

    public String earl() {
        return switch (this) {
            case FAILED -> "earl:failed";
            case PASSED_BY_AUTOMATION, PASSED_BY_EVALUATOR -> "earl:passed";
            case CANNOT_TELL -> "earl:cantTell";
            case NOT_APPLICABLE -> "earl:inapplicable";
            case NOT_TESTED -> "earl:untested";
        };
    }
}
