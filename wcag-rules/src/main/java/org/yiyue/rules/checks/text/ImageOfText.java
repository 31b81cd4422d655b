package org.yiyue.rules.checks.text;

import org.yiyue.rules.dom.Tri;
import org.yiyue.rules.dom.Visibility;
import org.yiyue.rules.engine.Meta;
import org.yiyue.rules.model.Level;
import org.yiyue.rules.model.Text;

/** ACT 0va7u6: a person judges whether rendered images contain text (no OCR here). */
public final class ImageOfText extends HumanJudgementRule {
    public ImageOfText() {
        super(Meta.rule("image-no-text")
                        .title("HTML 图片不含文字", "HTML images contain no text")
                        .help("用真实文字代替文字图片（标志除外）", "Use real text instead of images of text (logos excepted)")
                        .wcag(Level.AA, "1.4.5").wcag(Level.AAA, "1.4.9").act("0va7u6", true).tags("images").human().build(),
                "img, input[type=image]",
                (e, page) -> Visibility.visible(e, page) != Tri.NO,
                Text.of("需人工判断图片中是否有必要的文字", "A person must judge whether the image contains text"));
    }
}
