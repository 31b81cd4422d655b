package org.yiyue.rules.checks.standards;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;
import org.yiyue.rules.accname.AccessibleName;
import org.yiyue.rules.dom.Tri;
import org.yiyue.rules.dom.Visibility;
import org.yiyue.rules.engine.Meta;
import org.yiyue.rules.engine.Verdict;
import org.yiyue.rules.model.Level;
import org.yiyue.rules.model.Text;
import org.yiyue.rules.page.Page;

/**
 * WCAG 2.2.2 pause, stop, hide: a marquee scrolls on its own for more than five seconds. It fails unless the page
 * has a pause/stop control (then cantTell: a person checks that the control works for the marquee).
 */
public final class NoMarquee extends PageCheck {

    private static final Pattern PAUSE = Pattern.compile("(?i)暂停|停止|pause|stop");

    public NoMarquee() {
        super(Meta.rule("no-marquee")
                .title("自动滚动内容可暂停", "Auto-scrolling marquee can be paused")
                .help("用静态列表代替 <marquee>，或提供可用键盘操作的暂停按钮",
                        "Replace <marquee> with a static list or provide a keyboard-operable pause button")
                .wcag(Level.A, "2.2.2").tags("motion").build());
    }

    @Override
    protected boolean applies(Page page) {
        return page.document().select("marquee").stream().anyMatch(m -> Visibility.visible(m, page) != Tri.NO);
    }

    @Override
    protected List<Finding> findings(Page page) {
        boolean pauseControl = page.document().select("button, a, [role=button], input[type=button]").stream()
                .anyMatch(b -> PAUSE.matcher(AccessibleName.of(b, page)).find());
        List<Finding> out = new ArrayList<>();
        for (Element m : page.document().select("marquee")) {
            if (Visibility.visible(m, page) == Tri.NO) {
                continue;
            }
            out.add(new Finding(m, pauseControl
                    ? Verdict.cantTell("页面有暂停控件，需确认它能停止此滚动内容", "The page has a pause control; check it stops this marquee")
                    : Verdict.fail("<marquee> 自动滚动，且页面没有暂停或停止控件", "<marquee> scrolls automatically and the page has no pause or stop control")));
        }
        return out;
    }

    @Override
    protected Text passMessage() {
        return Text.of("没有自动滚动的 marquee", "No auto-scrolling marquee");
    }
}
