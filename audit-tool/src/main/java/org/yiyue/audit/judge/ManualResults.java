package org.yiyue.audit.judge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.yiyue.audit.report.ManualResult;

/**
 * Reads an evaluator's results: a JSON array (or {"results": [...]}) of
 * {"item": "1.3.2", "outcome": "passed", "checkedBy": "张三", "when": "2026-11-20", "note": "…"}.
 * Anything malformed is refused with a message naming the entry.
 */
public final class ManualResults {

    private static final Set<String> OUTCOMES = Set.of("passed", "failed", "cantTell", "inapplicable");

    private ManualResults() {
    }

    public static List<ManualResult> read(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(Files.readString(file));
        JsonNode arr = root.isArray() ? root : root.path("results");
        if (!arr.isArray()) {
            throw new IOException(file + ": expected a JSON array of results or {\"results\": [...]}");
        }
        List<ManualResult> out = new ArrayList<>();
        int i = 0;
        for (JsonNode n : arr) {
            String item = n.path("item").asText("");
            String outcome = n.path("outcome").asText("");
            String by = n.path("checkedBy").asText("");
            String when = n.path("when").asText("");
            if (item.isBlank() || !OUTCOMES.contains(outcome) || by.isBlank() || when.isBlank()) {
                throw new IOException(file + ": entry " + i + " needs item, outcome (" + OUTCOMES + "), checkedBy and when");
            }
            out.add(new ManualResult(item, outcome, by, when, n.path("note").asText("")));
            i++;
        }
        return out;
    }
}
