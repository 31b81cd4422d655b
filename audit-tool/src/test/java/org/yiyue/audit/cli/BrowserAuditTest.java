package org.yiyue.audit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.yiyue.audit.crawl.TestServer;
import org.yiyue.audit.report.AuditReport;
import org.yiyue.audit.report.Finding;
import org.yiyue.audit.report.JsonReport;
import org.yiyue.audit.report.PageReport;
import org.yiyue.demo.ReplicaSites;
import org.yiyue.testkit.Chromium;
import org.yiyue.testkit.ReplicaSitesExtension;

/** Full audits in Chromium: rendered checks, merged engines, evidence, an accessible report, and bad pages as outcomes. */
@ExtendWith(ReplicaSitesExtension.class)
class BrowserAuditTest {

    static Chromium chromium;

    @BeforeAll
    static void browser() {
        chromium = Chromium.start();
    }

    @AfterAll
    static void quit() {
        chromium.close();
    }

    @Test
    void renderedDefectsFoundControlPageCleanAndReportItselfAccessible(ReplicaSites sites, @TempDir Path out) throws Exception {
        String origin = sites.origin("zwfw").toString();
        Cli run = Cli.run("audit", origin + "/index.html", "-n", "1", "-d", "0", "--delay", "0", "--loopback-only",
                "--process", "对照=/control.html", "--progress", "off", "-o", out.toString(), "--format", "html,json,earl");
        assertEquals(ExitCodes.OK, run.exit(), run.out() + run.err());
        AuditReport r = JsonReport.read(out.resolve("report.json"));
        PageReport index = r.pages().stream().filter(p -> p.url().endsWith("/index.html")).findFirst().orElseThrow();
        PageReport control = r.pages().stream().filter(p -> p.url().endsWith("/control.html")).findFirst().orElseThrow();
        assertEquals("audited", index.status(), index.detail());
        assertEquals("audited", control.status(), control.detail());
        assertEquals(List.of(), control.findings().stream().filter(Finding::failed).toList(), "the control page has no defects");

        // zwfw-14: the site's CSS removes the focus outline; the keyboard walk sees no change on focus. Its finding is
        // merged into oj04fd's on the same element when that rule fails it too (the focus proof decides links beyond
        // the screenshot budget): then the walk is listed in alsoFoundBy
        assertEquals("failed", index.ruleOutcomes().get("kbd-focus-visible"), index.ruleOutcomes().toString());
        assertTrue(index.findings().stream().anyMatch(f -> f.failed() && f.sc().contains("2.4.7")
                && (f.ruleId().equals("kbd-focus-visible") || f.alsoFoundBy().contains("yiyue-browser"))), index.findings().toString());
        // axe-core ran as a peer and its findings keep their engine
        assertTrue(index.ruleOutcomes().keySet().stream().anyMatch(k -> k.startsWith("axe:")));
        // zwfw-03: the logo image without alt is found once, with a screenshot as evidence; our image-name is complete
        // on its ACT rule (23a2a8), so by the engine merge ours decides and axe-core's image-alt finding is left out
        List<Finding> logos = index.findings().stream().filter(f -> f.failed() && f.sc().contains("1.1.1") && f.target().contains("logo"))
                .toList();
        assertEquals(1, logos.size(), "the logo once, not once per engine: " + logos);
        assertEquals("yiyue", logos.get(0).engine(), "our complete rule decides: " + logos.get(0));
        long shots = index.findings().stream().filter(f -> f.screenshot() != null).count();
        assertTrue(shots > 0, "cropped screenshots of failing elements");
        for (Finding f : index.findings()) {
            if (f.screenshot() != null) {
                byte[] png = Files.readAllBytes(out.resolve(f.screenshot()));
                assertEquals((byte) 0x89, png[0]);
                assertEquals('P', png[1]);
            }
        }

        // the HTML report passes axe-core (every rule, not only WCAG tags) with zero violations
        chromium.driver().get(out.resolve("report.html").toUri().toString());
        Results axe = ReportAxe.run(chromium.driver(), 30);
        assertEquals(List.of(), axe.getViolations().stream().map(v -> v.getId() + " " + v.getNodes().size() + " " + v.getNodes().get(0).getTarget())
                .collect(Collectors.toList()), "report.html must be accessible itself");
        String html = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("data:image/png;base64,"), "screenshots embedded: the report is self-contained");
    }

    @Test
    void keyboardWalkFindsBlurOnFocusTrapsAndPointerOnlyControls(@TempDir Path out) throws Exception {
        try (TestServer server = new TestServer()) {
            server.html("/kbd.html", "<!DOCTYPE html><html lang=\"zh-CN\"><head><title>键盘</title>"
                    + "<style>a:focus,button:focus{outline:3px solid #000}</style></head><body><main><h1>键盘</h1>"
                    + "<p><a href=\"/a\">正常链接</a></p>"
                    + "<p><a id=\"blurry\" href=\"/b\" onfocus=\"this.blur()\">获得焦点即失去</a></p>"
                    + "<p><span id=\"fake\" onclick=\"location.href='/c'\">假按钮</span></p>"
                    + "<p><button id=\"trap\" type=\"button\" onkeydown=\"if(event.key==='Tab'){event.preventDefault();}\">陷阱</button></p>"
                    + "<p><a href=\"/d\">之后的链接</a></p></main></body></html>");
            Cli run = Cli.run("audit", server.url("/kbd.html").toString(), "-n", "1", "-d", "0", "--delay", "0", "--loopback-only",
                    "--progress", "off", "-o", out.toString(), "--format", "json");
            assertEquals(ExitCodes.OK, run.exit(), run.out() + run.err());
            PageReport p = JsonReport.read(out.resolve("report.json")).pages().get(0);
            // our checks' own page outcomes (their findings may be merged into another engine's for the same element and SC)
            Map<String, String> o = p.ruleOutcomes();
            String why = p.detail() + " " + p.findings();
            assertEquals("failed", o.get("kbd-focus-removed"), why);
            assertEquals("failed", o.get("kbd-pointer-only"), why);
            assertEquals("failed", o.get("kbd-trap"), why);
            assertEquals("passed", o.get("kbd-focus-visible"), "every link shows a 3 px outline: " + why);
            List<String> failedTargets = p.findings().stream().filter(Finding::failed)
                    .filter(f -> f.engine().equals("yiyue-browser") || f.alsoFoundBy().contains("yiyue-browser"))
                    .map(Finding::target).distinct().sorted().toList();
            assertTrue(failedTargets.containsAll(List.of("#blurry", "#fake", "#trap")), failedTargets.toString());
        }
    }

    @Test
    void badPagesEndAsReportedOutcomes(@TempDir Path out) throws Exception {
        try (TestServer server = new TestServer()) {
            server.html("/index.html", "<!DOCTYPE html><html lang=\"zh-CN\"><title>首页</title><main><h1>首页</h1>"
                            + "<a href=\"/malformed.html\">坏页面</a> <a href=\"/missing.html\">不存在</a></main>")
                    .html("/malformed.html", "<html><body><div><p>未闭合 <table><tr><td>x</div></span><img src=x></html><<>>")
                    .redirect("/loop-a", "/loop-b").redirect("/loop-b", "/loop-a")
                    .slow("/slow.html", 4000)
                    .slow("/slow-script.js", 6000)
                    .html("/stall.html", "<!DOCTYPE html><html lang=\"zh-CN\"><title>慢</title><script src=\"/slow-script.js\"></script><p>正文")
                    .bytes("/file.pdf", "application/pdf", "%PDF-1.4 test".getBytes(StandardCharsets.US_ASCII));
            Cli run = Cli.run("audit", server.url("/index.html").toString(), "-d", "1", "--delay", "0", "--timeout", "2",
                    "--loopback-only", "--process", "坏=/slow.html,/loop-a,/file.pdf,/stall.html", "--progress", "off",
                    "-o", out.toString(), "--format", "json,earl,csv,junit,html", "--fail-on", "unaudited");
            assertEquals(ExitCodes.THRESHOLD, run.exit(), run.out() + run.err());
            AuditReport r = JsonReport.read(out.resolve("report.json"));
            Map<String, PageReport> byPath = r.pages().stream().collect(Collectors.toMap(p -> java.net.URI.create(p.url()).getPath(), p -> p));
            assertEquals("audited", byPath.get("/malformed.html").status(), byPath.get("/malformed.html").detail());
            assertEquals("http-error", byPath.get("/missing.html").status());
            assertEquals(404, byPath.get("/missing.html").httpStatus());
            assertEquals("redirect-loop", byPath.get("/loop-a").status());
            assertEquals("timeout", byPath.get("/slow.html").status());
            assertEquals("not-html", byPath.get("/file.pdf").status());
            PageReport stall = byPath.get("/stall.html");
            assertEquals("audited-static", stall.status());
            assertTrue(stall.detail().contains("timed out"), stall.detail());
            assertTrue(Files.readString(out.resolve("report.html")).contains("redirect-loop"));
        }
    }
}
