package org.yiyue.rules.engine;

import java.util.List;

import org.yiyue.rules.model.Outcome;
import org.yiyue.rules.model.RuleMeta;
import org.yiyue.rules.page.Page;

/** A rule: metadata plus an evaluation that yields at least one outcome per page. Implementations are stateless. */
public interface Rule {

    RuleMeta meta();

    List<Outcome> evaluate(Page page);

    default String id() {
        return meta().id();
    }
}
