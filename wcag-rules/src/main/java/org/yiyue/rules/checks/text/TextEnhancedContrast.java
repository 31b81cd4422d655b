package org.yiyue.rules.checks.text;

import org.yiyue.rules.engine.Meta;
import org.yiyue.rules.model.Level;

/** ACT 09o5cg: text has enhanced contrast (7:1, large text 4.5:1). */
public final class TextEnhancedContrast extends ContrastRule {
    public TextEnhancedContrast() {
        super(Meta.rule("text-contrast-enhanced")
                .title("文字具有增强对比度", "Text has enhanced contrast")
                .help("文字与背景对比度至少 7:1（大字 4.5:1）", "Make text contrast at least 7:1 (4.5:1 for large text)")
                .wcag(Level.AAA, "1.4.6").secondary("1.4.3").act("09o5cg", true).tags("color").rendered().build(), 7.0, 4.5);
    }
}
