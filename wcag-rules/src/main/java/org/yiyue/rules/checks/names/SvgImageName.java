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

/** ACT 7d6734: SVG element with explicit role has non-empty accessible name. */
public final class SvgImageName extends NameRule {

    public SvgImageName() {
        super(Meta.rule("svg-name")
                .title("带显式角色的 SVG 元素有非空的可访问名称", "SVG element with explicit role has non-empty accessible name")
                .help("用 <title>、aria-label 或 aria-labelledby 为 SVG 图形命名", "Name the SVG graphic with <title>, aria-label or aria-labelledby")
                .wcag(Level.A, "1.1.1").act("7d6734", true).tags("names").impact(Impact.SERIOUS).build());
    }

    /** SVG elements exist in SVG images as well as inside HTML pages. */
    @Override
    public java.util.Set<org.yiyue.rules.page.DocumentKind> documentKinds() {
        return java.util.EnumSet.of(org.yiyue.rules.page.DocumentKind.HTML, org.yiyue.rules.page.DocumentKind.XHTML,
                org.yiyue.rules.page.DocumentKind.SVG);
    }

    @Override
    protected String candidates() {
        return "[role]";
    }

    @Override
    protected boolean applies(Element e, Page page) {
        var r = Roles.explicit(e);
        return Dom.isSvg(e) && r.isPresent()
                && java.util.Set.of("img", "graphics-document", "graphics-symbol").contains(r.get())
                && Predicates.isIncludedInAccessibilityTree(e, page);
    }

}
