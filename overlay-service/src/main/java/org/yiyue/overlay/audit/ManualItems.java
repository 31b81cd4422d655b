package org.yiyue.overlay.audit;

import java.util.List;
import java.util.regex.Pattern;

/** What an evaluator may record: a requirement id and an ACT outcome, with a short note. */
public final class ManualItems {

    /** WCAG SC (1.3.2), MIIT item (W-P6, W-U1) or GB/T clause through its SC (GBT:1.3.2). */
    static final Pattern ITEM = Pattern.compile("(GBT:)?\\d\\.\\d{1,2}\\.\\d{1,2}|W-[A-Z]\\d{1,2}");

    private ManualItems() {
    }

    public static void validate(String item, String outcome, String note) {
        List<Problem.FieldError> errors = new java.util.ArrayList<>();
        if (item == null || !ITEM.matcher(item).matches()) {
            errors.add(new Problem.FieldError("item", "要求编号应像 1.3.2、W-P6 或 GBT:1.3.2。",
                    "A requirement id looks like 1.3.2, W-P6 or GBT:1.3.2."));
        }
        if (!AuditResource.OUTCOMES.contains(outcome)) {
            errors.add(new Problem.FieldError("outcome", "结果只能是 passed、failed、cantTell 或 inapplicable。",
                    "Outcome must be passed, failed, cantTell or inapplicable."));
        }
        if (note != null && note.length() > 2000) {
            errors.add(new Problem.FieldError("note", "备注不能超过 2000 字。", "The note must not exceed 2000 characters."));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(new Problem(422, "invalid-manual-result", "人工结果无效", "Invalid manual result",
                    "人工结果有 " + errors.size() + " 处错误，未保存。",
                    "The manual result has " + errors.size() + " error(s); nothing was saved.", errors));
        }
    }
}
