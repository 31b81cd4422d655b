package org.yiyue.toolbar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The built artefact in the jar: one ASCII file, its manifest (SRI hash, sizes), budget, no third-party URLs. */
class BundleTest {

    static byte[] resource(String name) throws IOException {
        try (InputStream in = BundleTest.class.getClassLoader().getResourceAsStream("META-INF/resources/a11y/" + name)) {
            assertNotNull(in, name + " is in the jar's META-INF/resources/a11y");
            return in.readAllBytes();
        }
    }

    static int gzipSize(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.size();
    }

    @Test
    void bundleIsAsciiOnlyAndMatchesItsManifest() throws Exception {
        byte[] js = resource("toolbar.js");
        for (int i = 0; i < js.length; i++) {
            assertTrue(js[i] >= 0, "non-ASCII byte at " + i);
        }
        JsonNode manifest = new ObjectMapper().readTree(resource("manifest.json"));
        String sri = "sha384-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-384").digest(js));
        assertEquals(sri, manifest.get("integrity").asText());
        assertEquals(js.length, manifest.get("bytes").asInt());
        assertTrue(manifest.get("gzipBytes").asInt() <= 40 * 1024, "core <= 40 KB gzipped: " + manifest.get("gzipBytes"));
        assertTrue(gzipSize(js) <= 40 * 1024);
        List<String> modules = new ObjectMapper().convertValue(manifest.get("modules"), List.class);
        assertTrue(modules.containsAll(List.of("control.js", "text.js", "page.js", "voice.js", "view.js", "reading.js", "main.js",
                "core/state.js", "core/storage.js", "core/i18n.js", "core/ui.js", "core/shortcuts.js", "core/speech.js")), modules.toString());
        String text = new String(js, java.nio.charset.StandardCharsets.US_ASCII);
        assertTrue(text.contains("\\u65e0\\u969c\\u788d"), "CJK labels escaped (无障碍)");
        assertTrue(!text.contains("import ") || !text.matches("(?s).*^import .*"), "no ES module syntax left");
    }

    @Test
    void noThirdPartyAddressAnywhere() throws Exception {
        for (String name : List.of("toolbar.js", "data/pinyin.js", "data/trad.js", "data/reader.js")) {
            String text = new String(resource(name), java.nio.charset.StandardCharsets.US_ASCII);
            Matcher m = Pattern.compile("(https?:)?//[a-z0-9.-]+\\.[a-z]{2,}[^\\s'\"]*", Pattern.CASE_INSENSITIVE).matcher(text);
            while (m.find()) {
                assertEquals("http://www.w3.org/2000/svg", m.group(), name + " refers to " + m.group());
            }
        }
    }

    @Test
    void optionalDataFilesAreSeparateAsciiAndListedWithHashes() throws Exception {
        JsonNode files = new ObjectMapper().readTree(resource("manifest.json")).get("files");
        for (String name : List.of("data/pinyin.js", "data/trad.js", "data/reader.js")) {
            byte[] bytes = resource(name);
            for (byte x : bytes) {
                assertTrue(x >= 0, name + " is ASCII");
            }
            assertEquals("sha384-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-384").digest(bytes)),
                    files.get(name).get("integrity").asText());
        }
        assertTrue(!new String(resource("toolbar.js"), java.nio.charset.StandardCharsets.US_ASCII).contains("\\u5e7f\\u5ee3"),
                "traditional data is not in the core bundle");
    }

    @Test
    void theToolbarRepeatsNoTimer() throws Exception {
        // DoNoHarmTest holds the page's setInterval timers in both of its loads; that is sound only while we use none
        for (String name : List.of("toolbar.js", "data/reader.js")) {
            assertFalse(new String(resource(name), java.nio.charset.StandardCharsets.UTF_8).contains("setInterval"),
                    name);
        }
    }

    @Test
    void readerViewIsAnOptionalPartNotInTheCore() throws Exception {
        JsonNode manifest = new ObjectMapper().readTree(resource("manifest.json"));
        String core = new String(resource("toolbar.js"), java.nio.charset.StandardCharsets.US_ASCII);
        String part = new String(resource("data/reader.js"), java.nio.charset.StandardCharsets.US_ASCII);
        assertFalse(core.contains("function buildReader"), "reader view builder is not in the core bundle");
        assertTrue(part.contains("function buildReader"), "it is in data/reader.js");
        assertTrue(part.contains("(window.__yiyueA11yData = window.__yiyueA11yData || {})[\"reader\"] = "), "the part registers itself");
        List<String> coreModules = new ObjectMapper().convertValue(manifest.get("modules"), List.class);
        assertFalse(coreModules.contains("parts/reader.js"), coreModules.toString());
        assertEquals(List.of("core/dom.js", "core/accname.js", "parts/reader.js"),
                new ObjectMapper().convertValue(manifest.get("parts").get("reader"), List.class));
    }

    @Test
    void coreCarriesTheHashOfEveryOptionalFileSoItsSriCoversThem() throws Exception {
        JsonNode files = new ObjectMapper().readTree(resource("manifest.json")).get("files");
        String core = new String(resource("toolbar.js"), java.nio.charset.StandardCharsets.US_ASCII);
        Matcher m = Pattern.compile("const INTEGRITY = (\\{[^}]*\\});").matcher(core);
        assertTrue(m.find(), "integrity table in the core");
        JsonNode table = new ObjectMapper().readTree(m.group(1));
        for (String name : List.of("pinyin", "trad", "reader")) {
            assertEquals(files.get("data/" + name + ".js").get("integrity").asText(), table.path(name).asText(), name);
        }
        assertEquals(3, table.size());
    }
}
