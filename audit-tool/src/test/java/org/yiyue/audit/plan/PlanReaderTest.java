package org.yiyue.audit.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yiyue.demo.ReplicaCatalog;

/** Plan files: the replica plan covers the replica catalogue; bad plans are refused with the reason; --origin moves. */
class PlanReaderTest {

    static final Path REPLICA_PLAN = Path.of("..", "demo-sites", "src", "main", "resources", "plans", "replica-plan.json");

    @Test
    void theReplicaPlanDeclaresEveryCataloguePageSignInAndTheYthFlow() {
        CertificationPlan plan = new PlanReader().read(REPLICA_PLAN);
        ReplicaCatalog catalog = ReplicaCatalog.load();
        assertTrue(plan.loopbackOnly());
        assertEquals(List.of("zwfw", "yth", "gcjs", "portal"), plan.sites().stream().map(CertificationPlan.Site::id).toList());
        for (ReplicaCatalog.Site s : catalog.sites()) {
            CertificationPlan.Site p = plan.site(s.id());
            assertEquals(URI.create("http://127.0.0.1:" + s.defaultPort() + "/"), p.baseUrl());
            Set<String> declared = p.startUrls().stream().map(PlanReaderTest::pathAndQuery).collect(Collectors.toSet());
            p.processes().forEach(pr -> pr.steps().forEach(st -> declared.add(pathAndQuery(st.url()))));
            for (ReplicaCatalog.Page page : s.pages()) {
                assertTrue(declared.contains(page.path()), s.id() + page.path() + " in the plan");
            }
        }
        assertEquals("/m/", plan.site("portal").mobilePrefix());
        CertificationPlan.StepsLogin login = assertInstanceOf(CertificationPlan.StepsLogin.class, plan.site("yth").login().orElseThrow());
        assertEquals(List.of("YTHSESSIONID"), login.sessionCookies());
        assertEquals(4, plan.site("yth").processes().get(0).steps().size());
        PlanStep.Attach attach = (PlanStep.Attach) plan.site("yth").processes().get(0).steps().get(1).then().get(0);
        assertTrue(Files.isRegularFile(attach.file()), "the upload file ships beside the plan: " + attach.file());
    }

    @Test
    void originMovesEveryUrlOfTheSiteAndNothingElse() {
        CertificationPlan plan = new PlanReader().read(REPLICA_PLAN).withOrigin("yth", URI.create("http://127.0.0.1:40001"));
        CertificationPlan.Site yth = plan.site("yth");
        assertEquals("http://127.0.0.1:40001/index.html", yth.startUrls().get(0).toString());
        assertEquals("http://127.0.0.1:40001/apply/receipt", yth.processes().get(0).steps().get(3).url().toString());
        PlanStep.Open open = (PlanStep.Open) ((CertificationPlan.StepsLogin) yth.login().orElseThrow()).steps().get(0);
        assertEquals("http://127.0.0.1:40001/login", open.url().toString());
        assertEquals("http://127.0.0.1:8101/index.html", plan.site("zwfw").startUrls().get(0).toString());
        assertEquals("http://127.0.0.1:8101/search?q=%E5%B1%85%E4%BD%8F%E8%AF%81",
                plan.withOrigin("zwfw", URI.create("http://127.0.0.1:8101")).site("zwfw").startUrls().stream()
                        .filter(u -> u.getPath().equals("/search")).findFirst().orElseThrow().toString());
    }

    @Test
    void aRealSitePlanWithACookieFromTheEnvironment(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("plan.json");
        Files.writeString(f, """
                {"sites": [{"id": "gov", "name": "某市政府", "baseUrl": "https://www.example.gov.cn/",
                  "startUrls": ["/", "/zwgk/"], "login": {"cookie": {"name": "JSESSIONID", "valueFromEnv": "GOV_SESSION"}}}]}
                """);
        CertificationPlan plan = new PlanReader(Map.of("GOV_SESSION", "abc123")::get).read(f);
        CertificationPlan.Site s = plan.site("gov");
        assertEquals(List.of(URI.create("https://www.example.gov.cn/"), URI.create("https://www.example.gov.cn/zwgk/")), s.startUrls());
        assertEquals(Map.of("JSESSIONID", "abc123"), new SessionWalker(true, java.time.Duration.ofSeconds(5)).cookies(s));
        assertEquals(50, s.crawl().maxPages(), "schema defaults");
        assertTrue(s.sample().wcagEm());
        IllegalArgumentException unset = assertThrows(IllegalArgumentException.class, () -> new PlanReader(k -> null).read(f));
        assertTrue(unset.getMessage().contains("GOV_SESSION"), unset.getMessage());
    }

    @Test
    void badPlansAreRefusedNamingWhatIsWrong(@TempDir Path dir) throws Exception {
        assertRefused(dir, "{\"sites\": [", "not JSON");
        assertRefused(dir, "{\"sites\": []}", "sites");
        assertRefused(dir, "{\"sites\": [{\"id\": \"a\", \"name\": \"A\", \"baseUrl\": \"ftp://x/\", \"startUrls\": [\"/\"]}]}", "baseUrl");
        assertRefused(dir, "{\"sites\": [{\"id\": \"a\", \"name\": \"A\", \"baseUrl\": \"http://x/\", \"startUrls\": [\"/\"],"
                + " \"crawl\": {\"maxPages\": 0}}]}", "maxPages");
        assertRefused(dir, "{\"sites\": [{\"id\": \"a\", \"name\": \"A\", \"baseUrl\": \"http://x/\", \"startUrls\": [\"/\"],"
                + " \"login\": {\"steps\": [{\"click\": \"#go\"}]}}]}", "login");
        assertRefused(dir, "{\"sites\": [{\"id\": \"a\", \"name\": \"A\", \"baseUrl\": \"http://x/\", \"startUrls\": [\"/\"],"
                + " \"processes\": [{\"name\": \"p\", \"steps\": [{\"url\": \"/s1\", \"then\": [{\"attach\": \"#f\", \"file\": \"missing.png\"}]}]}]}]}",
                "missing.png");
        assertRefused(dir, "{\"sites\": [{\"id\": \"a\", \"name\": \"A\", \"baseUrl\": \"http://x/\", \"startUrls\": [\"/\"],"
                + " \"crawl\": {\"exclude\": [\"(\"]}}]}", "bad pattern");
    }

    private static void assertRefused(Path dir, String json, String expected) throws Exception {
        Path f = Files.writeString(dir.resolve("bad.json"), json);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PlanReader().read(f), json);
        assertTrue(e.getMessage().contains(expected), "'" + expected + "' in: " + e.getMessage());
    }

    private static String pathAndQuery(URI u) {
        return u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
    }
}
