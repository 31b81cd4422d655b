package org.yiyue.audit.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yiyue.audit.conformance.ActScorer.RuleScore;

/**
 * Measured consistency per ACT rule, static and rendered, as committed in wcag-rules
 * ({@value #RESOURCE}: the catalogue and the audit's engine merge read it) and as measured by a harness run.
 */
record ConsistencyRecord(Map<String, Row> rows) {

    static final String RESOURCE = "org/yiyue/rules/catalogue/" + org.yiyue.rules.catalogue.ActConsistency.RESOURCE;

    /** @param byProcedure rendered mode, each procedure's own label ("proc=label,…"; * = it failed no passed or
     *                    inapplicable example), "-" when not measured (rows recorded before this column) */
    record Row(String ruleId, String status, String staticMode, String rendered, String procedures, String byProcedure) {
    }

    static ConsistencyRecord of(List<RuleScore> stat, List<RuleScore> rendered) {
        Map<String, Row> rows = new LinkedHashMap<>();
        Map<String, RuleScore> s = new LinkedHashMap<>();
        stat.forEach(r -> s.put(r.ruleId(), r));
        for (RuleScore r : rendered) {
            RuleScore st = s.get(r.ruleId());
            List<String> procs = r.procedures().isEmpty() && st != null ? st.procedures() : r.procedures();
            List<String> by = new ArrayList<>();
            r.byProcedure().forEach((k, v) -> by.add(k + "=" + v));
            rows.put(r.ruleId(), new Row(r.ruleId(), r.approved() ? "approved" : "proposed",
                    st == null ? "untested" : label(st), label(r),
                    procs.isEmpty() ? "-" : String.join(",", procs), by.isEmpty() ? "-" : String.join(",", by)));
        }
        return new ConsistencyRecord(rows);
    }

    /** The W3C term, starred where the half holds no failed example (see RuleScore#inconsistentForLackOfFailedExample). */
    private static String label(RuleScore r) {
        return r.consistency().name() + (r.inconsistentForLackOfFailedExample() ? "*" : "");
    }

    static ConsistencyRecord committed() throws IOException {
        Map<String, Row> rows = new LinkedHashMap<>();
        try (InputStream in = ConsistencyRecord.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return new ConsistencyRecord(rows);
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                rows.put(f[0], new Row(f[0], f[1], f[2], f[3], f.length > 4 ? f[4] : "-", f.length > 5 ? f[5] : "-"));
            }
        }
        return new ConsistencyRecord(rows);
    }

    /** Rules recorded complete (in a mode) that this measurement no longer finds complete. */
    List<String> regressionsIn(ConsistencyRecord measured) {
        List<String> out = new ArrayList<>();
        for (Row was : rows.values()) {
            Row now = measured.rows().get(was.ruleId());
            if (now == null && !measured.rows().isEmpty() && measured.rows().size() < rows.size()) {
                continue; // a run restricted to some rules (-Dyiyue.act.rules)
            }
            if (was.staticMode().equals("complete") && (now == null || !now.staticMode().equals("complete"))) {
                out.add("static: " + was.ruleId() + " was complete, now " + (now == null ? "absent" : now.staticMode()));
            }
            if (was.rendered().equals("complete") && (now == null || !now.rendered().equals("complete"))) {
                out.add("rendered: " + was.ruleId() + " was complete, now " + (now == null ? "absent" : now.rendered()));
            }
        }
        return out;
    }

    /** This record with the rows of {@code measured} put in place of the same rules' rows (a run on some rules). */
    ConsistencyRecord updatedWith(ConsistencyRecord measured) {
        Map<String, Row> out = new LinkedHashMap<>(rows);
        out.putAll(measured.rows());
        return new ConsistencyRecord(out);
    }

    /** Writes this record over the committed one in the wcag-rules sources (run from the audit-tool module). */
    Path writeToSources() throws IOException {
        Path file = Path.of("..", "wcag-rules", "src", "main", "resources").resolve(RESOURCE);
        StringBuilder sb = new StringBuilder("# Measured W3C ACT consistency of the rule library on the shared half of the official\n"
                + "# test cases (audit-tool ActConformanceTest; rewrite with -Dyiyue.act.record=true). Columns:\n"
                + "# ACT rule, status, static mode, rendered mode, our procedures (rule ids), each procedure's own rendered\n"
                + "# label (* = it failed no passed or inapplicable example; the audit's engine merge trusts it; - = not measured)\n");
        for (Row r : rows.values()) {
            sb.append(String.join("\t", r.ruleId(), r.status(), r.staticMode(), r.rendered(), r.procedures(), r.byProcedure()))
                    .append('\n');
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, sb.toString());
        return file.toAbsolutePath().normalize();
    }
}
