package org.yiyue.audit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.deque.html.axecore.selenium.AxeBuilder;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yiyue.audit.crawl.TestServer;
import org.yiyue.audit.report.AuditReport;
import org.yiyue.audit.report.JsonReport;
import org.yiyue.audit.report.PageReport;

/**
 * {@code --axe-script}: the tester's axe-core file is the one that runs (the report names the version it set), and
 * a file that cannot be axe-core stops the command before any page is fetched, with a usage error.
 */
class AxeScriptOptionTest {

    static final String MARKED_VERSION = "4.11.1-yiyue-test";
    static TestServer server;
    @TempDir
    static Path dir;

    @BeforeAll
    static void serve() throws Exception {
        server = new TestServer().html("/index.html", "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                + "<title>测试页</title></head><body><main><h1>测试页</h1><img src=\"/logo.png\" width=\"40\" height=\"40\">"
                + "<ul><div>不是列表项</div></ul></main></body></html>");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** The older axe-core inside the axe-core/selenium jar, with its version string changed. */
    static Path markedAxe() throws Exception {
        String axe;
        try (InputStream in = AxeBuilder.class.getResourceAsStream("/axe.min.js")) {
            assertNotNull(in, "axe.min.js in the axe-core/selenium jar");
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String original = "axe.version=\"4.11.1\"";
        assertTrue(axe.contains(original), "the embedded axe sets its version");
        Path file = dir.resolve("axe-marked.min.js");
        Files.writeString(file, axe.replace(original, "axe.version=\"" + MARKED_VERSION + "\""));
        return file;
    }

    @Test
    void theGivenAxeScriptRunsAndTheReportNamesItsVersion() throws Exception {
        Path out = dir.resolve("good");
        Cli run = Cli.run("audit", server.url("/index.html").toString(), "-n", "1", "-d", "0", "--delay", "0", "--loopback-only",
                "--axe-script", markedAxe().toString(), "--progress", "off", "-o", out.toString(), "--format", "json");
        assertEquals(ExitCodes.OK, run.exit(), run.out() + run.err());
        AuditReport r = JsonReport.read(out.resolve("report.json"));
        assertEquals(MARKED_VERSION, r.environment().axeVersion());
        PageReport page = r.pages().get(0);
        assertEquals("audited", page.status(), page.detail());
        assertEquals("failed", page.ruleOutcomes().get("axe:list"), "the given axe-core ran and found the list with a div "
                + "(axe's list rule declares no ACT rule: kept as before the merge): " + page.ruleOutcomes());
        // its ACT consistency is not measured: it decides no ACT rule; ours is complete on image names and decides
        assertTrue(r.environment().axeSource().startsWith("--axe-script axe-marked.min.js (sha512-"), r.environment().axeSource());
        assertTrue(r.environment().axeSource().contains("not measured"), r.environment().axeSource());
        assertEquals("failed", page.ruleOutcomes().get("image-name"));
        assertFalse(page.ruleOutcomes().containsKey("axe:image-alt"), "ours decides ACT 23a2a8: " + page.ruleOutcomes());
        var d = r.environment().engineMerge().stream().filter(x -> x.actRule().equals("23a2a8")).findFirst().orElseThrow();
        assertEquals("yiyue", d.decidedBy());
        assertEquals("unmeasured", d.axe());
        assertEquals(1, d.superseded());
    }

    @Test
    void filesThatCannotBeAxeCoreAreRefusedBeforeTheAudit() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("folder"));
        Path empty = Files.writeString(dir.resolve("empty.js"), "");
        Path png = Files.write(dir.resolve("picture.js"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, (byte) 0xff, 0});
        Path other = Files.writeString(dir.resolve("other.js"), "console.log('not axe');");
        String[][] cases = {
                {dir.resolve("missing.js").toString(), "no such file"},
                {folder.toString(), "is a folder"},
                {empty.toString(), "size 0 bytes"},
                {png.toString(), "not a UTF-8 JavaScript text file"},
                {other.toString(), "does not look like axe-core"}};
        int before = server.requests.size();
        for (String[] c : cases) {
            Path out = dir.resolve("bad-" + Path.of(c[0]).getFileName());
            Cli run = Cli.run("audit", server.url("/index.html").toString(), "-n", "1", "--loopback-only",
                    "--axe-script", c[0], "--progress", "off", "-o", out.toString(), "--format", "json");
            assertEquals(ExitCodes.USAGE, run.exit(), c[0] + ": " + run.out() + run.err());
            assertTrue(run.err().contains("--axe-script " + c[0]) && run.err().contains(c[1]), run.err());
            assertFalse(run.err().contains("Exception"), "a message, not a stack trace: " + run.err());
            assertFalse(Files.exists(out.resolve("report.json")));
        }
        assertEquals(before, server.requests.size(), "refused before any page was fetched");
    }
}
