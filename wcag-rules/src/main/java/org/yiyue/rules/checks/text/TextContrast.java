package org.yiyue.rules.checks.text;

import org.yiyue.rules.engine.Meta;
import org.yiyue.rules.model.Confidence;
import org.yiyue.rules.model.Impact;
import org.yiyue.rules.model.Level;

/** ACT afw4f7: text has minimum contrast (4.5:1, large text 3:1). */
public final class TextContrast extends ContrastRule {
    public TextContrast() {
        super(Meta.rule("text-contrast")
                .title("文字具有最低对比度", "Text has minimum contrast")
                .help("文字与背景对比度至少 4.5:1（大字 3:1）；调深文字或调浅背景",
                        "Make text contrast at least 4.5:1 (3:1 for large text): darken the text or lighten the background")
                .wcag(Level.AA, "1.4.3").secondary("1.4.6").act("afw4f7", true).tags("color").rendered()
                .miit("W-P1", "高对比度（适老化辅助阅读）", Confidence.OURS).impact(Impact.SERIOUS).build(), 4.5, 3.0);
    }
}
