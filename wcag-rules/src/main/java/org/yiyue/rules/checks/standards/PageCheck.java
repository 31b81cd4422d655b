package org.yiyue.rules.checks.standards;

import java.util.ArrayList;
import java.util.List;

import org.jsoup.nodes.Element;
import org.yiyue.rules.engine.Rule;
import org.yiyue.rules.engine.Selectors;
import org.yiyue.rules.engine.Verdict;
import org.yiyue.rules.model.Outcome;
import org.yiyue.rules.model.RuleMeta;
import org.yiyue.rules.model.Text;
import org.yiyue.rules.page.Page;

/**
 * A page-level check: inapplicable unless {@link #applies(Page)}; then each offending element is failed (or
 * cantTell) and a page without offenders gets one passed outcome on the html element.
 */
public abstract class PageCheck implements Rule {

    private final RuleMeta meta;

    protected PageCheck(RuleMeta meta) {
        this.meta = meta;
    }

    @Override
    public RuleMeta meta() {
        return meta;
    }

    protected abstract boolean applies(Page page);

    /** Findings on elements: fail or cantTell verdicts. */
    protected abstract List<Finding> findings(Page page);

    protected abstract Text passMessage();

    public record Finding(Element element, Verdict verdict) {
    }

    @Override
    public List<Outcome> evaluate(Page page) {
        if (!applies(page)) {
            return List.of(new Outcome.Inapplicable(id()));
        }
        List<Outcome> out = new ArrayList<>();
        for (Finding f : findings(page)) {
            String sel = Selectors.unique(f.element(), page);
            String snip = Selectors.snippet(f.element(), page);
            out.add(Verdict.toOutcome(f.verdict(), id(), sel, snip, meta.help()));
        }
        if (out.isEmpty()) {
            Element root = page.document().firstElementChild();
            out.add(new Outcome.Passed(id(), root == null ? "html" : "html", "", passMessage(), meta.help()));
        }
        return out;
    }
}
