package org.yiyue.rules.engine;

import java.util.stream.Stream;

import org.jsoup.nodes.Element;
import org.yiyue.rules.model.RuleMeta;
import org.yiyue.rules.page.Page;

/** An atomic rule whose test targets are elements selected by a predicate over the whole document. */
public abstract class ElementRule extends AtomicRule {

    protected ElementRule(RuleMeta meta) {
        super(meta);
    }

    /** Cheap CSS pre-filter; "*" by default. */
    protected String candidates() {
        return "*";
    }

    protected abstract boolean applies(Element e, Page page);

    @Override
    protected final Stream<Target> applicability(Page page) {
        return page.select(candidates()).stream().filter(e -> applies(e, page)).map(Target::of);
    }
}
