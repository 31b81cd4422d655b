package org.yiyue.rules.checks.meta;

import java.util.stream.Stream;

import org.yiyue.rules.engine.AtomicRule;
import org.yiyue.rules.engine.Meta;
import org.yiyue.rules.engine.Target;
import org.yiyue.rules.engine.Verdict;
import org.yiyue.rules.model.Level;
import org.yiyue.rules.page.Page;

/** ACT bc659a: meta refresh redirects at once or after more than 20 hours. */
public final class MetaRefresh extends AtomicRule {

    public MetaRefresh() {
        super(Meta.rule("meta-refresh")
                .title("meta 元素没有刷新延迟", "Meta element has no refresh delay")
                .help("不要定时自动刷新或跳转；需要跳转时使用服务器端立即重定向",
                        "Do not refresh or redirect on a timer; redirect immediately on the server instead")
                .wcag(Level.A, "2.2.1").secondary("2.2.4", "3.2.5").act("bc659a", true).tags("time").build());
    }

    @Override
    protected Stream<Target> applicability(Page page) {
        return MetaRefreshParser.first(page.document()).stream().map(Target::of);
    }

    @Override
    protected Verdict expectation(Target t, Page page) {
        double time = MetaRefreshParser.time(t.element().attr("content")).orElseThrow();
        return time == 0 || time > 72000
                ? Verdict.pass("刷新时间为 " + (long) time + " 秒", "Refresh time is " + (long) time + " s")
                : Verdict.fail("页面在 " + (long) time + " 秒后自动刷新或跳转", "The page refreshes or redirects after " + (long) time + " s");
    }
}
