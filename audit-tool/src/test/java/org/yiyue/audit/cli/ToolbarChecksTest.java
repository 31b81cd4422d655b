package org.yiyue.audit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.yiyue.audit.crawl.TestServer;
import org.yiyue.audit.report.AuditReport;
import org.yiyue.audit.report.JsonReport;
import org.yiyue.audit.report.PageReport;
import org.yiyue.audit.report.RequirementResult;
import org.yiyue.demo.ReplicaSites;
import org.yiyue.testkit.EmbeddedToolbar;
import org.yiyue.testkit.ReplicaSitesExtension;

/** The toolbar function checks run when a page carries the Yiyue toolbar, and can fail. */
@ExtendWith(ReplicaSitesExtension.class)
class ToolbarChecksTest {

    private static final List<String> FUNCTIONS = List.of("toolbar-launcher", "toolbar-open", "toolbar-text-size",
            "toolbar-page-zoom", "toolbar-contrast", "toolbar-speech", "toolbar-big-cursor", "toolbar-reset", "toolbar-help",
            "toolbar-exit");

    private static Map<String, String> toolbarOutcomes(PageReport p) {
        Map<String, String> out = new TreeMap<>();
        p.ruleOutcomes().forEach((k, v) -> {
            if (k.startsWith("toolbar-")) {
                out.put(k, v);
            }
        });
        return out;
    }

    @Test
    void realToolbarOnAReplicaPageWorksAndDoesNoHarm(@EmbeddedToolbar ReplicaSites sites, @TempDir Path out) throws Exception {
        Cli run = Cli.run("audit", sites.origin("gcjs") + "/control.html", "-n", "1", "-d", "0", "--delay", "0", "--loopback-only",
                "--progress", "off", "-o", out.toString(), "--format", "json");
        assertEquals(ExitCodes.OK, run.exit(), run.out() + run.err());
        AuditReport r = JsonReport.read(out.resolve("report.json"));
        PageReport p = r.pages().get(0);
        Map<String, String> t = toolbarOutcomes(p);
        System.out.println("toolbar checks on gcjs /control.html (strict CSP): " + t);
        assertTrue(t.keySet().containsAll(FUNCTIONS), "every scripted function was checked: " + t);
        assertTrue(t.containsKey("toolbar-do-no-harm"), "do-no-harm comparison made");
        for (String f : FUNCTIONS) {
            assertEquals("passed", t.get(f), f + ": " + p.findings());
        }
        assertEquals("passed", t.get("toolbar-do-no-harm"), p.findings().toString());
        RequirementResult p2 = r.requirements().stream().filter(q -> q.id().equals("W-P2")).findFirst().orElseThrow();
        assertEquals("PASSED_BY_AUTOMATION", p2.verdict().name(), "page zoom and 200 % text by the site's own toolbar");
    }

    @Test
    void brokenToolbarFails(@TempDir Path out) throws Exception {
        try (TestServer server = new TestServer()) {
            // a look-alike whose launcher opens nothing: the check must say so
            server.html("/index.html", "<!DOCTYPE html><html lang=\"zh-CN\"><head><title>假工具条</title></head><body>"
                    + "<main><h1>页面</h1><p>正文内容足够长的一段文字。</p></main>"
                    + "<script>var h=document.createElement('yiyue-a11y');var s=h.attachShadow({mode:'open'});"
                    + "var b=document.createElement('button');b.className='launcher';b.textContent='无障碍';s.appendChild(b);"
                    + "document.body.appendChild(h);</script></body></html>");
            Cli run = Cli.run("audit", server.url("/index.html").toString(), "-n", "1", "-d", "0", "--delay", "0", "--loopback-only",
                    "--progress", "off", "-o", out.toString(), "--format", "json", "--fail-on", "any");
            assertEquals(ExitCodes.THRESHOLD, run.exit(), run.out() + run.err());
            PageReport p = JsonReport.read(out.resolve("report.json")).pages().get(0);
            assertEquals("passed", toolbarOutcomes(p).get("toolbar-launcher"));
            assertEquals("failed", toolbarOutcomes(p).get("toolbar-open"), p.findings().toString());
        }
    }
}
