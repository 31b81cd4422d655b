package org.yiyue.audit.judge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measured W3C ACT consistency of axe-core's rules on the shared half of the official test cases, as committed in
 * {@value #RESOURCE} by audit-tool's AxeActConformanceTest ({@code -Dyiyue.act.record=true}), in the same terms as
 * the rule library's own record (wcag-rules act-consistency.tsv). Per ACT rule: its WCAG SCs, the consistency of the
 * best axe rule(s) and of every axe rule that declares it (actIds), one by one.
 *
 * @param axeVersion   the axe-core version measured (header line {@code # axe-core <version> <integrity>})
 * @param axeIntegrity npm's integrity of that version
 */
public record AxeConsistency(String axeVersion, String axeIntegrity, Map<String, Row> rows) {

    public static final String RESOURCE = "org/yiyue/audit/judge/axe-act-consistency.tsv";

    /**
     * @param byAxeRule axe rule id → W3C term (complete, partial, inconsistent, inconsistent*: inconsistent but it
     *                  failed no passed or inapplicable example)
     */
    public record Row(String actRule, String status, List<String> sc, String consistency, List<String> chosen,
                      Map<String, String> byAxeRule) {
        public Row {
            sc = List.copyOf(sc);
            chosen = List.copyOf(chosen);
            byAxeRule = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byAxeRule));
        }
    }

    public AxeConsistency {
        rows = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rows));
    }

    private static final class Holder {
        static final AxeConsistency COMMITTED = load();
    }

    /** The committed record (empty when there is none). */
    public static AxeConsistency committed() {
        return Holder.COMMITTED;
    }

    static AxeConsistency load() {
        try (InputStream in = AxeConsistency.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return new AxeConsistency("", "", Map.of());
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static AxeConsistency parse(String tsv) {
        String version = "";
        String integrity = "";
        Map<String, Row> rows = new LinkedHashMap<>();
        for (String line : tsv.split("\n")) {
            if (line.startsWith("# axe-core ")) {
                String[] f = line.substring("# axe-core ".length()).trim().split("\\s+");
                version = f[0];
                integrity = f.length > 1 ? f[1] : "";
                continue;
            }
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length < 6) {
                continue;
            }
            Map<String, String> by = new LinkedHashMap<>();
            for (String kv : f[5].split(",")) {
                int eq = kv.indexOf('=');
                if (eq > 0) {
                    by.put(kv.substring(0, eq), kv.substring(eq + 1));
                }
            }
            rows.put(f[0], new Row(f[0], f[1], list(f[2]), f[3], list(f[4]), by));
        }
        return new AxeConsistency(version, integrity, rows);
    }

    private static List<String> list(String s) {
        List<String> out = new ArrayList<>();
        if (!s.equals("-")) {
            for (String x : s.split(",")) {
                if (!x.isBlank()) {
                    out.add(x.strip());
                }
            }
        }
        return out;
    }

    /** The TSV form, as committed. */
    public String format(String measuredOn) {
        StringBuilder sb = new StringBuilder("# Measured W3C ACT consistency of axe-core's rules on the shared half of the official test\n"
                + "# cases (audit-tool AxeActConformanceTest, in Chromium as in the audit; rewrite with -Dyiyue.act.record=true).\n"
                + "# " + measuredOn + "\n"
                + "# axe-core " + axeVersion + " " + axeIntegrity + "\n"
                + "# Columns: ACT rule, status, WCAG SCs, consistency (best axe rules; * no failed example in the half, none\n"
                + "# judged wrongly), those axe rules, each axe rule's own (* it failed no passed or inapplicable example)\n");
        for (Row r : rows.values()) {
            List<String> by = new ArrayList<>();
            r.byAxeRule().forEach((k, v) -> by.add(k + "=" + v));
            sb.append(String.join("\t", r.actRule(), r.status(), r.sc().isEmpty() ? "-" : String.join(",", r.sc()),
                    r.consistency(), r.chosen().isEmpty() ? "-" : String.join(",", r.chosen()),
                    by.isEmpty() ? "-" : String.join(",", by))).append('\n');
        }
        return sb.toString();
    }
}
