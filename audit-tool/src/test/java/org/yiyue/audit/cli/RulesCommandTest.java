package org.yiyue.audit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The static CLI end to end (the rendered path is covered by RenderedCliTest). */
class RulesCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    static Path page(Path dir, String name, String html) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, html);
        return f;
    }

    @Test
    void jsonListsOutcomesAndExitsOneOnFailure(@TempDir Path dir) throws Exception {
        Path f = page(dir, "a.html", "<html lang=zh-CN><head><title>测试</title></head><body><img src=a.png></body></html>");
        Run r = run("rules", f.toString());
        assertEquals(1, r.code(), r.err());
        JsonNode page = JSON.readTree(r.out()).get("pages").get(0);
        assertEquals("static", page.get("mode").asText());
        boolean imageFailed = false;
        boolean langPassed = false;
        for (JsonNode o : page.get("outcomes")) {
            imageFailed |= o.get("rule").asText().equals("image-name") && o.get("outcome").asText().equals("failed")
                    && o.get("target").asText().contains("img") && o.get("message").get("zh").asText().length() > 0;
            langPassed |= o.get("rule").asText().equals("html-has-lang") && o.get("outcome").asText().equals("passed");
        }
        assertTrue(imageFailed, r.out());
        assertTrue(langPassed, r.out());
        assertTrue(page.get("summary").get("failed").asInt() >= 1);
    }

    @Test
    void earlHasSubjectTitleOutcomeAndWcagParts(@TempDir Path dir) throws Exception {
        Path f = page(dir, "b.html", "<html><body><img src=a.png alt=首页></body></html>");
        Run r = run("rules", "--format", "earl", f.toString());
        JsonNode root = JSON.readTree(r.out());
        assertEquals("http://www.w3.org/ns/earl#", root.get("@context").get("@vocab").asText());
        JsonNode subject = root.get("@graph").get(0);
        assertTrue(subject.get("source").asText().endsWith("b.html"));
        boolean found = false;
        for (JsonNode a : subject.get("assertions")) {
            if (a.get("test").get("title").asText().equals("image-name")) {
                found = true;
                assertEquals("earl:passed", a.get("result").get("outcome").asText());
                assertEquals("WCAG2:non-text-content", a.get("test").get("isPartOf").get(0).asText());
                assertTrue(a.get("subject").get("source").asText().endsWith("b.html"));
            }
            if (a.get("test").get("title").asText().equals("meta-refresh")) {
                assertEquals("earl:inapplicable", a.get("result").get("outcome").asText());
            }
        }
        assertTrue(found);
    }

    @Test
    void gbkFileIsReadAndUnreadableInputIsReportedWithoutLosingOthers(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("gbk.html");
        Files.write(f, "<html lang=zh><head><meta charset=gb2312><title>朱镕基</title></head><body><p>正文</p></body></html>"
                .getBytes(Charset.forName("GB18030")));
        Run r = run("rules", "--tags", "structure", f.toString(), dir.resolve("missing.html").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("missing.html"), r.err());
        JsonNode pages = JSON.readTree(r.out()).get("pages");
        assertEquals(1, pages.size());
        assertEquals("GB18030", pages.get(0).get("charset").asText());
        boolean title = false;
        for (JsonNode o : pages.get(0).get("outcomes")) {
            assertTrue(!o.get("rule").asText().equals("image-name"), "tag filter");
            if (o.get("rule").asText().equals("page-title")) {
                title = o.get("message").get("zh").asText().contains("朱镕基");
            }
        }
        assertTrue(title, r.out());
    }

    @Test
    void usageErrorsAndHelp() {
        assertEquals(2, run("rules").code());
        assertEquals(2, run("rules", "--format", "xml", "a.html").code());
        Run help = run("--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("rules"));
    }

    @Test
    void elderFlagEnablesTheElderModeChecks(@TempDir Path dir) throws Exception {
        Path f = page(dir, "e.html", "<html lang=zh><head><title>首页</title></head><body><a href=/app>下载APP</a></body></html>");
        Run plain = run("rules", "--tags", "elder", f.toString());
        Run elder = run("rules", "--tags", "elder", "--elder", f.toString());
        assertEquals(0, plain.code(), plain.out());
        assertEquals(1, elder.code(), elder.out());
        assertTrue(elder.out().contains("elder-no-induced-download"));
        assertTrue(!elder.out().contains("data-yiyue-mode"), "the declaration must not leak into snippets");
    }
}
