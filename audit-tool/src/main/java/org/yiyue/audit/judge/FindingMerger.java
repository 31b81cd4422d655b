package org.yiyue.audit.judge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.yiyue.audit.report.Finding;

/**
 * Merges one page's findings from all engines: the same element failing the same SC is one finding, reported by
 * its first engine, with the others listed in alsoFoundBy (provenance kept). Selectors in different dialects
 * (axe's, ours) are compared by the element they select in the page's DOM.
 */
public final class FindingMerger {

    private FindingMerger() {
    }

    public static List<Finding> merge(List<Finding> findings, Document dom) {
        Map<String, Finding> byKey = new LinkedHashMap<>();
        Map<String, Set<String>> engines = new LinkedHashMap<>();
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings) {
            String element = canonical(f.target(), dom);
            boolean merged = false;
            for (String sc : f.sc().isEmpty() ? List.of("rule:" + f.ruleId()) : f.sc()) {
                String key = f.outcome() + "|" + element + "|" + sc;
                Finding first = byKey.get(key);
                if (first != null && !first.engine().equals(f.engine())) {
                    engines.get(key).add(f.engine());
                    merged = true;
                    break;
                }
            }
            if (merged) {
                continue;
            }
            for (String sc : f.sc().isEmpty() ? List.of("rule:" + f.ruleId()) : f.sc()) {
                String key = f.outcome() + "|" + element + "|" + sc;
                byKey.putIfAbsent(key, f);
                engines.computeIfAbsent(key, k -> new LinkedHashSet<>());
            }
            out.add(f);
        }
        List<Finding> result = new ArrayList<>();
        for (Finding f : out) {
            Set<String> also = new LinkedHashSet<>(f.alsoFoundBy());
            for (Map.Entry<String, Finding> e : byKey.entrySet()) {
                if (e.getValue() == f) {
                    also.addAll(engines.get(e.getKey()));
                }
            }
            also.remove(f.engine());
            result.add(also.isEmpty() ? f : f.withAlsoFoundBy(List.copyOf(also)));
        }
        return result;
    }

    /** The element's own CSS path in the DOM when the selector resolves to exactly one element. */
    public static String canonical(String selector, Document dom) {
        if (selector == null || selector.isBlank() || dom == null) {
            return String.valueOf(selector);
        }
        try {
            List<Element> els = dom.select(selector);
            if (els.size() == 1) {
                return els.get(0).cssSelector();
            }
        } catch (RuntimeException e) {
            // selector syntax Jsoup does not know (e.g. shadow-DOM paths): compare as text
        }
        return selector.strip();
    }
}
