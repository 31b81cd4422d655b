package org.yiyue.overlay.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yiyue.overlay.site.Site;
import org.yiyue.overlay.site.SiteRegistry;

class AuditRequestValidatorTest {

    private final AuditRequestValidator validator = new AuditRequestValidator(SiteRegistry.of(Map.of(
            "zwfw", Site.of("zwfw", "政务服务网", URI.create("http://127.0.0.1:8101"), null),
            "sub", Site.of("sub", "子站", URI.create("http://127.0.0.1:8102/gov/"), null))),
            new Limits(50, 2, 2, 0, false));

    private Problem refused(String body) {
        return assertThrows(ProblemException.class, () -> validator.parse(body)).problem();
    }

    @Test
    void defaultsForASiteId() {
        AuditRequest r = validator.parse("{\"site\":\"zwfw\"}");
        assertEquals(List.of(), r.urls());
        assertEquals(20, r.maxPages());
        assertEquals(2, r.maxDepth());
        assertEquals("zh-CN", r.locale());
        assertEquals(List.of("wcag22-aa", "gbt37668-2", "elder"), r.standards());
        assertEquals(r, AuditRequest.fromStored(r.toJson().toString()), "stored and read back unchanged");
    }

    @Test
    void urlsInsideTheSiteOnly() {
        AuditRequest r = validator.parse("{\"site\":\"zwfw\",\"urls\":[\"/a.html\",\"http://127.0.0.1:8101/b/c.html?x=1\"]}");
        assertEquals(List.of(URI.create("http://127.0.0.1:8101/a.html"), URI.create("http://127.0.0.1:8101/b/c.html?x=1")), r.urls());
        assertEquals(0, r.maxDepth(), "a URL list audits those pages");
        for (String url : List.of("http://127.0.0.1:8102/a.html", "https://127.0.0.1:8101/a.html", "http://evil.example/",
                "//evil.example/x", "http://user@127.0.0.1:8101/", "file:///etc/passwd", "javascript:alert(1)")) {
            Problem p = refused("{\"site\":\"zwfw\",\"urls\":[\"" + url + "\"]}");
            assertEquals(422, p.status(), url);
            assertEquals("urls[0]", p.errors().get(0).name(), url);
        }
        assertEquals(422, refused("{\"site\":\"sub\",\"urls\":[\"/other/x.html\"]}").status(), "outside the base path");
        assertEquals(422, refused("{\"site\":\"sub\",\"urls\":[\"/gov/../other/x.html\"]}").status(), "dot segments out");
        assertEquals(URI.create("http://127.0.0.1:8102/gov/x.html"),
                validator.parse("{\"site\":\"sub\",\"urls\":[\"/gov/x.html\"]}").urls().get(0));
    }

    @Test
    void everyBadFieldIsNamedInBothLanguages() {
        Problem p = refused("{\"site\":\"zwfw\",\"maxPages\":51,\"maxDepth\":11,\"workers\":0,\"locale\":\"fr\",\"colour\":1}");
        assertEquals(422, p.status());
        List<String> names = p.errors().stream().map(Problem.FieldError::name).toList();
        assertTrue(names.containsAll(List.of("maxPages", "maxDepth", "workers", "locale", "colour")), names.toString());
        p.errors().forEach(e -> assertTrue(!e.reasonZh().isBlank() && !e.reasonEn().isBlank()));
    }

    @Test
    void unknownSiteIs404AndMalformedJsonIs400() {
        assertEquals(404, refused("{\"site\":\"nope\"}").status());
        assertEquals(422, refused("{}").status());
        assertEquals(400, refused("{\"site\":").status());
        assertEquals(400, refused("\"zwfw\"").status());
        assertEquals(400, refused("  ").status());
        assertEquals(413, refused("{\"site\":\"" + "x".repeat(70_000) + "\"}").status());
        assertEquals(422, refused("{\"site\":\"zwfw\",\"maxPages\":1e12}").status());
    }
}
