package org.yiyue.rules.checks.keyboard;

import java.util.List;
import java.util.Optional;

import org.jsoup.nodes.Element;
import org.yiyue.rules.dom.Focus;
import org.yiyue.rules.dom.Visibility;
import org.yiyue.rules.engine.ElementRule;
import org.yiyue.rules.engine.Meta;
import org.yiyue.rules.engine.Target;
import org.yiyue.rules.engine.Verdict;
import org.yiyue.rules.model.Confidence;
import org.yiyue.rules.model.Level;
import org.yiyue.rules.model.Outcome;
import org.yiyue.rules.page.ElementFacts;
import org.yiyue.rules.page.Page;

/**
 * ACT oj04fd: focusing an element changes some pixel. The collector focuses each element and compares
 * screenshots of the viewport focused and unfocused (the rule's own test): a changed pixel passes, none fails.
 * Beyond the screenshot budget a change of the element's computed focus style passes; otherwise cantTell.
 */
public final class VisibleFocus extends ElementRule {

    public VisibleFocus() {
        super(Meta.rule("focus-visible")
                .title("Tab 顺序中的元素有可见焦点", "Element in sequential focus order has visible focus")
                .help("不要用 outline:none 去掉焦点框；提供清晰的 :focus 样式",
                        "Do not remove the focus outline; give a clear :focus style")
                .wcag(Level.AA, "2.4.7").act("oj04fd", true).tags("keyboard").rendered()
                .miit("W-P5", "可聚焦组件有明显的焦点状态", Confidence.S).build());
    }

    /** Statically one cantTell when the markup has a target (focus needs a browser), else inapplicable. */
    @Override
    public List<Outcome> evaluate(Page page) {
        if (!page.rendered()) {
            List<Outcome> out = applicability(page).findAny().isPresent()
                    ? List.of(new Outcome.CantTell(id(), "html", "", Verdict.needsBrowser().message(), fix()))
                    : List.of(new Outcome.Inapplicable(id()));
            return org.yiyue.rules.engine.StaticLimits.unlessScripted(this, page, out);
        }
        return super.evaluate(page);
    }

    @Override
    protected boolean applies(Element e, Page page) {
        return Focus.inSequentialNavigation(e, page);
    }

    @Override
    protected Verdict expectation(Target t, Page page) {
        Optional<ElementFacts> f = Visibility.facts(t.element(), page);
        Boolean pixels = f.map(ElementFacts::focusChangesPixels).orElse(null);
        if (Boolean.TRUE.equals(pixels)) {
            return Verdict.pass("获得焦点时页面有像素发生变化", "Focusing the element changes pixels on the page");
        }
        // the screenshots are the rule's own test: no changed pixel fails even where a computed style changed
        if (Boolean.FALSE.equals(pixels)) {
            return Verdict.fail("获得焦点前后页面上没有任何像素变化，焦点不可见",
                    "Not a single pixel of the page changes when the element takes focus: focus is not visible");
        }
        if (f.isPresent() && Boolean.TRUE.equals(f.get().focusChangesStyle())) {
            return Verdict.pass("获得焦点时样式发生变化", "Focus changes the element's appearance");
        }
        return Verdict.cantTell("未测到焦点样式变化，需人工确认焦点是否可见",
                "No focus style change was measured; check by hand whether focus is visible");
    }
}
