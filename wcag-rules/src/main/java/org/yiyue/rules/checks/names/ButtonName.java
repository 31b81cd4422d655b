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

/** ACT 97a4e1: Button has non-empty accessible name. */
public final class ButtonName extends NameRule {

    public ButtonName() {
        super(Meta.rule("button-name")
                .title("按钮有非空的可访问名称", "Button has non-empty accessible name")
                .help("为按钮提供可见文字、aria-label 或 aria-labelledby", "Give the button visible text, aria-label or aria-labelledby")
                .wcag(Level.A, "4.1.2").gbt("3.5.1.2", "功能性组件功能（≈ WCAG 4.1.2）", Confidence.S).miit("W-C1", "组件名称、角色、状态可被辅助技术获取", Confidence.N).act("97a4e1", true).tags("names").impact(Impact.CRITICAL).build());
    }

    @Override
    protected String candidates() {
        return "*";
    }

    @Override
    protected boolean applies(Element e, Page page) {
        return Predicates.hasRole(e, page, "button") && Predicates.isIncludedInAccessibilityTree(e, page)
                && !(e.normalName().equals("input") && Dom.attrLower(e, "type").equals("image"));
    }

}
