package org.yiyue.audit.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.yiyue.audit.report.Finding;
import org.yiyue.audit.report.RuleInfo;
import org.yiyue.rules.engine.Rule;
import org.yiyue.rules.engine.RuleEngine;
import org.yiyue.rules.model.Mapping;
import org.yiyue.rules.model.Outcome;
import org.yiyue.rules.model.RuleMeta;
import org.yiyue.rules.page.Page;

/** Our rule library (wcag-rules) as the audit's first engine: outcomes become findings and page outcomes. */
public final class StaticRules {

    public static final String ENGINE = "yiyue";

    private final RuleEngine engine;
    private final Map<String, RuleMeta> metas;

    public StaticRules(RuleEngine engine) {
        this.engine = engine;
        this.metas = engine.rules().stream().map(Rule::meta).collect(Collectors.toMap(RuleMeta::id, Function.identity(), (a, b) -> a));
    }

    /**
     * Every rule of the library that bears on the audited standards: rules whose only SCs are AAA (e.g. 1.4.6)
     * are left out, since the target is level AA and their failures are no AA failures.
     */
    public static StaticRules all() {
        List<Rule> keep = RuleEngine.all().rules().stream()
                .filter(r -> r.meta().level() != org.yiyue.rules.model.Level.AAA)
                .toList();
        return new StaticRules(RuleEngine.of(keep));
    }

    public List<RuleInfo> catalogue() {
        List<RuleInfo> out = new ArrayList<>();
        for (RuleMeta m : metas.values()) {
            out.add(new RuleInfo(m.id(), ENGINE, m.title(), m.wcag(), m.miit().stream().map(Mapping::item).toList(),
                    m.act().map(a -> a.uri()).orElse(null)));
        }
        return out;
    }

    public int size() {
        return metas.size();
    }

    /** Runs every rule on the page into {@code out}; rules already reported there are replaced. */
    public void run(Page page, PageFindings out) {
        List<Outcome> outcomes = engine.run(page);
        for (String id : metas.keySet()) {
            out.replaceRule(id);
        }
        for (Outcome o : outcomes) {
            RuleMeta m = metas.get(o.ruleId());
            List<String> sc = m == null ? List.of() : m.wcag();
            List<String> miit = m == null ? List.of() : m.miit().stream().map(Mapping::item).toList();
            String impact = m == null ? "moderate" : m.impact().label();
            if (o instanceof Outcome.Failed f) {
                out.add(new Finding(out.page(), ENGINE, f.ruleId(), "failed", sc, miit, impact,
                        f.target(), PageFindings.snippet(f.snippet()), f.message(), f.fix(), null, List.of()));
            } else if (o instanceof Outcome.CantTell c) {
                out.add(new Finding(out.page(), ENGINE, c.ruleId(), "cantTell", sc, miit, impact,
                        c.target(), PageFindings.snippet(c.snippet()), c.message(), c.fix(), null, List.of()));
            } else if (o instanceof Outcome.Passed p) {
                out.outcome(p.ruleId(), "passed");
            } else {
                out.outcome(o.ruleId(), "inapplicable");
            }
        }
    }
}
