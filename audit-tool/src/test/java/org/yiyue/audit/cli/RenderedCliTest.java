package org.yiyue.audit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `rules --rendered --offline` starts the production browser launcher and decides contrast. */
class RenderedCliTest {

    @Test
    void renderedModeDecidesContrast(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("c.html");
        Files.writeString(f, "<!doctype html><html lang=zh><head><title>t</title><style>p{color:#bbb}</style></head>"
                + "<body><p id=pale>浅色文字</p></body></html>");
        RulesCommandTest.Run r = RulesCommandTest.run("rules", "--rendered", "--offline", "--tags", "color", f.toString());
        assertEquals(1, r.code(), r.err());
        JsonNode page = new ObjectMapper().readTree(r.out()).get("pages").get(0);
        assertEquals("rendered", page.get("mode").asText());
        boolean failed = false;
        for (JsonNode o : page.get("outcomes")) {
            failed |= o.get("rule").asText().equals("text-contrast") && o.get("outcome").asText().equals("failed")
                    && o.get("target").asText().equals("#pale") && !o.get("snippet").asText().contains("data-yiyue-i");
        }
        assertTrue(failed, r.out());
    }

    @Test
    void mobileRenderingMeasuresThePhoneLayout(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("m.html");
        Files.writeString(f, "<!doctype html><html lang=zh><head><title>长辈版</title>"
                + "<meta name=viewport content='width=device-width'><style>p{font-size:14px}"
                + "@media (max-width:500px){p{font-size:20px}}</style></head>"
                + "<body><p>正文内容正文内容正文内容</p></body></html>");
        RulesCommandTest.Run desktop = RulesCommandTest.run("rules", "--rendered", "--offline", "--tags", "mobile", f.toString());
        RulesCommandTest.Run phone = RulesCommandTest.run("rules", "--rendered", "--offline", "--mobile", "--tags", "mobile", f.toString());
        assertEquals("failed", outcome(desktop.out(), "mobile-body-text-size"), desktop.out());
        assertEquals("passed", outcome(phone.out(), "mobile-body-text-size"), phone.out());
    }

    private static String outcome(String json, String rule) throws Exception {
        for (JsonNode o : new ObjectMapper().readTree(json).get("pages").get(0).get("outcomes")) {
            if (o.get("rule").asText().equals(rule)) {
                return o.get("outcome").asText();
            }
        }
        return null;
    }
}
