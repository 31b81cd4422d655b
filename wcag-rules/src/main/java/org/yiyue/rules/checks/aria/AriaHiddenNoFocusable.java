package org.yiyue.rules.checks.aria;

import org.jsoup.nodes.Element;
import org.yiyue.rules.dom.Predicates;
import org.yiyue.rules.engine.ElementRule;
import org.yiyue.rules.engine.Meta;
import org.yiyue.rules.engine.Selectors;
import org.yiyue.rules.engine.Target;
import org.yiyue.rules.engine.Verdict;
import org.yiyue.rules.model.Impact;
import org.yiyue.rules.model.Level;
import org.yiyue.rules.page.Page;

/** ACT 6cfa84: aria-hidden="true" content has nothing in sequential focus navigation. */
public final class AriaHiddenNoFocusable extends ElementRule {

    public AriaHiddenNoFocusable() {
        super(Meta.rule("aria-hidden-no-focusable")
                .title("aria-hidden 元素不含可 Tab 到达的内容", "Element with aria-hidden has no content in sequential focus navigation")
                .help("去掉 aria-hidden，或让其中的元素不可聚焦（tabindex=\"-1\"、disabled 或隐藏）",
                        "Remove aria-hidden, or take the content out of the tab order (tabindex=\"-1\", disabled, hidden)")
                .wcag(Level.A, "4.1.2").act("6cfa84", true).tags("aria", "keyboard").impact(Impact.SERIOUS).build());
    }


    /** ACT 6cfa84: the rule text names any element or attribute, whatever the document. */
    @Override
    public java.util.Set<org.yiyue.rules.page.DocumentKind> documentKinds() {
        return ANY_DOCUMENT;
    }
    @Override
    protected String candidates() {
        return "[aria-hidden]";
    }

    @Override
    protected boolean applies(Element e, Page page) {
        return e.attr("aria-hidden").trim().equalsIgnoreCase("true");
    }

    /**
     * ACT "focusable" excepts elements that lose focus within a second without user interaction: a focus handler
     * in markup on the element or on an ancestor up to the target (focusin bubbles) may do that.
     */
    private static boolean focusHandler(Element d, Element target) {
        for (Element p = d; p != null; p = p.parent()) {
            if (p.hasAttr("onfocus") || p.hasAttr("onfocusin")) {
                return true;
            }
            if (p == target) {
                return false;
            }
        }
        return false;
    }

    @Override
    protected Verdict expectation(Target t, Page page) {
        for (Element d : t.element().getAllElements()) {
            if (Predicates.isInSequentialFocusNavigation(d, page)) {
                if (focusHandler(d, t.element())) {
                    return Verdict.cantTell("隐藏内容中的可聚焦元素有焦点事件处理程序，可能一获得焦点就移走焦点（ACT“可聚焦”的例外）：" + Selectors.unique(d, page),
                            "A focusable element in the hidden content has a focus handler and may give focus away at once"
                                    + " (the exception in ACT's \"focusable\"): " + Selectors.unique(d, page));
                }
                return Verdict.fail("隐藏内容中有可聚焦元素：" + Selectors.unique(d, page),
                        "Hidden content contains a focusable element: " + Selectors.unique(d, page));
            }
        }
        if (!page.rendered() && PresentationalChildrenNotFocusable.mayHoldShadowTree(t.element())) {
            return Verdict.cantTell("隐藏内容中有自定义元素或声明式影子根，其影子树中可能有可聚焦元素，需渲染后判断",
                    "A custom element or declarative shadow root inside may hold focusable content in its shadow tree;"
                            + " run with --rendered to decide");
        }
        return Verdict.pass("隐藏内容中没有可聚焦元素", "No focusable content inside");
    }
}
