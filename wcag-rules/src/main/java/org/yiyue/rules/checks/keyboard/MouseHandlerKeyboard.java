package org.yiyue.rules.checks.keyboard;

import java.util.List;
import java.util.Locale;

import org.jsoup.nodes.Element;
import org.yiyue.rules.dom.Focus;
import org.yiyue.rules.dom.Predicates;
import org.yiyue.rules.dom.Tri;
import org.yiyue.rules.engine.ElementRule;
import org.yiyue.rules.engine.Meta;
import org.yiyue.rules.engine.Target;
import org.yiyue.rules.engine.Verdict;
import org.yiyue.rules.model.Confidence;
import org.yiyue.rules.model.Impact;
import org.yiyue.rules.model.Level;
import org.yiyue.rules.page.Page;

/**
 * WCAG 2.1.1, failure F54 (beyond ACT): what an inline mouse handler (onmouseover, onclick, onmousedown …) does is
 * also available from the keyboard. Fails an element whose handlers do more than restyle itself when the keyboard
 * cannot reach it at all: it is not in the tab order, contains nothing focusable, sits in nothing focusable and has
 * no key handler. Reachable elements whose hover or press has no focus/key counterpart are left to a person.
 * Handlers added by script (addEventListener) are not seen; they cannot make an unfocusable element keyboard-usable.
 */
public final class MouseHandlerKeyboard extends ElementRule {

    public MouseHandlerKeyboard() {
        super(Meta.rule("mouse-handler-keyboard")
                .title("鼠标事件的功能也能用键盘操作", "Mouse event handlers have a keyboard equivalent")
                .help("改用 <button> 或 <a href> 承载该功能，并为悬停效果同时提供 onfocus，为按下/双击提供键盘处理",
                        "Put the function on a <button> or <a href>, pair hover handlers with onfocus and mouse presses with key handling")
                .wcag(Level.A, "2.1.1").miit("W-O1", "全键盘操作", Confidence.N).tags("keyboard")
                .impact(Impact.SERIOUS).build());
    }

    @Override
    protected String candidates() {
        return PointerHandlers.SELECTOR;
    }

    @Override
    protected boolean applies(Element e, Page page) {
        String tag = e.normalName();
        return !tag.equals("html") && !tag.equals("body") && Predicates.isHtmlElement(e)
                && !PointerHandlers.active(e).isEmpty()
                && !Predicates.isProgrammaticallyHidden(e, page) && Predicates.isVisible(e, page) != Tri.NO;
    }

    @Override
    protected Verdict expectation(Target t, Page page) {
        Element e = t.element();
        List<String> handlers = PointerHandlers.active(e);
        String names = String.join(", ", handlers);
        if (PointerHandlers.hasKeyHandler(e)) {
            return Verdict.pass("同时有键盘事件处理（onkeydown 等）", "Also has a key handler (onkeydown …)");
        }
        if (PointerHandlers.presentational(e, handlers)) {
            return Verdict.pass(names + " 只改变元素自身的外观", names + " only restyles the element itself");
        }
        if (Focus.inSequentialNavigation(e, page)) {
            if (equivalentOnFocusableElement(e, handlers)) {
                return Verdict.pass("元素可获得焦点，且悬停/点击有对应的焦点或键盘激活方式",
                        "Focusable, and its hover/press has a focus or keyboard-activation counterpart");
            }
            return Verdict.cantTell("元素可获得焦点，但 " + names + " 没有对应的 onfocus 或按键处理；请判断键盘能否获得同样的功能",
                    "Focusable, but " + names + " has no onfocus or key counterpart; check the keyboard gets the same function");
        }
        if (focusableInside(e, page) || focusableAround(e, page)) {
            return Verdict.cantTell("元素自身不能获得焦点，但其内部或外层有可获得焦点的元素；请判断键盘能否获得 " + names + " 的功能",
                    "Not focusable itself, but something focusable is inside or around it; check the keyboard gets what "
                            + names + " does");
        }
        return Verdict.fail("元素只响应鼠标（" + names + "）：不能获得焦点，内外都没有可聚焦元素，也没有按键处理，键盘用户无法使用（F54）",
                "Mouse-only (" + names + "): not focusable, nothing focusable inside or around it and no key handler, so "
                        + "keyboard users cannot use it (F54)");
    }

    /** Hover is matched by onfocus; a click by the keyboard activation of native controls; other presses by nothing. */
    private static boolean equivalentOnFocusableElement(Element e, List<String> handlers) {
        for (String h : handlers) {
            boolean ok = switch (h) {
                case "onmouseover", "onmouseenter", "onmousemove" -> PointerHandlers.hasFocusHandler(e);
                case "onclick" -> activatesOnEnter(e);
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Native controls whose keyboard activation dispatches click. */
    private static boolean activatesOnEnter(Element e) {
        return switch (e.normalName()) {
            case "a", "area" -> e.hasAttr("href");
            case "button", "summary", "select", "textarea" -> true;
            case "input" -> !e.attr("type").toLowerCase(Locale.ROOT).equals("hidden");
            default -> false;
        };
    }

    private static boolean focusableInside(Element e, Page page) {
        for (Element d : e.getAllElements()) {
            if (d != e && Focus.inSequentialNavigation(d, page)) {
                return true;
            }
        }
        return false;
    }

    private static boolean focusableAround(Element e, Page page) {
        for (Element p = e.parent(); p != null; p = p.parent()) {
            if (Focus.inSequentialNavigation(p, page)) {
                return true;
            }
        }
        return false;
    }
}
