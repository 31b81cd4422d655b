package org.yiyue.rules.engine;

import java.util.List;

import org.yiyue.rules.model.Outcome;
import org.yiyue.rules.model.Text;
import org.yiyue.rules.page.Page;

/**
 * What the static mode cannot know: it reads the markup as served, and a page's scripts may still build what a rule
 * looks for (shadow trees, list items, text). For rules whose test targets scripts commonly add, "inapplicable" on a
 * scripted page would be a guess, so the static mode says cantTell; the rendered mode decides.
 */
public final class StaticLimits {

    private StaticLimits() {
    }

    /** The outcomes as they are, except a static inapplicable on a page with scripts, which becomes cantTell. */
    public static List<Outcome> unlessScripted(AtomicRule rule, Page page, List<Outcome> outcomes) {
        if (page.rendered() || outcomes.size() != 1 || !(outcomes.get(0) instanceof Outcome.Inapplicable)
                || page.document().select("script").isEmpty()) {
            return outcomes;
        }
        return List.of(new Outcome.CantTell(rule.id(), "html", "", Text.of(
                "页面脚本可能在浏览器中添加本规则的检查对象，需渲染后判断（--rendered）",
                "Scripts may add what this rule checks in the browser; run with --rendered to decide"), rule.fix()));
    }
}
