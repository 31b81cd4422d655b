package org.yiyue.audit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.yiyue.audit.report.AuditReport;
import org.yiyue.audit.report.JsonReport;
import org.yiyue.audit.report.PageReport;
import org.yiyue.demo.ReplicaSites;
import org.yiyue.testkit.ReplicaSitesExtension;

/** The audit command on the replica sites without a browser: exit codes, static-only mode, sampling, progress. */
@ExtendWith(ReplicaSitesExtension.class)
class AuditCommandTest {

    @Test
    void staticOnlyFailOnExitCodesAndProgress(ReplicaSites sites, @TempDir Path out) throws Exception {
        String start = sites.origin("zwfw") + "/index.html";
        Cli first = Cli.run("audit", start, "-n", "5", "-d", "1", "--static-only", "--delay", "0", "--progress", "lines",
                "-o", out.toString(), "--format", "json,junit", "--fail-on", "any");
        assertEquals(ExitCodes.THRESHOLD, first.exit(), first.out() + first.err());
        assertTrue(first.out().contains("--fail-on any crossed"), first.out());
        // progress: one line per page with pages done, left and ETA
        List<String> lines = first.err().lines().filter(l -> l.startsWith("[")).toList();
        assertEquals(5, lines.size(), first.err());
        assertTrue(lines.get(0).matches("\\[1/5] left 4 ETA \\d+:\\d\\d .*"), lines.get(0));
        assertTrue(lines.get(4).startsWith("[5/5] left 0 ETA 0:00"), lines.get(4));

        AuditReport r = JsonReport.read(out.resolve("report.json"));
        assertEquals("none (static-only)", r.environment().browser());
        assertTrue(r.scope().staticOnly());
        assertTrue(r.pages().stream().filter(PageReport::audited).allMatch(p -> p.status().equals("audited-static")));
        assertTrue(r.findings().stream().noneMatch(f -> f.engine().equals("axe-core") || f.engine().equals("yiyue-browser")),
                "no browser engine ran");
        assertTrue(Files.exists(out.resolve("junit.xml")));

        Cli lenient = Cli.run("audit", start, "-n", "5", "-d", "1", "--static-only", "--delay", "0", "--progress", "off",
                "-o", out.toString(), "--format", "json", "--resume", "--fail-on", "failures:1000000", "--fail-on", "sc:2.5.7");
        assertEquals(ExitCodes.OK, lenient.exit(), lenient.out() + lenient.err());

        Cli bad = Cli.run("audit", start, "--fail-on", "sometimes");
        assertEquals(ExitCodes.USAGE, bad.exit());
        assertTrue(bad.err().contains("unknown --fail-on"), bad.err());
        assertEquals(ExitCodes.USAGE, Cli.run("audit", "ftp://example.cn/").exit());
        assertEquals(ExitCodes.USAGE, Cli.run("audit", start, "--standard", "wcag3").exit());
    }

    @Test
    void wcagEmSampleByPageTypeWithRandomShareAndProcess(ReplicaSites sites, @TempDir Path out) throws Exception {
        String origin = sites.origin("zwfw").toString();
        Cli run = Cli.run("audit", origin + "/index.html", "-n", "40", "-d", "2", "--static-only", "--delay", "0",
                "--sample", "--random-percent", "20", "--seed", "3", "--process", "导办=/zone/zndb.html,/zone/sxyd.html",
                "--progress", "off", "-o", out.toString(), "--format", "json", "--standard", "wcag22-aa");
        assertEquals(ExitCodes.OK, run.exit(), run.out() + run.err());
        AuditReport r = JsonReport.read(out.resolve("report.json"));
        long structured = r.sample().stream().filter(s -> s.reason().equals("structured") && s.detail().startsWith("page type")).count();
        long random = r.sample().stream().filter(s -> s.reason().equals("random")).count();
        long process = r.sample().stream().filter(s -> s.reason().equals("process")).count();
        assertTrue(structured >= 5, "one page per type: " + r.sample());
        assertTrue(random >= Math.ceil(structured * 0.2), random + " random for " + structured + " structured");
        assertEquals(2, process);
        assertTrue(r.scope().pagesFound() > r.sample().size(), "the sample is smaller than the crawl: " + r.scope().pagesFound()
                + " found, sample " + r.sample());
        assertEquals(List.of("wcag22-aa"), r.standards());
        assertTrue(r.requirements().stream().allMatch(q -> q.standard().equals("wcag22-aa")));
    }
}
