package org.yiyue.rules.checks.names;

import org.jsoup.nodes.Element;
import org.yiyue.rules.aria.Roles;
import org.yiyue.rules.dom.Predicates;
import org.yiyue.rules.engine.Meta;
import org.yiyue.rules.engine.NameRule;
import org.yiyue.rules.model.Level;
import org.yiyue.rules.page.Page;

/** ACT 2t702h: the summary button of a details element has a non-empty accessible name. */
public final class SummaryName extends NameRule {

    public SummaryName() {
        super(Meta.rule("summary-name")
                .title("summary 元素有非空的可访问名称", "Summary element has non-empty accessible name")
                .help("在 summary 中写出说明展开内容的文字", "Put text in the summary that says what it expands")
                .wcag(Level.A, "4.1.2").act("2t702h", true).tags("names").build());
    }

    @Override
    protected String candidates() {
        return "details > summary";
    }

    @Override
    protected boolean applies(Element e, Page page) {
        Element details = e.parent();
        if (details == null || details.selectFirst("> summary") != e) {
            return false;
        }
        var explicit = Roles.explicit(e);
        boolean roleIgnored = explicit.isEmpty()
                || (Roles.markedDecorative(e) && Roles.hasConflict(e, page));
        return roleIgnored && Predicates.isIncludedInAccessibilityTree(e, page);
    }
}
