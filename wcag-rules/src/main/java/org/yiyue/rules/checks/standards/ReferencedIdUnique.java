package org.yiyue.rules.checks.standards;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.HashMap;
import java.util.stream.Stream;

import org.jsoup.nodes.Element;
import org.yiyue.rules.engine.AtomicRule;
import org.yiyue.rules.engine.Meta;
import org.yiyue.rules.engine.Target;
import org.yiyue.rules.engine.Verdict;
import org.yiyue.rules.model.Level;
import org.yiyue.rules.page.Page;

/**
 * WCAG 1.3.1 / 4.1.2: ids used by label[for], aria-labelledby, aria-describedby and similar references are
 * unique; with duplicates the relationship goes to the first element only, usually the wrong one.
 */
public final class ReferencedIdUnique extends AtomicRule {

    private static final List<String> REFS = List.of("for", "aria-labelledby", "aria-describedby", "aria-controls",
            "aria-owns", "aria-activedescendant", "aria-errormessage", "aria-details", "headers", "list");

    public ReferencedIdUnique() {
        super(Meta.rule("referenced-id-unique")
                .title("被引用的 id 唯一", "Referenced ids are unique")
                .help("让被 label[for]、aria-labelledby 等引用的 id 在页面中唯一",
                        "Make ids referenced by label[for], aria-labelledby and similar attributes unique")
                .wcag(Level.A, "1.3.1", "4.1.2").tags("aria", "forms").build());
    }

    /** Id counts of the page being evaluated (rules are stateless across pages; this lives for one call). */
    private final ThreadLocal<Map<String, Integer>> counts = new ThreadLocal<>();

    @Override
    public List<org.yiyue.rules.model.Outcome> evaluate(Page page) {
        counts.set(count(page));
        try {
            return super.evaluate(page);
        } finally {
            counts.remove();
        }
    }

    private Map<String, Integer> idCounts(Page page) {
        Map<String, Integer> c = counts.get();
        return c != null ? c : count(page);
    }

    private static Map<String, Integer> count(Page page) {
        Map<String, Integer> counts = new HashMap<>();
        for (Element e : page.document().select("[id]")) {
            counts.merge(e.id(), 1, Integer::sum);
        }
        return counts;
    }

    @Override
    protected Stream<Target> applicability(Page page) {
        List<Target> out = new ArrayList<>();
        for (Element e : page.document().getAllElements()) {
            for (String attr : REFS) {
                if (e.hasAttr(attr) && !e.attr(attr).isBlank()
                        && (!attr.equals("for") || e.normalName().equals("label"))
                        && (!attr.equals("list") || e.normalName().equals("input"))
                        && (!attr.equals("headers") || e.normalName().equals("td") || e.normalName().equals("th"))) {
                    out.add(Target.attribute(e, attr));
                }
            }
        }
        return out.stream();
    }

    @Override
    protected Verdict expectation(Target t, Page page) {
        Map<String, Integer> counts = idCounts(page);
        for (String id : t.element().attr(t.attribute()).trim().split("\\s+")) {
            if (counts.getOrDefault(id, 0) > 1) {
                return Verdict.fail(t.attribute() + " 引用的 id \"" + id + "\" 在页面中出现 " + counts.get(id) + " 次",
                        "id \"" + id + "\" referenced by " + t.attribute() + " occurs " + counts.get(id) + " times");
            }
        }
        return Verdict.pass("引用的 id 唯一", "Referenced ids are unique");
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
