package org.yiyue.audit.judge;

import java.util.List;
import java.util.Map;

import org.yiyue.audit.report.Finding;
import org.yiyue.audit.report.PageReport;
import org.yiyue.audit.report.RuleInfo;
import org.yiyue.rules.model.Text;

/** Small hand-made result models for judge and renderer tests. */
public final class Fixtures {

    private Fixtures() {
    }

    public static Finding failed(String page, String engine, String rule, String target, String... sc) {
        return new Finding(page, engine, rule, "failed", List.of(sc), List.of(), "serious", target, "<img>",
                Text.of("缺少替代文本", "missing alt"), Text.of("写 alt", "write alt"), null, List.of());
    }

    public static Finding cantTell(String page, String rule, String target, String... sc) {
        return new Finding(page, "yiyue", rule, "cantTell", List.of(sc), List.of(), "moderate", target, "",
                Text.of("需人工判断", "needs a person"), Text.of("", ""), null, List.of());
    }

    public static PageReport page(String url, List<Finding> findings, Map<String, String> outcomes) {
        return new PageReport(url, "t", "/x", "structured", "desktop", "audited", 200, "", 10, findings, outcomes);
    }

    public static List<RuleInfo> rules() {
        return List.of(
                new RuleInfo("image-name", "yiyue", Text.of("图片名称", "Image name"), List.of("1.1.1"), List.of("W-C1"), "https://www.w3.org/WAI/standards-guidelines/act/rules/23a2a8/"),
                new RuleInfo("html-lang", "yiyue", Text.of("语言", "Lang"), List.of("3.1.1"), List.of(), null),
                new RuleInfo("reflow-320", "yiyue-browser", Text.of("重排", "Reflow"), List.of("1.4.10"), List.of(), null),
                new RuleInfo("kbd-focus-visible", "yiyue-browser", Text.of("焦点", "Focus"), List.of("2.4.7"), List.of("W-P5"), null),
                new RuleInfo("kbd-trap", "yiyue-browser", Text.of("陷阱", "Trap"), List.of("2.1.2"), List.of("W-O1"), null));
    }
}
