package org.yiyue.rules.checks.text;

import java.util.function.BiPredicate;

import org.jsoup.nodes.Element;
import org.yiyue.rules.engine.ElementRule;
import org.yiyue.rules.engine.Target;
import org.yiyue.rules.engine.Verdict;
import org.yiyue.rules.model.RuleMeta;
import org.yiyue.rules.model.Text;
import org.yiyue.rules.page.Page;

/** An ACT rule whose expectation needs a person: targets are found automatically, each answers cantTell. */
public class HumanJudgementRule extends ElementRule {

    private final String candidates;
    private final BiPredicate<Element, Page> applies;
    private final Text question;

    protected HumanJudgementRule(RuleMeta meta, String candidates, BiPredicate<Element, Page> applies, Text question) {
        super(meta);
        this.candidates = candidates;
        this.applies = applies;
        this.question = question;
    }

    @Override
    protected String candidates() {
        return candidates;
    }

    @Override
    protected boolean applies(Element e, Page page) {
        return applies.test(e, page);
    }

    @Override
    protected Verdict expectation(Target t, Page page) {
        return new Verdict.CantTell(question);
    }
}
