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

/** ACT ffd0e9: Heading has non-empty accessible name. */
public final class HeadingName extends NameRule {

    public HeadingName() {
        super(Meta.rule("heading-name")
                .title("标题有非空的可访问名称", "Heading has non-empty accessible name")
                .help("删除空标题，或为标题填写文字", "Remove empty headings or give them text")
                .secondary("1.3.1", "2.4.6").act("ffd0e9", false).tags("names").impact(Impact.MODERATE).build());
    }

    @Override
    protected String candidates() {
        return "*";
    }

    @Override
    protected boolean applies(Element e, Page page) {
        return Dom.isHtml(e) && Predicates.hasRole(e, page, "heading") && Predicates.isIncludedInAccessibilityTree(e, page);
    }

}
