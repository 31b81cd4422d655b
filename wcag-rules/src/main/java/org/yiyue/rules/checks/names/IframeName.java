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

/** ACT cae760: Iframe element has non-empty accessible name. */
public final class IframeName extends NameRule {

    public IframeName() {
        super(Meta.rule("iframe-name")
                .title("iframe 有非空的可访问名称", "Iframe element has non-empty accessible name")
                .help("为 iframe 加 title 属性说明其内容", "Give the iframe a title that says what it contains")
                .wcag(Level.A, "4.1.2").act("cae760", false).tags("names").impact(Impact.SERIOUS).build());
    }

    @Override
    protected String candidates() {
        return "iframe";
    }

    @Override
    protected boolean applies(Element e, Page page) {
        Integer tab = org.yiyue.rules.dom.Focus.tabindex(e);
        return Predicates.isIncludedInAccessibilityTree(e, page) && (tab == null || tab >= 0) && !Roles.markedDecorative(e);
    }

}
