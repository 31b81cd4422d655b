package org.yiyue.overlay.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.yiyue.demo.ReplicaSites;

/**
 * The audit service in Payara Micro against the four replica sites (ephemeral ports): access control, the rule
 * catalogue, refused requests, an audit followed by SSE to its end with every report format, history, manual
 * results, comparison, and two audits of different sites at once (one of them in Chromium).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditServiceIT {

    static ReplicaSites replicas;
    static Path dataDir;
    static String firstRun;

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive war() {
        replicas = ReplicaSites.start();
        ItDeployment.write(Path.of(System.getProperty("yiyue.it.sites")), ItDeployment.sitesJson(replicas));
        dataDir = ItDeployment.freshDataDir("service");
        return ItDeployment.rootWar("yiyue.data.dir=" + dataDir + "\nyiyue.audit.crawl-delay-ms=0");
    }

    @AfterAll
    static void stop() {
        if (replicas != null) {
            replicas.close();
        }
    }

    Api api() {
        return new Api(base.getPort());
    }

    @Test
    @Order(1)
    void evaluatorsOnly_toolbarAndTtsStayPublic() throws Exception {
        Api api = api();
        for (String path : List.of("/api/audits", "/api/rules", "/api/sites/zwfw/audits", "/api/audits/x/report.json")) {
            HttpResponse<String> r = api.send(api.as(path, null).GET());
            assertEquals(401, r.statusCode(), path);
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), path);
            assertTrue(r.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"), path);
            assertEquals(401, Api.object(r.body()).getInt("status"));
        }
        HttpResponse<String> wrong = api.send(api.as("/api/audits", Api.basic(Api.USER, "wrong")).GET());
        assertEquals(401, wrong.statusCode());
        HttpResponse<String> unknown = api.send(api.as("/api/audits", Api.basic("nobody", Api.PASSWORD)).GET());
        assertEquals(401, unknown.statusCode());
        HttpResponse<String> post = api.send(api.as("/api/audits", null).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"site\":\"zwfw\"}")));
        assertEquals(401, post.statusCode());

        HttpResponse<String> console = api.send(api.as("/console", null).GET());
        assertEquals(401, console.statusCode());
        assertTrue(console.body().contains("name=\"password\""), "the 401 page is the login form");
        assertEquals(401, api.send(api.as("/console/runs/abc", null).GET()).statusCode());

        assertEquals(200, api.send(api.as("/a11y/toolbar.js", null).GET()).statusCode());
        assertEquals(200, api.send(api.as("/console/static/console.css", null).GET()).statusCode());
        assertEquals(200, api.send(api.as("/api/info", null).GET()).statusCode());
        assertNotEquals(401, api.send(api.as("/api/tts/voices", null).GET()).statusCode());
        assertEquals(200, api.send(api.as("/s/zwfw/", null).GET()).statusCode(), "proxied site is public");

        assertEquals(200, api.get("/api/audits").statusCode(), "the evaluator gets in");
    }

    @Test
    @Order(2)
    void ruleCatalogue() throws Exception {
        HttpResponse<String> r = api().get("/api/rules");
        assertEquals(200, r.statusCode());
        JsonArray rules = Api.array(r.body());
        assertTrue(rules.size() > 40, "rules: " + rules.size());
        JsonObject first = rules.getJsonObject(0);
        assertFalse(first.getString("id").isBlank());
        assertTrue(first.containsKey("sc") && first.containsKey("title"));
    }

    @Test
    @Order(3)
    void badInputIsRefusedWithAProblemAndStartsNothing() throws Exception {
        Api api = api();
        int before = Api.array(api.get("/api/audits").body()).size();
        record Case(String body, int status, String field) {
        }
        List<Case> cases = List.of(
                new Case("{\"site\":\"nosuchsite\"}", 404, "site"),
                new Case("{\"site\":\"zwfw\",\"urls\":[\"http://example.com/x.html\"]}", 422, "urls[0]"),
                new Case("{\"site\":\"zwfw\",\"urls\":[\"" + replicas.origin("portal") + "/index.html\"]}", 422, "urls[0]"),
                new Case("{\"site\":\"zwfw\",\"maxPages\":100000000}", 422, "maxPages"),
                new Case("{\"site\":\"zwfw\",\"maxPages\":0}", 422, "maxPages"),
                new Case("{\"site\":\"zwfw\",\"maxDepth\":-1}", 422, "maxDepth"),
                new Case("{\"site\":\"zwfw\",\"workers\":99}", 422, "workers"),
                new Case("{\"site\":\"zwfw\",\"standards\":[\"iso9999\"]}", 422, "standards"),
                new Case("{\"site\":\"zwfw\",\"maxPages\":\"many\"}", 422, "maxPages"),
                new Case("{\"site\":\"zwfw\", \"maxPages\": 3", 400, null),
                new Case("[1,2]", 400, null),
                new Case("", 400, null));
        for (Case c : cases) {
            HttpResponse<String> r = api.post("/api/audits", c.body());
            assertEquals(c.status(), r.statusCode(), c.body() + " -> " + r.body());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), c.body());
            JsonObject p = Api.object(r.body());
            assertEquals(c.status(), p.getInt("status"));
            assertTrue(p.getString("type").startsWith("urn:yiyue:problem:"));
            assertFalse(p.getJsonObject("zh").getString("title").isBlank());
            assertFalse(p.getJsonObject("en").getString("title").isBlank());
            if (c.field() != null) {
                String fields = p.getJsonArray("invalid-params").stream()
                        .map(v -> v.asJsonObject().getString("name")).collect(Collectors.joining(","));
                assertTrue(fields.contains(c.field()), c.body() + " names " + fields);
            }
        }
        HttpResponse<String> en = api.send(api.evaluator("/api/audits").header("Accept-Language", "en-GB,en;q=0.9")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"site\":\"nosuchsite\"}")));
        assertEquals("Unknown site", Api.object(en.body()).getString("title"));
        assertEquals("en", en.headers().firstValue("Content-Language").orElse(""));
        HttpResponse<String> zh = api.post("/api/audits", "{\"site\":\"nosuchsite\"}");
        assertEquals("未知站点", Api.object(zh.body()).getString("title"));

        assertEquals(before, Api.array(api.get("/api/audits").body()).size(), "a refused request started no job");
        assertEquals(404, api.get("/api/audits/no-such-run").statusCode());
    }

    @Test
    @Order(4)
    void auditFollowedToTheEndWithEveryReportAndHistory() throws Exception {
        Api api = api();
        String id = api.start("{\"site\":\"zwfw\",\"staticOnly\":true,\"maxPages\":6,\"maxDepth\":1}");
        Api.SseResult sse = api.follow(id);
        assertEquals("succeeded", sse.end().getString("status"), sse.end().toString());
        assertTrue(sse.progressEvents() >= 1, "progress events: " + sse.progressEvents());
        JsonObject run = Api.object(api.get("/api/audits/" + id).body());
        assertEquals("succeeded", run.getString("status"));
        int pages = run.getInt("pagesDone");
        assertTrue(pages >= 2 && pages <= 6, "pages " + pages);
        assertEquals(pages, run.getInt("pagesTotal"));
        assertTrue(run.getJsonNumber("failures").longValue() > 0, "zwfw replica has known defects");

        HttpResponse<byte[]> html = api.bytes("/api/audits/" + id + "/report.html");
        assertEquals(200, html.statusCode());
        assertTrue(html.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(new String(html.body(), StandardCharsets.UTF_8).contains("<html"));

        HttpResponse<byte[]> json = api.bytes("/api/audits/" + id + "/report.json");
        assertEquals(200, json.statusCode());
        JsonObject report = Api.object(new String(json.body(), StandardCharsets.UTF_8));
        assertEquals("zwfw", report.getString("siteId"));
        assertEquals(pages, report.getJsonArray("pages").size());

        HttpResponse<byte[]> earl = api.bytes("/api/audits/" + id + "/report.earl");
        assertEquals(200, earl.statusCode());
        assertTrue(earl.headers().firstValue("Content-Type").orElse("").startsWith("application/ld+json"));
        String earlText = new String(earl.body(), StandardCharsets.UTF_8);
        assertTrue(earlText.contains("@context") && earlText.contains("earl:"), earlText.substring(0, Math.min(300, earlText.length())));

        HttpResponse<byte[]> csv = api.bytes("/api/audits/" + id + "/report.csv");
        assertEquals(200, csv.statusCode());
        String csvText = new String(csv.body(), StandardCharsets.UTF_8);
        assertTrue(csvText.lines().count() > 1, "header and at least one finding");
        assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").contains(".csv"));

        HttpResponse<byte[]> junit = api.bytes("/api/audits/" + id + "/report.junit");
        assertEquals(200, junit.statusCode());
        assertTrue(new String(junit.body(), StandardCharsets.UTF_8).contains("<testsuite"));

        HttpResponse<byte[]> pdf = api.bytes("/api/audits/" + id + "/report.pdf");
        assertEquals(200, pdf.statusCode());
        assertEquals("%PDF", new String(pdf.body(), 0, 4, StandardCharsets.US_ASCII));
        assertTrue(pdf.body().length > 5000, "pdf bytes " + pdf.body().length);

        assertEquals(404, api.get("/api/audits/" + id + "/report.docx").statusCode());
        assertEquals(409, api.send(api.evaluator("/api/audits/" + id).DELETE()).statusCode(), "finished: nothing to cancel");

        JsonArray history = Api.array(api.get("/api/sites/zwfw/audits").body());
        assertTrue(history.stream().anyMatch(v -> v.asJsonObject().getString("id").equals(id)), "run in the site's history");
        assertEquals(404, api.get("/api/sites/nosuchsite/audits").statusCode());
        firstRun = id;
    }

    @Test
    @Order(5)
    void manualResultsCompleteTheReportAndRunsCompare() throws Exception {
        Api api = api();
        JsonObject report = Api.object(new String(api.bytes("/api/audits/" + firstRun + "/report.json").body(), StandardCharsets.UTF_8));
        String item = null;
        for (JsonValue v : report.getJsonArray("requirements")) {
            JsonObject r = v.asJsonObject();
            if ("wcag22-aa".equals(r.getString("standard")) && "NOT_TESTED".equals(r.getString("verdict"))) {
                item = r.getString("id");
                break;
            }
        }
        assertTrue(item != null, "the report leaves items to an evaluator");
        HttpResponse<String> bad = api.send(api.evaluator("/api/audits/" + firstRun + "/manual/" + item)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"outcome\":\"great\"}")));
        assertEquals(422, bad.statusCode());
        HttpResponse<String> put = api.send(api.evaluator("/api/audits/" + firstRun + "/manual/" + item)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"outcome\":\"passed\",\"note\":\"读屏软件 NVDA 实测\"}")));
        assertEquals(200, put.statusCode(), put.body());
        JsonObject after = Api.object(new String(api.bytes("/api/audits/" + firstRun + "/report.json").body(), StandardCharsets.UTF_8));
        String finalItem = item;
        JsonObject judged = after.getJsonArray("requirements").stream().map(JsonValue::asJsonObject)
                .filter(r -> "wcag22-aa".equals(r.getString("standard")) && finalItem.equals(r.getString("id"))).findFirst().orElseThrow();
        assertEquals("PASSED_BY_EVALUATOR", judged.getString("verdict"));
        assertEquals(Api.USER, judged.getJsonObject("manual").getString("checkedBy"));

        String second = api.start("{\"site\":\"zwfw\",\"staticOnly\":true,\"urls\":[\"/index.html\"],\"maxPages\":1}");
        assertEquals("succeeded", api.await(second, Duration.ofSeconds(60)).getString("status"));
        JsonObject cmp = Api.object(api.get("/api/audits/" + second + "/compare/" + firstRun).body());
        int unchanged = cmp.getJsonArray("unchanged").size();
        int fixed = cmp.getJsonArray("fixed").size();
        assertTrue(unchanged > 0, "index.html failures are in both runs");
        assertTrue(fixed > 0, "failures of pages not audited the second time count as fixed");
        assertEquals(0, cmp.getJsonArray("new").size(), "the same page cannot gain failures between two runs");
    }

    @Test
    @Order(6)
    void twoSitesAtOnceBothComplete_oneInChromium() throws Exception {
        Api api = api();
        String a = api.start("{\"site\":\"portal\",\"staticOnly\":true,\"maxPages\":8,\"maxDepth\":1}");
        String b = api.start("{\"site\":\"gcjs\",\"staticOnly\":false,\"urls\":[\"/index.html\"],\"maxPages\":1,\"locale\":\"en\"}");
        List<String> seenRunning = new ArrayList<>();
        long until = System.nanoTime() + Duration.ofSeconds(150).toNanos();
        JsonObject ra = null;
        JsonObject rb = null;
        while (System.nanoTime() < until) {
            ra = Api.object(api.get("/api/audits/" + a).body());
            rb = Api.object(api.get("/api/audits/" + b).body());
            if (ra.getString("status").equals("running") && rb.getString("status").equals("running")) {
                seenRunning.add("both");
            }
            if (!List.of("queued", "running").contains(ra.getString("status"))
                    && !List.of("queued", "running").contains(rb.getString("status"))) {
                break;
            }
            Thread.sleep(200);
        }
        assertEquals("succeeded", ra.getString("status"), ra.toString());
        assertEquals("succeeded", rb.getString("status"), rb.toString());
        JsonObject rendered = Api.object(new String(api.bytes("/api/audits/" + b + "/report.json").body(), StandardCharsets.UTF_8));
        assertFalse(rendered.getJsonObject("scope").getBoolean("staticOnly"));
        assertTrue(rendered.getJsonObject("environment").getString("browser").toLowerCase().contains("chrom"),
                rendered.getJsonObject("environment").toString());
        assertEquals("en", rendered.getString("locale"));
    }
}
