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
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two overlay instances (A and B) as real Payara Micro processes joined in one data grid over TCP/IP discovery on
 * loopback, in front of a loopback origin: shared response cache, purges that reach every member, a fix ledger
 * that adds up both instances, speech audio and rate buckets shared, and a console login made through A that keeps
 * working through B after A is killed with SIGKILL.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    static LoopbackOrigin origin;
    static PayaraNode a;
    static PayaraNode b;
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startCluster() throws Exception {
        origin = new LoopbackOrigin();
        Path dir = Files.createDirectories(Path.of(System.getProperty("yiyue.war")).getParent()
                .resolve("cluster-it").resolve(String.valueOf(System.currentTimeMillis())));
        Path sites = dir.resolve("sites.json");
        Files.writeString(sites, """
                {"sites": [
                  {"id": "lab", "name": "测试站点", "upstream": "%s",
                   "fixes": [{"type": "set-lang", "lang": "zh-CN", "pages": ["/fixes.html"]}]}
                ]}
                """.formatted(origin.origin()), StandardCharsets.UTF_8);
        Path war = dir.resolve("ROOT.war");
        Files.copy(Path.of(System.getProperty("yiyue.war")), war, StandardCopyOption.REPLACE_EXISTING);
        List<PayaraNode> nodes = PayaraNode.startCluster(List.of("A", "B"), war, dir, Map.of(
                "yiyue.sites.file", sites.toString(), "yiyue.tts.burst", "3", "yiyue.tts.per-minute", "1"));
        a = nodes.get(0);
        b = nodes.get(1);
        a.awaitReady(2, Duration.ofSeconds(300));
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
    }

    @Test
    @Order(1)
    void pageCachedThroughAIsAHitThroughB() throws Exception {
        HttpResponse<String> first = get(a, "/s/lab/page.html");
        assertEquals(200, first.statusCode());
        assertEquals("MISS", cacheState(first));
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
        HttpResponse<String> purge = HTTP.send(request(b, "/api/sites/lab/cache").DELETE().build(),
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
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        JsonObject entry = null;
        while (System.nanoTime() < until) {
            entry = ledgerEntry(b);
            if (entry != null && entry.getJsonNumber("timesApplied").longValue() == 3) {
                break;
            }
            Thread.sleep(200);
        }
        assertTrue(entry != null, "no ledger entry for /fixes.html");
        assertEquals(3, entry.getJsonNumber("timesApplied").longValue(), entry.toString());
        JsonObject byNode = entry.getJsonObject("byNode");
        assertEquals(2, byNode.getJsonNumber("A").longValue(), entry.toString());
        assertEquals(1, byNode.getJsonNumber("B").longValue(), entry.toString());
        assertEquals(entry, ledgerEntry(a), "both instances show the same ledger");
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
    void consoleLoginThroughAKeepsWorkingThroughBAfterAIsKilled() throws Exception {
        String form = "username=pingce&password=" + URLEncoder.encode("Yiyue-Demo-2026", StandardCharsets.UTF_8);
        HttpResponse<String> login = HTTP.send(request(a, "/console/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, login.statusCode(), login.body());
        String cookies = login.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0])
                .collect(Collectors.joining("; "));
        assertTrue(cookies.contains("JSESSIONID"), login.headers().map().toString());
        assertLoggedIn(b, cookies, "through B while A runs");

        a.kill9();
        assertFalse(a.alive());
        assertLoggedIn(b, cookies, "through B after A was killed");
        HttpResponse<String> anonymous = HTTP.send(request(b, "/console").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, anonymous.statusCode(), "without the session cookie B asks for a login");
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
