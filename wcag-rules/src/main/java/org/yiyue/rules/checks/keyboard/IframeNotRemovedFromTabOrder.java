package org.yiyue.rules.checks.keyboard;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.yiyue.rules.dom.Focus;
import org.yiyue.rules.engine.ElementRule;
import org.yiyue.rules.engine.Meta;
import org.yiyue.rules.engine.Target;
import org.yiyue.rules.engine.Verdict;
import org.yiyue.rules.model.Impact;
import org.yiyue.rules.model.Level;
import org.yiyue.rules.page.Page;

/**
 * ACT akn7bn: an iframe with interactive content is not taken out of the tab order by a negative tabindex.
 * The iframe's document is only known for srcdoc; for src documents a negative tabindex answers cantTell.
 */
public final class IframeNotRemovedFromTabOrder extends ElementRule {

    public IframeNotRemovedFromTabOrder() {
        super(Meta.rule("iframe-tabindex")
                .title("含交互元素的 iframe 未被移出 Tab 顺序", "Iframe with interactive elements is not excluded from tab-order")
                .help("不要给含链接或表单的 iframe 设置负 tabindex", "Do not give an iframe with links or controls a negative tabindex")
                .wcag(Level.A, "2.1.1").act("akn7bn", true).tags("keyboard").impact(Impact.SERIOUS).build());
    }

    @Override
    protected String candidates() {
        return "iframe";
    }

    @Override
    protected boolean applies(Element e, Page page) {
        if (Focus.inert(e)) {
            return false;
        }
        Document inner = srcdoc(e);
        if (inner != null) {
            Page innerPage = Page.of(inner, page.url());
            // "contains at least one element that is visible and part of the sequential focus navigation order"
            return inner.getAllElements().stream().anyMatch(x -> Focus.inSequentialNavigation(x, innerPage)
                    && org.yiyue.rules.dom.Visibility.visible(x, innerPage) != org.yiyue.rules.dom.Tri.NO);
        }
        return true; // content unknown: decided in the expectation
    }

    private static Document srcdoc(Element e) {
        return e.hasAttr("srcdoc") ? Jsoup.parse(e.attr("srcdoc")) : null;
    }

    @Override
    protected Verdict expectation(Target t, Page page) {
        Integer tab = Focus.tabindex(t.element());
        if (tab == null || tab >= 0) {
            return Verdict.pass("iframe 没有负 tabindex", "The iframe has no negative tabindex");
        }
        if (srcdoc(t.element()) != null) {
            return Verdict.fail("iframe 内有可聚焦元素，但 tabindex 为负，键盘无法进入",
                    "The iframe has focusable content but a negative tabindex, so keyboard users cannot reach it");
        }
        return Verdict.cantTell("iframe 的 tabindex 为负；需检查其文档中是否有可聚焦元素",
                "The iframe has a negative tabindex; its document must be checked for focusable content");
    }
}
