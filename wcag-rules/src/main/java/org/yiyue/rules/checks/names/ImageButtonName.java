package org.yiyue.rules.checks.names;

import java.util.Locale;

import org.jsoup.nodes.Element;
import org.yiyue.rules.aria.Roles;
import org.yiyue.rules.dom.Dom;
import org.yiyue.rules.dom.Predicates;
import org.yiyue.rules.engine.Meta;
import org.yiyue.rules.engine.NameRule;
import org.yiyue.rules.model.Confidence;
import org.yiyue.rules.model.Impact;
import org.yiyue.rules.model.Level;
import org.yiyue.rules.page.Page;

/** ACT 59796f: Image button has non-empty accessible name. */
public final class ImageButtonName extends NameRule {

    public ImageButtonName() {
        super(Meta.rule("image-button-name")
                .title("图片按钮有非空的可访问名称", "Image button has non-empty accessible name")
                .help("为 input type=image 提供说明按钮功能的 alt", "Give input type=image an alt that says what the button does")
                .wcag(Level.A, "1.1.1", "4.1.2").gbt("3.2.1.3", "非文本控件（≈ WCAG 1.1.1）", Confidence.S).act("59796f", true).tags("names").impact(Impact.CRITICAL).build());
    }

    @Override
    protected String candidates() {
        return "input[type]";
    }

    @Override
    protected boolean applies(Element e, Page page) {
        return Dom.attrLower(e, "type").equals("image") && Predicates.isIncludedInAccessibilityTree(e, page);
    }

    @Override
    protected boolean isDefaultName(Element e, String name) {
        return name.equals("Submit Query") || name.equals("提交查询");
    }
}
