package org.yiyue.rules.checks.standards;

import java.util.Locale;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;
import org.yiyue.rules.dom.Focus;
import org.yiyue.rules.engine.ElementRule;
import org.yiyue.rules.engine.Meta;
import org.yiyue.rules.engine.Target;
import org.yiyue.rules.engine.Verdict;
import org.yiyue.rules.model.Confidence;
import org.yiyue.rules.model.Impact;
import org.yiyue.rules.model.Level;
import org.yiyue.rules.page.Page;

/**
 * WCAG 2.4.7 / 2.1.1: an onfocus handler that calls blur() (a legacy trick to hide the focus outline on Chinese
 * portals) removes keyboard focus from the element, so focus is never visible and the element cannot be used.
 */
public final class NoFocusBlur extends ElementRule {

    private static final Pattern BLUR = Pattern.compile("(^|[^\\w.])((this|self|window\\.event\\.srcElement)\\.)?blur\\s*\\(\\s*\\)");

    public NoFocusBlur() {
        super(Meta.rule("no-focus-blur")
                .title("获得焦点时不被脚本立即移走", "Focus is not removed on focus (onfocus blur)")
                .help("删除 onfocus=\"this.blur()\"；如需隐藏鼠标点击的焦点框，用 :focus-visible 样式",
                        "Remove onfocus=\"this.blur()\"; to hide the ring for mouse clicks, style :focus-visible instead")
                .wcag(Level.A, "2.1.1").wcag(Level.AA, "2.4.7").miit("W-P5", "焦点状态明显", Confidence.S)
                .miit("W-O1", "全键盘操作", Confidence.N).tags("keyboard").impact(Impact.SERIOUS).build());
    }

    @Override
    protected String candidates() {
        return "[onfocus]";
    }

    @Override
    protected boolean applies(Element e, Page page) {
        return Focus.isFocusable(e, page);
    }

    @Override
    protected Verdict expectation(Target t, Page page) {
        String handler = t.element().attr("onfocus").toLowerCase(Locale.ROOT);
        return BLUR.matcher(handler).find()
                ? Verdict.fail("onfocus 调用 blur()，键盘焦点被立即移走", "onfocus calls blur(): keyboard focus is removed at once")
                : Verdict.pass("onfocus 未移走焦点", "onfocus does not remove focus");
    }
}
