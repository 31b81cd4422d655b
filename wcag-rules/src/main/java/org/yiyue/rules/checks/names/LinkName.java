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

/** ACT c487ae: Link has non-empty accessible name. */
public final class LinkName extends NameRule {

    public LinkName() {
        super(Meta.rule("link-name")
                .title("链接有非空的可访问名称", "Link has non-empty accessible name")
                .help("为链接提供文字、图片 alt 或 aria-label，说明链接目的", "Give the link text, an image alt or aria-label that says where it goes")
                .wcag(Level.A, "2.4.4", "4.1.2").secondary("2.4.9").miit("W-C1", "组件名称、角色、状态可被辅助技术获取", Confidence.N).act("c487ae", true).tags("names").impact(Impact.SERIOUS).build());
    }

    @Override
    protected String candidates() {
        return "*";
    }

    @Override
    protected boolean applies(Element e, Page page) {
        return Dom.isHtml(e) && Predicates.hasRole(e, page, "link", "doc-backlink", "doc-biblioref", "doc-glossref", "doc-noteref")
                && Predicates.isIncludedInAccessibilityTree(e, page);
    }

}
