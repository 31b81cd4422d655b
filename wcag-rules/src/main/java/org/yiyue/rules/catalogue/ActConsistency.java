package org.yiyue.rules.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Measured W3C ACT consistency of our procedures per ACT rule (static and rendered mode), on the shared half of the
 * official test cases: written by audit-tool's ActConformanceTest ({@code -Dyiyue.act.record=true}), read by the
 * catalogue and by the audit when it merges our findings with axe-core's.
 */
public final class ActConsistency {

    public static final String RESOURCE = "act-consistency.tsv";

    /** W3C's terms: complete, partial, inconsistent, untested. */
    public record Measured(String actRule, String status, String staticMode, String rendered) {

        public boolean completeRendered() {
            return rendered.equals("complete");
        }

        public boolean inconsistentRendered() {
            return rendered.equals("inconsistent");
        }
    }

    private static final Map<String, Measured> BY_RULE = load();

    private ActConsistency() {
    }

    public static Optional<Measured> of(String actRule) {
        return Optional.ofNullable(BY_RULE.get(actRule));
    }

    private static Map<String, Measured> load() {
        Map<String, Measured> out = new LinkedHashMap<>();
        try (InputStream in = ActConsistency.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return out;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                if (f.length >= 4) {
                    out.put(f[0], new Measured(f[0], f[1], f[2], f[3]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(out);
    }
}
