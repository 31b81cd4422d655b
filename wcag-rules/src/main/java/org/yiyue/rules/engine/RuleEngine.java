package org.yiyue.rules.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.yiyue.rules.model.Outcome;
import org.yiyue.rules.model.Text;
import org.yiyue.rules.page.Page;

/**
 * Runs rules on a page. Never throws because of the page: a rule that throws yields one cantTell naming the error.
 * Rules share no state, so {@link #runParallel(Page)} may evaluate them concurrently.
 */
public final class RuleEngine {

    private final List<Rule> rules;

    private RuleEngine(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static RuleEngine all() {
        return new RuleEngine(RuleRegistry.all());
    }

    public static RuleEngine of(List<Rule> rules) {
        return new RuleEngine(rules);
    }

    /** Only rules carrying at least one of the tags (e.g. "wcag2a", "act", "elder", "rendered"). */
    public static RuleEngine tagged(Set<String> tags) {
        Predicate<Rule> keep = r -> r.meta().tags().stream().anyMatch(tags::contains) || tags.contains(r.id());
        return new RuleEngine(RuleRegistry.all().stream().filter(keep).toList());
    }

    public List<Rule> rules() {
        return rules;
    }

    public List<Outcome> run(Page page) {
        List<Outcome> out = new ArrayList<>();
        for (Rule r : rules) {
            out.addAll(safely(r, page));
        }
        return out;
    }

    public List<Outcome> runParallel(Page page) {
        return rules.parallelStream().flatMap(r -> safely(r, page).stream()).toList();
    }

    static List<Outcome> safely(Rule rule, Page page) {
        if (!rule.documentKinds().contains(page.kind())) {
            return List.of(new Outcome.Inapplicable(rule.id()));
        }
        try {
            List<Outcome> outcomes = rule.evaluate(page);
            return outcomes.isEmpty() ? List.of(new Outcome.Inapplicable(rule.id())) : outcomes;
        } catch (RuntimeException | StackOverflowError e) {
            String what = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            return List.of(new Outcome.CantTell(rule.id(), "html", "",
                    Text.of("规则执行出错，无法判断：" + what, "The rule failed to run, cannot tell: " + what),
                    rule.meta().help()));
        }
    }
}
