package org.yiyue.rules.checks.aria;

import org.jsoup.nodes.Element;
import org.yiyue.rules.dom.Dom;
import org.yiyue.rules.dom.Predicates;
import org.yiyue.rules.engine.ElementRule;
import org.yiyue.rules.engine.Meta;
import org.yiyue.rules.engine.Selectors;
import org.yiyue.rules.engine.Target;
import org.yiyue.rules.engine.Verdict;
import org.yiyue.rules.model.Impact;
import org.yiyue.rules.model.Level;
import org.yiyue.rules.page.Page;

/** ACT 307n5z: elements whose children are presentational contain nothing in sequential focus navigation. */
public final class PresentationalChildrenNotFocusable extends ElementRule {

    public PresentationalChildrenNotFocusable() {
        super(Meta.rule("presentational-children-no-focusable")
                .title("子元素为展示性的元素不含可聚焦内容", "Element with presentational children has no focusable content")
                .help("不要在按钮、复选框、图片等角色内部放置链接或可聚焦元素",
                        "Do not nest links or focusable elements inside buttons, checkboxes, images and similar roles")
                .wcag(Level.A, "4.1.2").act("307n5z", true).tags("aria", "keyboard").impact(Impact.SERIOUS).build());
    }

    /** "Any HTML or SVG element": an SVG document's elements too. */
    @Override
    public java.util.Set<org.yiyue.rules.page.DocumentKind> documentKinds() {
        return java.util.Set.of(org.yiyue.rules.page.DocumentKind.HTML, org.yiyue.rules.page.DocumentKind.XHTML,
                org.yiyue.rules.page.DocumentKind.SVG);
    }

    /** The roles the rule text names (ARIA 1.2 children presentational; math is no longer among them). */
    static final java.util.Set<String> ROLES = java.util.Set.of("button", "checkbox", "img", "meter",
            "menuitemcheckbox", "menuitemradio", "option", "progressbar", "radio", "scrollbar", "separator", "slider",
            "switch", "tab");

    @Override
    protected boolean applies(Element e, Page page) {
        return (Dom.isHtml(e) || Dom.isSvg(e)) && Predicates.hasRoleIn(e, page, ROLES);
    }

    @Override
    protected Verdict expectation(Target t, Page page) {
        for (Element d : t.element().getAllElements()) {
            if (d != t.element() && Predicates.isInSequentialFocusNavigation(d, page)) {
                return Verdict.fail("内部含可聚焦元素：" + Selectors.unique(d, page),
                        "Contains a focusable descendant: " + Selectors.unique(d, page));
            }
        }
        return Verdict.pass("内部没有可聚焦元素", "No focusable descendants");
    }
}
