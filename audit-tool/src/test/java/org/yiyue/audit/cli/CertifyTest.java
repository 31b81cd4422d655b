package org.yiyue.audit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.deque.html.axecore.results.Results;
import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.yiyue.audit.crawl.Fetcher;
import org.yiyue.audit.plan.CertificationPlan;
import org.yiyue.audit.plan.PlanReader;
import org.yiyue.audit.plan.SessionWalker;
import org.yiyue.audit.report.AuditReport;
import org.yiyue.audit.report.Finding;
import org.yiyue.audit.report.JsonReport;
import org.yiyue.audit.report.PageReport;
import org.yiyue.audit.report.VerdictFirstTest;
import org.yiyue.demo.ReplicaCatalog;
import org.yiyue.demo.ReplicaSites;
import org.yiyue.testkit.Chromium;
import org.yiyue.testkit.ReplicaSitesExtension;

/**
 * Certification of the four replica sites in Chromium from their plan (demo-sites' replica-plan.json, moved to the
 * test ports with --origin; yth's sign-in and application flow are declared steps walked in Chromium), against
 * defects.json: recall per site is printed, every defect counted as found was found on its page and element
 * (DefectMatcher), the control pages have no failure, the PDF has the four sites' sections, and EARL (read by a
 * JSON-LD processor) has one assertion per (page, rule).
 */
@ExtendWith(ReplicaSitesExtension.class)
class CertifyTest {

    /** The replica sites' plan, as shipped with demo-sites (the path ./yiyue certify uses). */
    static final Path REPLICA_PLAN = Path.of("..", "demo-sites", "src", "main", "resources", "plans", "replica-plan.json");

    @Test
    void certifiesTheFourSites(ReplicaSites sites, ReplicaCatalog catalog, @TempDir Path out) throws Exception {
        List<String> args = new ArrayList<>(List.of("certify", "--plan", REPLICA_PLAN.toString(), "--out", out.toString(),
                "-w", "2", "--progress", "off", "--format", "all"));
        for (String id : ReplicaSites.SITE_IDS) {
            args.add("--origin");
            args.add(id + "=" + sites.origin(id));
        }
        Cli run = Cli.run(args.toArray(String[]::new));
        assertEquals(ExitCodes.OK, run.exit(), run.out() + run.err());
        // the reports' own axe-core check needs only the files written above: Chromium scans them while the sites'
        // results are checked below (Java work), and what it found is judged at the same place as before
        reportsAxe = CompletableFuture.supplyAsync(() -> scan(List.of(out.resolve("certification.html"),
                out.resolve("portal").resolve("report.html"))));

        JsonNode summary = JsonReport.MAPPER.readTree(out.resolve("summary.json").toFile());
        CertificationPlan plan = new PlanReader().read(REPLICA_PLAN);
        for (String id : ReplicaSites.SITE_IDS) {
            plan = plan.withOrigin(id, sites.origin(id));
        }
        assertEquals(4, summary.get("sites").size());
        List<String> controlFailures = new ArrayList<>();
        int allAuto = 0;
        int allFound = 0;
        StringBuilder recall = new StringBuilder();
        for (JsonNode site : summary.get("sites")) {
            String id = site.get("site").asText();
            URI origin = sites.origin(id);
            assertTrue(site.get("pagesAudited").asInt() >= catalog.site(id).pages().size() - 1, id + " pages audited");
            AuditReport r = JsonReport.read(out.resolve(id).resolve("report.json"));
            // every page a defect is on was audited in full (browser included): a page lost or left with static
            // results only fails here by name, not as an unexplained drop in recall
            for (String page : catalog.defects(id).stream().map(ReplicaCatalog.Defect::page).distinct().toList()) {
                List<PageReport> found = r.pages().stream().filter(pg -> DefectMatcher.samePage(pg.url(), origin.resolve(page))).toList();
                assertTrue(!found.isEmpty(), id + page + " is in the report (pages: " + r.pages().stream().map(PageReport::url).toList() + ")");
                assertTrue(found.stream().anyMatch(pg -> pg.status().equals("audited")), id + page + " audited with the browser: "
                        + found.stream().map(pg -> pg.status() + " " + pg.detail()).toList());
            }
            assertEquals(r.incompletePages().size(), site.get("pagesIncomplete").size(), id + " summary names the incomplete pages");
            for (ReplicaCatalog.ControlPage c : catalog.controlPages(id)) {
                PageReport p = r.pages().stream().filter(pg -> DefectMatcher.samePage(pg.url(), origin.resolve(c.page()))).findFirst().orElse(null);
                assertTrue(p != null && p.audited(), id + c.page() + " audited");
                if (p.failures() != 0) {
                    controlFailures.add(id + c.page() + " is defect-free but got " + p.findings().stream().filter(Finding::failed)
                            .map(f -> f.engine() + ":" + f.ruleId() + " " + f.target()).distinct().toList());
                }
            }
            // the defects' pages as served to a signed-in visitor (yth's flow pages exist only in a session)
            Map<String, String> session = new SessionWalker(true, Duration.ofSeconds(30)).cookies(plan.site(id));
            Fetcher fetcher = new Fetcher(Duration.ofSeconds(20), 8L * 1024 * 1024, session, Set.of(Fetcher.hostKey(origin)));
            List<DefectMatcher.Match> matches = new DefectMatcher(fetcher).match(r, origin, catalog.defects(id));
            int auto = 0;
            int found = 0;
            for (DefectMatcher.Match m : matches) {
                if (m.detectable().equals("manual")) {
                    continue;
                }
                auto++;
                if (m.found()) {
                    found++;
                    assertTrue(!m.foundBy().isEmpty(), m.toString());
                } else {
                    recall.append("   missed ").append(m.id()).append(' ').append(m.detectable()).append(' ').append(m.wcag())
                            .append(' ').append(m.page()).append(' ').append(m.selector()).append(' ').append(m.note()).append('\n');
                }
            }
            assertEquals(catalog.defects(id).stream().filter(d -> !d.detectable().equals("manual")).count(), auto);
            allAuto += auto;
            allFound += found;
            recall.append(String.format("recall %-6s %2d/%2d = %.2f%n", id, found, auto, (double) found / auto));
            // the yth application flow (behind the declared sign-in) was audited step by step
            if (id.equals("yth")) {
                for (String step : List.of("/apply/step1", "/apply/step2", "/apply/step3", "/apply/receipt")) {
                    assertTrue(r.pages().stream().anyMatch(pg -> DefectMatcher.samePage(pg.url(), origin.resolve(step)) && pg.audited()),
                            "yth " + step + " audited behind the plan's sign-in");
                }
            }
            // EARL: expanded by a JSON-LD processor, one assertion per (page, rule) with an EARL outcome
            EarlJsonLdTest.check(r, Files.readString(out.resolve(id).resolve("report.earl.jsonld")));
            assertTrue(Files.size(out.resolve(id).resolve("report.pdf")) > 10_000);
        }
        System.out.print(recall);
        System.out.printf("recall all    %d/%d = %.2f%n", allFound, allAuto, (double) allFound / allAuto);
        assertEquals(List.of(), controlFailures, "no failure on the defect-free control pages");
        // every defect an automated check can detect (static or rendered in defects.json) is found, on its page and element
        assertEquals(allAuto, allFound, recall.toString());

        // the combined report and a site report (with embedded screenshots) pass axe-core with zero violations
        for (Map.Entry<Path, Results> scanned : scanned().entrySet()) {
            Path html = scanned.getKey();
            Results axe = scanned.getValue();
            assertTrue(!axe.isErrored(), html + ": " + axe.getErrorMessage());
            assertEquals(List.of(), axe.getViolations().stream().map(v -> v.getId() + " " + v.getNodes().get(0).getTarget()).toList(),
                    html + " must be accessible itself");
        }

        // the certification PDF: Chromium's print with a document outline, one bookmark per site section
        byte[] pdf = Files.readAllBytes(out.resolve("certification.pdf"));
        assertEquals("%PDF-", new String(pdf, 0, 5, StandardCharsets.US_ASCII));
        // its first page is the verdict of all four sites
        String first = VerdictFirstTest.firstPage(out.resolve("certification.pdf"));
        for (String id : ReplicaSites.SITE_IDS) {
            assertTrue(first.contains(id + " "), id + " on the first page: " + first);
        }
        assertTrue(first.contains("否决项") && first.contains("各网站结论摘要"), first);
        List<String> titles = PdfOutline.titles(pdf);
        for (String id : ReplicaSites.SITE_IDS) {
            assertTrue(titles.stream().anyMatch(t -> t.startsWith(id + " — ")), id + " section in the PDF outline: " + titles);
        }
    }

