package org.yiyue.rules.checks.meta;

import java.util.stream.Stream;

import org.yiyue.rules.engine.AtomicRule;
import org.yiyue.rules.engine.Meta;
import org.yiyue.rules.engine.Target;
import org.yiyue.rules.engine.Verdict;
import org.yiyue.rules.model.Level;
import org.yiyue.rules.page.Page;

/** ACT bisz58: meta refresh has no delay at all (AAA, no 20-hour exception). */
public final class MetaRefreshNoException extends AtomicRule {

    public MetaRefreshNoException() {
        super(Meta.rule("meta-refresh-no-exception")
                .title("meta 元素没有刷新延迟（无例外）", "Meta element has no refresh delay (no exception)")
                .help("只允许 0 秒的立即跳转", "Only an immediate (0 s) redirect is allowed")
                .wcag(Level.AAA, "2.2.4", "3.2.5").secondary("2.2.1").act("bisz58", true).tags("time").build());
    }

    @Override
    protected Stream<Target> applicability(Page page) {
        return MetaRefreshParser.first(page.document()).stream().map(Target::of);
    }

    @Override
    protected Verdict expectation(Target t, Page page) {
        double time = MetaRefreshParser.time(t.element().attr("content")).orElseThrow();
        return time == 0 ? Verdict.pass("立即跳转", "Immediate redirect")
                : Verdict.fail("页面在 " + (long) time + " 秒后自动刷新或跳转", "The page refreshes or redirects after " + (long) time + " s");
    }
}
