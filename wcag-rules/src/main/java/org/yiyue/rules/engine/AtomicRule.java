package org.yiyue.rules.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.yiyue.rules.model.Outcome;
import org.yiyue.rules.model.RuleMeta;
import org.yiyue.rules.model.Text;
import org.yiyue.rules.page.Page;

/**
 * The ACT rule shape: {@link #applicability(Page)} returns the test targets, {@link #expectation(Target, Page)}
 * judges one. No targets means one inapplicable outcome.
 */
public abstract class AtomicRule implements Rule {

    private final RuleMeta meta;

    protected AtomicRule(RuleMeta meta) {
        this.meta = meta;
    }

    @Override
    public final RuleMeta meta() {
        return meta;
    }

    protected abstract Stream<Target> applicability(Page page);

    protected abstract Verdict expectation(Target target, Page page);

    /** Fix advice shown with failures (defaults to the rule's help text). */
    protected Text fix() {
        return meta.help();
    }

    @Override
    public List<Outcome> evaluate(Page page) {
        List<Outcome> out = new ArrayList<>();
        applicability(page).forEach(t -> {
            Verdict v = expectation(t, page);
            String selector = Selectors.unique(t.element(), page);
            if (t.attribute() != null) {
                selector = selector + " [" + t.attribute() + "]";
            }
            String snippet = Selectors.snippet(t.element(), page);
            out.add(Verdict.toOutcome(v, id(), selector, snippet, fix()));
        });
        if (out.isEmpty()) {
            out.add(new Outcome.Inapplicable(id()));
        }
        return out;
    }
}
