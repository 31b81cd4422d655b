package org.yiyue.rules.checks.standards;

import java.util.List;

import org.yiyue.rules.engine.ElementRule;
import org.yiyue.rules.engine.Verdict;
import org.yiyue.rules.model.Outcome;
import org.yiyue.rules.model.RuleMeta;
import org.yiyue.rules.page.Page;

/** An element rule that can only decide with rendered facts: statically it answers one cantTell for the page. */
abstract class RenderedElementRule extends ElementRule {

    RenderedElementRule(RuleMeta meta) {
        super(meta);
    }

    @Override
    public List<Outcome> evaluate(Page page) {
        if (!page.rendered()) {
            return List.of(new Outcome.CantTell(id(), "html", "", Verdict.needsBrowser().message(), fix()));
        }
        return super.evaluate(page);
    }
}
