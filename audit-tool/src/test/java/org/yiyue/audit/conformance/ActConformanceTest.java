package org.yiyue.audit.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.junit.jupiter.api.Test;
import org.yiyue.audit.cli.Main;
import org.yiyue.audit.conformance.ActScorer.Consistency;
import org.yiyue.audit.conformance.ActScorer.RuleScore;
import org.yiyue.audit.judge.Wcag22;
import org.yiyue.testkit.SharedFolder;

import picocli.CommandLine;

/**
 * The rule library on W3C's own ACT test cases (the half in ../shared/act-cases): every case is served on loopback
 * and checked with {@code yiyue rules --format earl}, statically and {@code --rendered} in real Chromium, and each
 * ACT rule is scored W3C-style through the procedures that declare it. Fails on an approved rule inconsistent in the
 * rendered mode (a rule whose cases in this half hold no failed example is W3C-inconsistent by definition and only
 * fails when it judged an example wrongly), on any static failed outcome for a passed or inapplicable example (the
 * static mode answers cantTell where it needs the browser, never guesses), and on any rule that the committed
 * record ({@link ConsistencyRecord}) lists as complete and no longer is. {@code -Dyiyue.act.record=true} rewrites
 * the record from this run (only the rows of the rules checked, with {@code -Dyiyue.act.rules}); {@code -Dyiyue.act.rules=id,id} checks only those ACT rules (while working on them).
 * The scored EARL reports are left in target/act-conformance/ for score-act.py.
 */
class ActConformanceTest {

    /** Browsers (and static runs) side by side: the case list is split between them. */
    private static final int BROWSERS = Integer.getInteger("yiyue.act.browsers", 2);

    @Test
    void ruleLibraryIsConsistentWithTheOfficialCases() throws Exception {
        Path corpus = SharedFolder.require("act-cases");
        String only = System.getProperty("yiyue.act.rules", "");
        List<ActCase> cases = ActCase.load(corpus).stream()
                .filter(c -> only.isBlank() || List.of(only.split(",")).contains(c.ruleId())).toList();
        Path outDir = Path.of("target", "act-conformance");
        Files.createDirectories(outDir);
        ActScorer scorer = new ActScorer(sc -> "WCAG2:" + Wcag22.w3cAnchor(sc));
        Map<String, List<RuleScore>> byMode = new LinkedHashMap<>();
        try (ActCaseServer server = new ActCaseServer(corpus)) {
            List<String> urls = cases.stream().map(c -> server.url(c.file())).distinct().toList();
            JsonNode staticReport = null;
            for (String mode : List.of("static", "rendered")) {
                long t0 = System.nanoTime();
                JsonNode report;
                int checked = urls.size();
                if (mode.equals("static")) {
                    report = run(false, urls);
                    staticReport = report.deepCopy();
                } else {
                    List<String> needed = RenderSelection.needingBrowser(cases, staticReport, server::url);
                    checked = needed.size();
                    report = RenderSelection.merge(run(true, needed), staticReport, needed);
                }
                List<Assertion> assertions = EarlAssertions.readAndFilter(report);
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValue(outDir.resolve(mode + ".earl.json").toFile(), report);
                byMode.put(mode, scorer.score(cases, assertions));
                System.out.printf("ACT %s pass: %d cases (%d checked in this mode), %d assertions, %.1f s%n", mode,
                        urls.size(), checked, assertions.size(), (System.nanoTime() - t0) / 1e9);
            }
        }
        ConsistencyRecord measured = ConsistencyRecord.of(byMode.get("static"), byMode.get("rendered"));
        System.out.println(ConformanceTable.render(byMode));
        Files.writeString(outDir.resolve("table.md"), ConformanceTable.render(byMode));

        List<String> problems = new ArrayList<>();
        for (RuleScore r : byMode.get("rendered")) {
            if (r.approved() && r.consistency() == Consistency.inconsistent && !r.inconsistentForLackOfFailedExample()) {
                problems.add("rendered: approved rule " + r.ruleId() + " (" + r.ruleName() + ") inconsistent");
            }
        }
        for (RuleScore r : byMode.get("static")) {
            r.cases().stream().filter(c -> !c.c().expected().equals("failed") && c.wrong()).forEach(c -> problems.add(
                    "static: " + r.ruleId() + " failed the " + c.c().expected() + " example " + c.c().file()
                            + " (a guess: static mode must answer cantTell where it needs the browser)"));
        }
        // our scorer against the corpus's own (score-act.py, independent Python) on the same EARL reports
        for (String mode : byMode.keySet()) {
            ReferenceScorer.disagreements(byMode.get(mode),
                    ReferenceScorer.score(corpus, outDir.resolve(mode + ".earl.json").toAbsolutePath()))
                    .forEach(d -> problems.add(mode + ": scorers disagree on " + d));
        }
        ConsistencyRecord committed = ConsistencyRecord.committed();
        problems.addAll(committed.regressionsIn(measured));
        if (Boolean.getBoolean("yiyue.act.record")) {
            // a run restricted to some rules (-Dyiyue.act.rules) rewrites only their rows
            Path file = (only.isBlank() ? measured : committed.updatedWith(measured)).writeToSources();
            System.out.println("ACT consistency record written to " + file + (only.isBlank() ? "" : " (rows " + only + ")"));
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** One {@code yiyue rules} run per browser over its share of the cases; the EARL graphs are concatenated. */
    private static JsonNode run(boolean rendered, List<String> urls) throws Exception {
        if (urls.isEmpty()) {
            return new ObjectMapper().readTree("{\"@graph\": []}");
        }
        int parts = Math.max(1, Math.min(BROWSERS, urls.size()));
        ExecutorService pool = Executors.newFixedThreadPool(parts);
        try {
            List<Future<JsonNode>> futures = new ArrayList<>();
            for (int p = 0; p < parts; p++) {
                List<String> share = new ArrayList<>();
                for (int i = p; i < urls.size(); i += parts) {
                    share.add(urls.get(i));
                }
                futures.add(pool.submit(() -> cli(rendered, share)));
            }
            JsonNode merged = null;
            for (Future<JsonNode> f : futures) {
                JsonNode doc = f.get();
                if (merged == null) {
                    merged = doc;
                } else {
                    ((ArrayNode) merged.get("@graph")).addAll((ArrayNode) doc.get("@graph"));
                }
            }
            return merged;
        } finally {
            pool.shutdownNow();
        }
    }

    private static JsonNode cli(boolean rendered, List<String> urls) throws Exception {
        List<String> args = new ArrayList<>(List.of("rules", "--format", "earl"));
        if (rendered) {
            args.addAll(List.of("--rendered", "--offline"));
        }
        args.addAll(urls);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args.toArray(String[]::new));
        if (code == 2 || !err.toString().isBlank()) {
            throw new AssertionError("yiyue rules could not check every case (exit " + code + "):\n" + err);
        }
        return new ObjectMapper().readTree(out.toString());
    }
}
