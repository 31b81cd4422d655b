package org.yiyue.rules.checks.text;

import org.yiyue.rules.engine.Meta;
import org.yiyue.rules.model.Level;

/** ACT 24afc2: important letter spacing in style attributes is at least 0.12 em. */
public final class LetterSpacing extends SpacingRule {
    public LetterSpacing() {
        super(Meta.rule("letter-spacing-important")
                .title("style 属性中的 !important 字间距足够宽", "Important letter spacing in style attributes is wide enough")
                .help("去掉 !important，或让 letter-spacing ≥ 0.12em", "Drop !important or make letter-spacing at least 0.12em")
                .wcag(Level.AA, "1.4.12").act("24afc2", true).tags("text-spacing").build(), "letter-spacing", 0.12);
    }
}
