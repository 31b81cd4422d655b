package org.yiyue.audit.conformance;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * Reads the assertions of a {@code yiyue rules --format earl} report about ACT test cases. An assertion counts for
 * a case only when its test declares that case's ACT rule as {@code dct:source} (each case is scored only through
 * the procedures implementing its rule); the others are removed from the report in place, so the report written
 * afterwards is exactly what was scored.
 */
final class EarlAssertions {

    private static final Pattern CASE_URL = Pattern.compile("/([a-z0-9]{6})/([a-z0-9]{40})\\.[a-z]{2,5}");
    private static final String ACT_RULE = "https://www.w3.org/WAI/standards-guidelines/act/rules/";

    private EarlAssertions() {
    }

    static List<Assertion> readAndFilter(JsonNode report) {
        List<Assertion> out = new ArrayList<>();
        for (JsonNode subject : report.path("@graph")) {
            Matcher m = CASE_URL.matcher(subject.path("source").asText());
            if (!m.find()) {
                continue;
            }
            String ruleId = m.group(1);
            String caseId = m.group(2);
            Iterator<JsonNode> it = ((ArrayNode) subject.path("assertions")).elements();
            while (it.hasNext()) {
                JsonNode a = it.next();
                JsonNode test = a.path("test");
                if (!(ACT_RULE + ruleId + "/").equals(test.path("dct:source").asText())) {
                    it.remove();
                    continue;
                }
                List<String> reqs = new ArrayList<>();
                test.path("isPartOf").forEach(p -> reqs.add(p.asText()));
                String outcome = a.path("result").path("outcome").asText().replace("earl:", "");
                out.add(new Assertion(ruleId, caseId, test.path("title").asText(), outcome, reqs));
            }
        }
        return out;
    }
}
