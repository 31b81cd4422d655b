package org.yiyue.overlay.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class SiteConfigParserTest {

    private static Map<String, Site> parse(String json) {
        return SiteConfigParser.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), k -> Optional.empty());
    }

    @Test
    void theShippedConfigurationHasTheFourReplicaSites() throws Exception {
        try (InputStream in = SiteConfigParser.class.getResourceAsStream("/yiyue-sites.json")) {
            Map<String, Site> sites = SiteConfigParser.parse(in, k -> Optional.empty());
            assertEquals(java.util.List.of("zwfw", "yth", "gcjs", "portal"), java.util.List.copyOf(sites.keySet()));
            assertEquals("/s/yth", sites.get("yth").mount());
            assertEquals(java.util.List.of("#piaochuang"), sites.get("portal").adSelectors());
            assertTrue(sites.get("zwfw").fixes().size() >= 3);
        }
    }

    @Test
    void everyFieldIsRead() {
        Site s = parse("""
                {"sites":[{"id":"zw","name":"政务","upstream":"https://zw.example.gov.cn/base/","host":"ZW.overlay.cn",
                 "hostHeader":"zw.example.gov.cn",
                 "toolbar":{"lang":"en","position":"bottom-left","tts":false,"shortcuts":{"toggle":"Alt+Shift+Y"}},
                 "adSelectors":["#float-ad"],
                 "fixes":[{"type":"set-lang","lang":"zh-CN"},{"type":"allow-zoom","pages":["/m/**"]},
                  {"type":"set-attribute","selector":"img.logo","attribute":"alt","value":"标志"},
                  {"type":"skip-link","target":"#content"},{"type":"layout-table","selector":"table.l"}]}]}
                """).get("zw");
        assertEquals("", s.mount(), "host-mounted sites serve at the root");
        assertEquals(Optional.of("zw.overlay.cn"), s.publicHost());
        assertEquals(Optional.of("zw.example.gov.cn"), s.hostHeader());
        assertEquals("/base", s.upstreamBasePath());
        assertEquals("bottom-left", s.toolbar().position());
        assertEquals(Map.of("toggle", "Alt+Shift+Y"), s.toolbar().shortcuts());
        assertEquals(5, s.fixes().size());
        assertEquals(4, s.fixesFor("/index.html").size());
        assertEquals(5, s.fixesFor("/m/a/b.html").size());
        assertEquals("跳到主要内容", ((DeclaredFix.SkipLink) s.fixes().get(3)).label());
    }

    @Test
    void upstreamOverrideWins() {
        Map<String, Site> sites = SiteConfigParser.parse(new ByteArrayInputStream(
                "{\"sites\":[{\"id\":\"a\",\"upstream\":\"http://127.0.0.1:1\"}]}".getBytes(StandardCharsets.UTF_8)),
                k -> k.equals("yiyue.site.a.upstream") ? Optional.of("http://127.0.0.1:2") : Optional.empty());
        assertEquals("http://127.0.0.1:2", sites.get("a").upstreamOrigin());
    }

    @Test
    void mistakesStopTheLoadWithTheSiteNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parse(
                "{\"sites\":[{\"id\":\"a\",\"upstream\":\"ftp://x\"}]}")).getMessage().contains("site a"));
        assertThrows(IllegalArgumentException.class, () -> parse(
                "{\"sites\":[{\"id\":\"a\",\"upstream\":\"http://x\",\"fixes\":[{\"type\":\"guess-everything\"}]}]}"));
        assertThrows(IllegalArgumentException.class, () -> parse(
                "{\"sites\":[{\"id\":\"a\",\"upstream\":\"http://x\",\"fixes\":[{\"type\":\"set-attribute\","
                        + "\"selector\":\"a\",\"attribute\":\"onclick\",\"value\":\"x\"}]}]}"));
        assertThrows(IllegalArgumentException.class, () -> parse(
                "{\"sites\":[{\"id\":\"a\",\"upstream\":\"http://x\"},{\"id\":\"a\",\"upstream\":\"http://y\"}]}"));
        assertThrows(IllegalArgumentException.class, () -> parse(
                "{\"sites\":[{\"id\":\"a\",\"upstream\":\"http://user@x\"}]}"));
        assertThrows(IllegalArgumentException.class, () -> parse("{\"sites\":[{\"id\":\"../x\",\"upstream\":\"http://x\"}]}"));
    }
}
