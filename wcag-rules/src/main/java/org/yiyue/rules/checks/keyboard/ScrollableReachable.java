package org.yiyue.rules.checks.keyboard;

import java.util.List;
import java.util.Optional;

import org.jsoup.nodes.Element;
import org.yiyue.rules.dom.Dom;
import org.yiyue.rules.dom.Focus;
import org.yiyue.rules.dom.Visibility;
import org.yiyue.rules.engine.ElementRule;
import org.yiyue.rules.engine.Meta;
import org.yiyue.rules.engine.Target;
import org.yiyue.rules.engine.Verdict;
import org.yiyue.rules.model.Level;
import org.yiyue.rules.model.Outcome;
import org.yiyue.rules.page.ElementFacts;
import org.yiyue.rules.page.Page;

/**
 * ACT 0ssw9k: a scrollable element can be reached by keyboard (it or a descendant is in the tab order).
 * Scrollability (a scroll distance beyond the padding) needs a browser: without rendered facts the rule answers one
 * cantTell when anything on the page may scroll, and inapplicable when nothing can.
 */
public final class ScrollableReachable extends ElementRule {

    public ScrollableReachable() {
        super(Meta.rule("scrollable-region-focusable")
                .title("可滚动内容可通过键盘到达", "Scrollable content can be reached with sequential focus navigation")
                .help("给可滚动区域加 tabindex=\"0\"（并命名），或在其中放置可聚焦元素",
                        "Give the scrollable region tabindex=\"0\" (and a name), or put focusable content in it")
                .wcag(Level.A, "2.1.1").wcag(Level.AAA, "2.1.3").act("0ssw9k", true).tags("keyboard").rendered().build());
    }

    @Override
    public List<Outcome> evaluate(Page page) {
        if (!page.rendered()) {
            // scroll distances need a browser; a page where nothing can scroll is inapplicable already
            return mayScroll(page) ? List.of(new Outcome.CantTell(id(), "html", "", Verdict.needsBrowser().message(), fix()))
                    : List.of(new Outcome.Inapplicable(id()));
        }
        return super.evaluate(page);
    }

    private static final java.util.regex.Pattern SCROLLING = java.util.regex.Pattern.compile(
            "overflow(-x|-y|-inline|-block)?\\s*:[^;}]*\\b(auto|scroll)\\b", java.util.regex.Pattern.CASE_INSENSITIVE);

    /**
     * Some element may be a scroll container: an overflow of auto/scroll in a style attribute or style element,
     * a stylesheet or script we do not read, or a control the user agent lets scroll (textarea, select).
     */
    private static boolean mayScroll(Page page) {
        org.jsoup.nodes.Document d = page.document();
        if (!d.select("script, link[rel~=(?i)stylesheet], textarea, select").isEmpty()) {
            return true;
        }
        for (Element e : d.select("[style], style")) {
            String css = e.normalName().equals("style") ? e.data() : e.attr("style");
            if (SCROLLING.matcher(css).find()) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected String candidates() {
        return "body *";
    }

    @Override
    protected boolean applies(Element e, Page page) {
        Optional<ElementFacts> f = Visibility.facts(e, page);
        if (f.isEmpty() || !Boolean.TRUE.equals(f.get().scrollable()) || e.normalName().equals("iframe") || !Dom.isHtml(e)) {
            return false;
        }
        // "visible children": element children that are visible, or text children, which are visible where the
        // element itself paints (a text node has no box of its own: visibility and opacity are its parent's)
        return e.children().stream().anyMatch(c -> Visibility.visible(c, page) != org.yiyue.rules.dom.Tri.NO)
                || !Dom.textChildren(e).isEmpty() && Visibility.visible(e, page) != org.yiyue.rules.dom.Tri.NO;
    }

    @Override
    protected Verdict expectation(Target t, Page page) {
        Element e = t.element();
        if (Focus.inert(e)) {
            return Verdict.pass("元素为 inert", "The element is inert");
        }
        for (Element d : e.getAllElements()) {
            if (Focus.inSequentialNavigation(d, page)) {
                return Verdict.pass("可通过 Tab 到达", "Reachable with Tab");
            }
        }
        return Verdict.fail("可滚动区域及其内容都无法通过键盘聚焦，键盘用户无法滚动",
                "Neither the scrollable region nor its content can take keyboard focus, so keyboard users cannot scroll it");
    }
}
