package org.yiyue.audit.browser;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.yiyue.audit.judge.AxeConsistency;
import org.yiyue.audit.core.PageFindings;
import org.yiyue.audit.crawl.TestServer;
import org.yiyue.audit.report.RuleInfo;

/**
 * The axe-core the audit embeds is the newest one on npm, and its integrity checks: npm itself (its cache, filled by
 * the build's registry query; the test reaches no network) names the same version and dist.integrity as the
 * embedded manifest; the tarball the build fetched hashes to that integrity here, in Java; the embedded axe.min.js
 * is byte for byte the one inside it; Chromium reports that version when the audit's scan runs; and a script that is
 * not the verified one is refused.
 */
class EmbeddedAxeTest {

    @Test
    void theEmbeddedAxeIsNpmsNewestAndItsIntegrityChecks() throws Exception {
        EmbeddedAxe axe = EmbeddedAxe.get();
        JsonNode npm = npmView();
        assertEquals(npm.path("version").asText(), axe.version(), "the embedded axe-core is npm's latest");
        assertEquals(npm.path("dist.integrity").asText(), axe.integrity(), "npm's integrity is recorded");
        assertTrue(axe.integrity().startsWith("sha512-"), axe.integrity());

        Path tgz = Path.of("target", "axe-npm", "axe-core-" + axe.version() + ".tgz");
        assertTrue(Files.isRegularFile(tgz), "the build keeps the tarball it verified: " + tgz.toAbsolutePath());
        byte[] tarball = Files.readAllBytes(tgz);
        assertEquals(axe.integrity(), EmbeddedAxe.sri("SHA-512", tarball), "the tarball hashes to npm's dist.integrity");
        assertArrayEquals(entry(tarball, "package/axe.min.js"), axe.script().getBytes(StandardCharsets.UTF_8),
                "the embedded script is the tarball's axe.min.js");
        assertEquals(axe.scriptSha512(), EmbeddedAxe.sri("SHA-512", axe.script().getBytes(StandardCharsets.UTF_8)));
        assertTrue(axe.rules().values().stream().filter(r -> !r.actIds().isEmpty()).count() > 30,
                "the manifest carries the rules' ACT ids");
        assertEquals(List.of("afw4f7", "09o5cg"), axe.rules().get("color-contrast").actIds());
    }

    @Test
    void theConsistencyRecordTheMergeReadsIsOfTheEmbeddedVersion() {
        // the full measurement (AxeActConformanceTest) is opt-in; this keeps a newer axe from being trusted on an
        // older one's record
        AxeConsistency record = AxeConsistency.committed();
        assertEquals(EmbeddedAxe.get().version(), record.axeVersion(),
                "axe-act-consistency.tsv was measured on another axe-core: run AxeActConformanceTest with -Dyiyue.act.axe=true -Dyiyue.act.record=true");
        assertEquals(EmbeddedAxe.get().integrity(), record.axeIntegrity());
    }

    @Test
    void aScriptThatIsNotTheVerifiedOneIsRefused() throws Exception {
        byte[] manifest;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(EmbeddedAxe.DIR + "axe-core.json")) {
            manifest = in.readAllBytes();
        }
        byte[] script = EmbeddedAxe.get().script().getBytes(StandardCharsets.UTF_8);
        assertEquals(EmbeddedAxe.get().version(), EmbeddedAxe.of(manifest, script).version());
        byte[] altered = script.clone();
        altered[altered.length / 2] ^= 1;
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> EmbeddedAxe.of(manifest, altered));
        assertTrue(e.getMessage().contains("not the one the build verified"), e.getMessage());
    }

    @Test
    void theAuditsScanRunsTheEmbeddedVersionInChromium() throws Exception {
        try (TestServer server = new TestServer().html("/index.html", "<!DOCTYPE html><html lang=\"zh-CN\"><head>"
                + "<meta charset=\"utf-8\"><title>测试页</title></head><body><main><h1>测试页</h1>"
                + "<img src=\"/logo.png\" width=\"40\" height=\"40\"></main></body></html>");
             AuditBrowser browser = AuditBrowser.start(true, Duration.ofSeconds(30))) {
            browser.driver().get(server.url("/index.html").toString());
            AxeScan scan = new AxeScan(null);
            assertTrue(scan.embedded());
            assertTrue(scan.provenance().contains(EmbeddedAxe.get().integrity()), scan.provenance());
            PageFindings out = new PageFindings("p");
            String version = scan.run(browser.driver(), out, new java.util.ArrayList<RuleInfo>());
            assertEquals(EmbeddedAxe.get().version(), version, "Chromium ran the embedded axe-core, not axe-core/selenium's");
            assertEquals("failed", out.outcomes().get("axe:image-alt"));
        }
    }

    /** npm's own answer, from its cache (the build's registry query filled it): no network in tests. */
    private static JsonNode npmView() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("npm", "view", "axe-core@latest", "version", "dist.integrity", "--json", "--offline")
                .redirectErrorStream(false).start();
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "npm view did not finish");
        assertEquals(0, p.exitValue(), "npm view axe-core --offline: " + err);
        return new ObjectMapper().readTree(out);
    }

    /** One file of a .tgz (ustar), read with the JDK alone. */
    static byte[] entry(byte[] tgz, String name) throws IOException {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(tgz))) {
            byte[] header = new byte[512];
            while (in.readNBytes(header, 0, 512) == 512) {
                String n = field(header, 0, 100);
                if (n.isEmpty()) {
                    break;
                }
                String prefix = field(header, 345, 155);
                String full = prefix.isEmpty() ? n : prefix + "/" + n;
                long size = Long.parseLong(field(header, 124, 12).trim(), 8);
                byte[] body = in.readNBytes((int) size);
                in.skipNBytes((512 - size % 512) % 512);
                if (full.equals(name)) {
                    return body;
                }
            }
        }
        throw new AssertionError(name + " not in the tarball");
    }

    private static String field(byte[] h, int off, int len) {
        int end = off;
        while (end < off + len && h[end] != 0) {
            end++;
        }
        return new String(h, off, end - off, StandardCharsets.US_ASCII);
    }
}
