package org.yiyue.rules.engine;

import org.yiyue.rules.model.Text;

/** What an expectation says about one test target, before it becomes an {@link org.yiyue.rules.model.Outcome}. */
public sealed interface Verdict {

    Text message();

    record Pass(Text message) implements Verdict {
    }

    record Fail(Text message) implements Verdict {
    }

    record CantTell(Text message) implements Verdict {
    }

    static Verdict pass(String zh, String en) {
        return new Pass(Text.of(zh, en));
    }

    static Verdict fail(String zh, String en) {
        return new Fail(Text.of(zh, en));
    }

    static Verdict cantTell(String zh, String en) {
        return new CantTell(Text.of(zh, en));
    }

    /** The usual "needs rendered facts" answer. */
    static Verdict needsBrowser() {
        return cantTell("需要浏览器渲染信息才能判断（请使用 --rendered）",
                "Needs rendered facts from a browser to decide (run with --rendered)");
    }

    /** The ACT outcome for this verdict on a target. */
    static org.yiyue.rules.model.Outcome toOutcome(Verdict v, String ruleId, String selector, String snippet, Text fix) {
        if (v instanceof Pass) {
            return new org.yiyue.rules.model.Outcome.Passed(ruleId, selector, snippet, v.message(), fix);
        }
        if (v instanceof Fail) {
            return new org.yiyue.rules.model.Outcome.Failed(ruleId, selector, snippet, v.message(), fix);
        }
        return new org.yiyue.rules.model.Outcome.CantTell(ruleId, selector, snippet, v.message(), fix);
    }
}
