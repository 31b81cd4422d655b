package org.yiyue.rules.checks.text;

import org.yiyue.rules.engine.Meta;
import org.yiyue.rules.model.Level;

/** ACT 9e45ec: important word spacing in style attributes is at least 0.16 em. */
public final class WordSpacing extends SpacingRule {
    public WordSpacing() {
        super(Meta.rule("word-spacing-important")
                .title("style 属性中的 !important 词间距足够宽", "Important word spacing in style attributes is wide enough")
                .help("去掉 !important，或让 word-spacing ≥ 0.16em", "Drop !important or make word-spacing at least 0.16em")
                .wcag(Level.AA, "1.4.12").act("9e45ec", true).tags("text-spacing").build(), "word-spacing", 0.16);
    }
}
