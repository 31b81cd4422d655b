package org.yiyue.overlay.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.yiyue.demo.ReplicaSites;
import org.yiyue.testkit.PostgresServer;

/**
 * Two overlay instances (A and B) as real Payara Micro processes joined in one data grid over TCP/IP discovery on
 * loopback, both on one PostgreSQL (testkit's throw-away server), in front of a loopback origin and a replica site:
 * shared response cache, purges that reach every member, a fix ledger that adds up both instances, speech audio and
 * rate buckets shared, and after A is killed with SIGKILL: a console login made through A keeps working through B,
 * and an audit started on A is taken over and finished by B without losing the pages A had finished.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    static LoopbackOrigin origin;
    static ReplicaSites replicas;
    static PayaraNode a;
    static PayaraNode b;
    static final String BASIC = "Basic " + Base64.getEncoder()
            .encodeToString("pingce:Yiyue-Demo-2026".getBytes(StandardCharsets.UTF_8));
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startCluster() throws Exception {
        origin = new LoopbackOrigin();
        replicas = ReplicaSites.start();
        PostgresServer pg = PostgresServer.shared();
        String db = pg.createDatabase("cluster_it_" + System.currentTimeMillis() % 1_000_000);
        Path dir = Files.createDirectories(Path.of(System.getProperty("yiyue.war")).getParent()
                .resolve("cluster-it").resolve(String.valueOf(System.currentTimeMillis())));
        Path sites = dir.resolve("sites.json");
        Files.writeString(sites, """
                {"sites": [
                  {"id": "lab", "name": "测试站点", "upstream": "%s",
                   "fixes": [{"type": "set-lang", "lang": "zh-CN", "pages": ["/fixes.html"]}]},
                  {"id": "portal", "name": "河源市人民政府门户网站", "upstream": "%s"}
                ]}
                """.formatted(origin.origin(), replicas.origin("portal").toString().replaceAll("/$", "")),
                StandardCharsets.UTF_8);
        Path war = dir.resolve("ROOT.war");
        Files.copy(Path.of(System.getProperty("yiyue.war")), war, StandardCopyOption.REPLACE_EXISTING);
        List<PayaraNode> nodes = PayaraNode.startCluster(List.of("A", "B"), war, dir, Map.of(
                "yiyue.sites.file", sites.toString(), "yiyue.tts.burst", "3", "yiyue.tts.per-minute", "1",
                "yiyue.db.url", db, "yiyue.db.user", PostgresServer.USER, "yiyue.db.password", PostgresServer.PASSWORD,
                // a short lease, so B takes the audit over soon after A dies
                "yiyue.audit.crawl-delay-ms", "200", "yiyue.audit.lease", "PT4S"));
        a = nodes.get(0);
        b = nodes.get(1);
        a.awaitReady(2, Duration.ofSeconds(600)); // 10–20 s on an idle box; minutes at load 50
        b.awaitReady(2, Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() throws Exception {
        for (PayaraNode n : new PayaraNode[] {a, b}) {
            if (n != null) {
                n.close();
            }
        }
        if (origin != null) {
            origin.close();
        }
        if (replicas != null) {
            replicas.close();
        }
    }

    @Test
    @Order(1)
    void pageCachedThroughAIsAHitThroughB() throws Exception {
        HttpResponse<String> first = get(a, "/s/lab/page.html");
        assertEquals(200, first.statusCode());
        assertEquals("MISS", cacheState(first));
        // started as in production (the command files of src/main/payara): no container banner, no added frame rule
        assertEquals(List.of(), first.headers().allValues("Server"), first.headers().map().toString());
        assertEquals(List.of(), first.headers().allValues("X-Frame-Options"), first.headers().map().toString());
        HttpResponse<String> second = get(b, "/s/lab/page.html");
        assertEquals(200, second.statusCode());
        assertEquals("HIT", cacheState(second), "stored through A, served by B from the grid");
        assertEquals(first.body(), second.body());
        assertEquals(1, origin.seen.stream().filter(p -> p.equals("GET /page.html")).count(),
                "the origin was asked once for both instances: " + origin.seen);
    }

    @Test
    @Order(2)
    void purgeOnBEmptiesA() throws Exception {
        assertEquals("HIT", cacheState(get(a, "/s/lab/page.html")), "A holds the page before the purge");
        // a purge needs an administrator (or the site's operator, or the admin token) since issue 16's access rules
        HttpResponse<String> purge = HTTP.send(request(b, "/api/sites/lab/cache").DELETE().header("Authorization",
                "Basic " + Base64.getEncoder().encodeToString("guanli:Yiyue-Admin-2026".getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, purge.statusCode(), purge.body());
        assertTrue(json(purge.body()).getJsonNumber("purged").longValue() >= 1, purge.body());
        // the purge reaches A's near cache by a grid broadcast (asynchronous: allow it a moment)
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        String state;
        do {
            state = cacheState(get(a, "/s/lab/page.html"));
        } while (!state.equals("MISS") && System.nanoTime() < until);
        assertEquals("MISS", state, "A still served the purged page from its cache");
    }

    @Test
    @Order(3)
    void fixLedgerAddsUpBothInstances() throws Exception {
        assertTrue(get(a, "/s/lab/fixes.html").body().contains("lang=\"zh-CN\""));
        get(a, "/s/lab/fixes.html");
        get(b, "/s/lab/fixes.html");
        // each instance publishes its counts to the grid debounced (FixLedger.PUBLISH_DELAY_MS): wait until both
        // have seen the other's (checking only B, then reading A at once, failed in CI at stop 11 on that delay)
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        JsonObject entry = null;
        JsonObject onA = null;
        while (System.nanoTime() < until) {
            entry = ledgerEntry(b);
            onA = ledgerEntry(a);
            if (entry != null && entry.getJsonNumber("timesApplied").longValue() == 3 && entry.equals(onA)) {
                break;
            }
            Thread.sleep(200);
        }
        assertTrue(entry != null, "no ledger entry for /fixes.html");
        assertEquals(3, entry.getJsonNumber("timesApplied").longValue(), entry.toString());
        JsonObject byNode = entry.getJsonObject("byNode");
        assertEquals(2, byNode.getJsonNumber("A").longValue(), entry.toString());
        assertEquals(1, byNode.getJsonNumber("B").longValue(), entry.toString());
        assertEquals(entry, onA, "both instances show the same ledger");
    }

    @Test
    @Order(4)
    void speechAudioAndRateLimitAreShared() throws Exception {
        String body = "{\"text\":\"Good morning. The office opens at nine.\",\"lang\":\"en\"}";
        HttpResponse<String> first = tts(a, body);
        assertEquals(200, first.statusCode(), first.body());
        assertEquals("MISS", first.headers().firstValue("X-Yiyue-Tts-Cache").orElse(""));
        assertEquals("HIT", tts(b, body).headers().firstValue("X-Yiyue-Tts-Cache").orElse(""),
                "audio synthesized on A is a hit on B");
        assertEquals(200, tts(a, body).statusCode());
        // burst 3 for this client across the cluster: the fourth request is refused wherever it lands
        assertEquals(429, tts(b, body).statusCode(), "B let the client exceed the cluster-wide allowance");
    }

    @Test
    @Order(5)
    void consoleLoginAndAuditOutliveTheInstanceThatStartedThem() throws Exception {
        // a browser audit: a static one crawls (slowly) and then audits every page within a second, so A could not
        // be killed between two stored pages (in CI at stop 11 it had finished before the test saw two); in Chromium
        // the pages are stored one by one, seconds apart
        HttpResponse<String> started = HTTP.send(request(a, "/api/audits").header("Authorization", BASIC)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"site\":\"portal\",\"staticOnly\":false,\"maxPages\":6,\"maxDepth\":1}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(202, started.statusCode(), started.body());
        String run = json(started.body()).getString("id");

        String form = "username=pingce&password=" + URLEncoder.encode("Yiyue-Demo-2026", StandardCharsets.UTF_8);
        HttpResponse<String> login = HTTP.send(request(a, "/console/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, login.statusCode(), login.body());
        String cookies = login.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0])
                .collect(Collectors.joining("; "));
        assertTrue(cookies.contains("JSESSIONID"), login.headers().map().toString());
        assertLoggedIn(b, cookies, "through B while A runs");

        // kill A once it has finished some pages of the audit, but not all
        List<String> finishedOnA = List.of();
        long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (finishedOnA.size() < 2 && System.nanoTime() < until) {
            Thread.sleep(300);
            finishedOnA = pages(a, run);
        }
        assertTrue(finishedOnA.size() >= 2, "A finished no pages: " + finishedOnA);
        JsonObject beforeKill = json(api(a, "/api/audits/" + run).body());
        assertEquals("running", beforeKill.getString("status"), beforeKill.toString());
        a.kill9();
        assertFalse(a.alive());

        assertLoggedIn(b, cookies, "through B after A was killed");
        HttpResponse<String> anonymous = HTTP.send(request(b, "/console").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, anonymous.statusCode(), "without the session cookie B asks for a login");

        JsonObject done = null;
        until = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < until) {
            done = json(api(b, "/api/audits/" + run).body());
            if (done.getString("status").equals("succeeded") || done.getString("status").equals("failed")) {
                break;
            }
            Thread.sleep(500);
        }
        assertEquals("succeeded", done.getString("status"), "B did not finish the audit A started: " + done);
        List<String> all = pages(b, run);
        assertTrue(all.containsAll(finishedOnA), "pages A had finished were lost: " + finishedOnA + " vs " + all);
        assertEquals(all.size(), all.stream().map(p -> p.substring(p.indexOf(' ') + 1)).distinct().count(),
                "a page was audited twice: " + all);
        assertTrue(all.size() > finishedOnA.size(), "B audited nothing more: " + all);
        assertEquals(200, HTTP.send(request(b, "/api/audits/" + run + "/report.json").header("Authorization", BASIC)
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    /** "seq url" of each page the run has stored. */
    private static List<String> pages(PayaraNode node, String run) throws Exception {
        HttpResponse<String> r = api(node, "/api/audits/" + run + "/pages");
        assertEquals(200, r.statusCode(), r.body());
        JsonArray list = Json.createReader(new StringReader(r.body())).readArray();
        return list.stream().map(JsonValue::asJsonObject).map(p -> p.getInt("seq") + " " + p.getString("url")).toList();
    }

    private static HttpResponse<String> api(PayaraNode node, String path) throws Exception {
        return HTTP.send(request(node, path).header("Authorization", BASIC).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertLoggedIn(PayaraNode node, String cookies, String when) throws Exception {
        HttpResponse<String> console = HTTP.send(request(node, "/console").header("Cookie", cookies).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, console.statusCode(), when + ": " + console.body());
        assertFalse(console.body().contains("name=\"password\""), when + ": got the login form");
    }

    private static JsonObject ledgerEntry(PayaraNode node) throws Exception {
        JsonObject fixes = json(get(node, "/api/sites/lab/fixes").body());
        for (JsonValue v : fixes.getJsonArray("applied")) {
            JsonObject e = v.asJsonObject();
            if (e.getString("page").equals("/fixes.html")) {
                return e;
            }
        }
        return null;
    }

    private static HttpResponse<String> tts(PayaraNode node, String body) throws Exception {
        return HTTP.send(request(node, "/api/tts").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(PayaraNode node, String path) {
        return HttpRequest.newBuilder(URI.create(node.url() + path)).timeout(Duration.ofSeconds(60));
    }

    private static HttpResponse<String> get(PayaraNode node, String path) throws IOException, InterruptedException {
        return HTTP.send(request(node, path).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String cacheState(HttpResponse<?> r) {
        return r.headers().firstValue("X-Yiyue-Cache").orElse("none");
    }

    private static JsonObject json(String s) {
        return Json.createReader(new StringReader(s)).readObject();
    }
}
