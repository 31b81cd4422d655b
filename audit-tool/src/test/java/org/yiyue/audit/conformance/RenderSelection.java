package org.yiyue.audit.conformance;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * Which cases the rendered pass must load in Chromium. A case is rendered unless rendering cannot change its answer:
 * its markup has no CSS, script, frame, object or media (manifest tier "static") and the static pass answered its
 * rule definitely (no cantTell). Cases of ACT rules we have no procedure for are not rendered either (no procedure
 * answers there in any mode). The rendered report takes the static answers for the cases not rendered.
 */
final class RenderSelection {

    private RenderSelection() {
    }

    static List<String> needingBrowser(List<ActCase> cases, JsonNode staticReport, Function<String, String> url) {
        List<Assertion> assertions = EarlAssertions.readAndFilter(staticReport.deepCopy());
        Set<String> implemented = new HashSet<>();
        Set<String> undecided = new HashSet<>();
        for (Assertion a : assertions) {
            implemented.add(a.ruleId());
            if (a.outcome().equals("cantTell")) {
                undecided.add(a.ruleId() + "/" + a.testcaseId());
            }
        }
        Set<String> out = new LinkedHashSet<>();
        for (ActCase c : cases) {
            if (implemented.contains(c.ruleId()) && (!c.tier().equals("static") || undecided.contains(c.ruleId() + "/" + c.testcaseId()))) {
                out.add(url.apply(c.file()));
            }
        }
        return new ArrayList<>(out);
    }

    /** The rendered report for the rendered cases plus the static report's subjects for the others. */
    static JsonNode merge(JsonNode rendered, JsonNode staticReport, List<String> renderedUrls) {
        Set<String> done = new HashSet<>(renderedUrls);
        ArrayNode graph = (ArrayNode) rendered.get("@graph");
        for (JsonNode subject : staticReport.path("@graph")) {
            if (!done.contains(subject.path("source").asText())) {
                graph.add(subject.deepCopy());
            }
        }
        return rendered;
    }
}
