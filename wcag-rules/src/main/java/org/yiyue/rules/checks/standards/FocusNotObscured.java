package org.yiyue.rules.checks.standards;

import java.util.Optional;

import org.jsoup.nodes.Element;
import org.yiyue.rules.dom.Focus;
import org.yiyue.rules.dom.Visibility;
import org.yiyue.rules.engine.Meta;
import org.yiyue.rules.engine.Target;
import org.yiyue.rules.engine.Verdict;
import org.yiyue.rules.model.Level;
import org.yiyue.rules.page.ElementFacts;
import org.yiyue.rules.page.Page;

/**
 * WCAG 2.4.11 focus not obscured (minimum): after the browser focuses an element, it is not entirely hidden by
 * author content such as fixed headers, toolbars or cookie bars. The collector focuses each element and probes
 * what lies on top of it.
 */
public final class FocusNotObscured extends RenderedElementRule {

    public FocusNotObscured() {
        super(Meta.rule("focus-not-obscured")
                .title("获得焦点的元素未被完全遮挡", "Focused element is not entirely hidden")
                .help("固定的页眉、工具栏或浮层不要完全盖住获得焦点的元素（可用 scroll-padding）",
                        "Keep fixed headers, toolbars and overlays from covering the focused element (e.g. scroll-padding)")
                .wcag(Level.AA, "2.4.11").tags("keyboard").rendered().build());
    }

    @Override
    protected boolean applies(Element e, Page page) {
        return Focus.inSequentialNavigation(e, page);
    }

    @Override
    protected Verdict expectation(Target t, Page page) {
        Optional<ElementFacts> f = Visibility.facts(t.element(), page);
        String state = f.map(ElementFacts::focusObscured).orElse(null);
        if (state == null) {
            return Verdict.cantTell("未测得焦点遮挡情况", "Obscuring was not measured for this element");
        }
        return switch (state) {
            case "FULL" -> Verdict.fail("获得焦点后被其他内容完全遮挡", "When focused it is entirely hidden by other content");
            case "PARTIAL" -> Verdict.pass("获得焦点后部分被遮挡（AA 允许，AAA 2.4.12 不允许）",
                    "Partly covered when focused (allowed at AA, not by 2.4.12 AAA)");
            default -> Verdict.pass("获得焦点后未被遮挡", "Not covered when focused");
        };
    }
}