    /** The axe-core scan of the reports, started once they are written. */
    private CompletableFuture<Map<Path, Results>> reportsAxe = CompletableFuture.completedFuture(Map.of());

    /** Each report in turn in one Chromium, scanned by axe-core (every rule). */
    private static Map<Path, Results> scan(List<Path> reports) {
        Map<Path, Results> out = new LinkedHashMap<>();
        try (Chromium chromium = Chromium.start()) {
            for (Path html : reports) {
                chromium.driver().get(html.toUri().toString());
                out.put(html, ReportAxe.run(chromium.driver(), 180));
            }
        }
        return out;
    }

    /** What the scan found; its own failure (Chromium did not start, axe timed out) as it was thrown. */
    private Map<Path, Results> scanned() throws Exception {
        try {
            return reportsAxe.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e.getCause() instanceof Exception ex ? ex : e;
        }
    }

    /** A test that failed before judging the scan still waits for it: its browser is closed before the next class. */
    @AfterEach
    void scanFinished() {
        reportsAxe.handle((r, e) -> null).join();
    }

    /** Reads bookmark titles (/Title strings) from an uncompressed PDF outline. */
    static final class PdfOutline {
        static List<String> titles(byte[] pdf) {
            String s = new String(pdf, StandardCharsets.ISO_8859_1);
            List<String> out = new ArrayList<>();
            Matcher hex = Pattern.compile("/Title\\s*<([0-9A-Fa-f]+)>").matcher(s);
            while (hex.find()) {
                out.add(utf16(hex.group(1)));
            }
            Matcher lit = Pattern.compile("/Title\\s*\\(((?:\\\\.|[^\\\\)])*)\\)").matcher(s);
            while (lit.find()) {
                out.add(lit.group(1));
            }
            return out;
        }

        private static String utf16(String hex) {
            byte[] b = new byte[hex.length() / 2];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
            }
            if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
                return new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE);
            }
            return new String(b, StandardCharsets.ISO_8859_1);
        }
    }
}
