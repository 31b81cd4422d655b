package org.yiyue.audit.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The shared corpus's own scorer ({@code act-cases/scorer/score-act.py}, an independent Python implementation of
 * W3C's consistency rules) run on the EARL report this project wrote, so that our {@link ActScorer} is checked
 * against something it did not write: any rule the two score differently is a disagreement to explain.
 */
final class ReferenceScorer {

    private ReferenceScorer() {
    }

    /** ACT rule id → consistency as score-act.py computes it from {@code earl}. */
    static Map<String, String> score(Path corpus, Path earl) throws IOException, InterruptedException {
        Path json = Files.createTempFile("score-act-", ".json");
        Path log = Files.createTempFile("score-act-", ".log");
        try {
            Process p = new ProcessBuilder("python3", corpus.resolve("scorer/score-act.py").toString(), earl.toString(),
                    "--corpus", corpus.toString(), "--json", json.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("score-act.py did not finish in 5 minutes");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("score-act.py exited with " + p.exitValue() + ":\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            JsonNode root = new ObjectMapper().readTree(json.toFile());
            JsonNode rules = root.isArray() ? root : root.path("rules");
            Map<String, String> out = new LinkedHashMap<>();
            for (JsonNode r : rules) {
                out.put(r.path("ruleId").asText(), r.path("consistency").asText());
            }
            if (out.isEmpty()) {
                throw new IllegalStateException("score-act.py wrote no per-rule results: " + root.toString()
                        .substring(0, Math.min(300, root.toString().length())));
            }
            return out;
        } finally {
            Files.deleteIfExists(json);
            Files.deleteIfExists(log);
        }
    }

    /** Rules scored differently by the two scorers, as readable lines (empty when they agree on every rule). */
    static List<String> disagreements(List<ActScorer.RuleScore> ours, Map<String, String> reference) {
        List<String> out = new ArrayList<>();
        for (ActScorer.RuleScore r : ours) {
            String theirs = reference.get(r.ruleId());
            if (theirs == null) {
                out.add(r.ruleId() + ": scored " + r.consistency() + " by ActScorer, absent from score-act.py");
            } else if (!theirs.equals(r.consistency().name())) {
                out.add(r.ruleId() + ": ActScorer " + r.consistency() + ", score-act.py " + theirs);
            }
        }
        return out;
    }
}
