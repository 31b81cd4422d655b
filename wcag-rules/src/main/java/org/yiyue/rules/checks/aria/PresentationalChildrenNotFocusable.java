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

    /**
     * The flat tree reaches into shadow trees, which the served markup does not show: a custom element (a host a
     * script may attach a shadow root to) or a declarative shadow root among the descendants.
     */
    static boolean mayHoldShadowTree(Element target) {
        for (Element d : target.getAllElements()) {
            if (d != target && (d.normalName().contains("-")
                    || d.normalName().equals("template") && (d.hasAttr("shadowrootmode") || d.hasAttr("shadowroot")))) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected Verdict expectation(Target t, Page page) {
        for (Element d : t.element().getAllElements()) {
            if (d != t.element() && Predicates.isInSequentialFocusNavigation(d, page)) {
                return Verdict.fail("内部含可聚焦元素：" + Selectors.unique(d, page),
                        "Contains a focusable descendant: " + Selectors.unique(d, page));
            }
        }
        if (!page.rendered() && mayHoldShadowTree(t.element())) {
            return Verdict.cantTell("内部有自定义元素或声明式影子根，其影子树中可能有可聚焦元素，需渲染后判断",
                    "A custom element or declarative shadow root inside may hold focusable content in its shadow tree;"
                            + " run with --rendered to decide");
        }
        return Verdict.pass("内部没有可聚焦元素", "No focusable descendants");
    }
}
