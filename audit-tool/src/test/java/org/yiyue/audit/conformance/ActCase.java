package org.yiyue.audit.conformance;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** One official ACT test case as listed in the corpus's manifest.json. */
record ActCase(String ruleId, String ruleName, boolean approvedRule, String testcaseId, String title, String file,
        String expected, boolean approvedCase, String tier, List<String> wcag, List<String> wcagSecondary) {

    static List<ActCase> load(Path corpus) throws IOException {
        List<ActCase> out = new ArrayList<>();
        for (JsonNode n : new ObjectMapper().readTree(corpus.resolve("manifest.json").toFile())) {
            out.add(new ActCase(n.get("ruleId").asText(), n.get("ruleName").asText(),
                    "approved".equals(n.get("ruleStatus").asText()), n.get("testcaseId").asText(),
                    n.get("testcaseTitle").asText(), n.get("file").asText(), n.get("expected").asText(),
                    n.get("approvedCase").asBoolean(), n.get("tier").asText(), strings(n.get("wcagSC")),
                    strings(n.get("wcagSCSecondary"))));
        }
        return out;
    }

    private static List<String> strings(JsonNode arr) {
        List<String> out = new ArrayList<>();
        if (arr != null) {
            arr.forEach(x -> out.add(x.asText()));
        }
        return out;
    }
}
