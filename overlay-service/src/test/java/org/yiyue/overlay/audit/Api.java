package org.yiyue.overlay.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

/** The audit API as a test client sees it, on loopback, as the demo evaluator unless told otherwise. */
final class Api {

    static final String USER = "pingce";
    static final String PASSWORD = "Yiyue-Demo-2026";

    final String base;
    /** The evaluator's client keeps the session cookie: one PBKDF2 check at the first request, not at every one. */
    final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(new java.net.CookieManager()).connectTimeout(Duration.ofSeconds(5)).build();
    /** No cookies ever: for requests that must be treated as not logged in. */
    final HttpClient anonymous = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    Api(int port) {
        base = "http://127.0.0.1:" + port;
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    HttpRequest.Builder as(String path, String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return b;
    }

    HttpRequest.Builder evaluator(String path) {
        return as(path, basic(USER, PASSWORD));
    }

    HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> anon(HttpRequest.Builder b) throws IOException, InterruptedException {
        return anonymous.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<byte[]> bytes(String path) throws IOException, InterruptedException {
        return client.send(evaluator(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(evaluator(path).GET());
    }

    HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return send(evaluator(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    static JsonObject object(String s) {
        return Json.createReader(new StringReader(s)).readObject();
    }

    static JsonArray array(String s) {
        return Json.createReader(new StringReader(s)).readArray();
    }

    /** Starts an audit and returns its id (asserts 202 and a Location). */
    String start(String json) throws IOException, InterruptedException {
        HttpResponse<String> r = post("/api/audits", json);
        assertEquals(202, r.statusCode(), r.body());
        JsonObject o = object(r.body());
        assertEquals("/api/audits/" + o.getString("id"), r.headers().firstValue("Location").map(l -> URI.create(l).getPath()).orElseThrow());
        return o.getString("id");
    }

    /** Polls the run until it finished; returns its last state. */
    JsonObject await(String id, Duration max) throws IOException, InterruptedException {
        long until = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < until) {
            JsonObject o = object(get("/api/audits/" + id).body());
            String s = o.getString("status");
            if (!s.equals("queued") && !s.equals("running")) {
                return o;
            }
            Thread.sleep(300);
        }
        fail("audit " + id + " did not finish within " + max);
        return null;
    }

    /** Reads the SSE stream to its end; returns the "end" event's data, counting the progress events seen. */
    SseResult follow(String id) throws IOException, InterruptedException {
        HttpResponse<InputStream> r = client.send(evaluator("/api/audits/" + id + "/events")
                .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        int progress = 0;
        String event = null;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    if ("progress".equals(event)) {
                        progress++;
                    } else if ("end".equals(event)) {
                        return new SseResult(progress, object(line.substring(5).strip()));
                    }
                }
            }
        }
        fail("event stream of " + id + " ended without an 'end' event");
        return null;
    }

    record SseResult(int progressEvents, JsonObject end) {
    }
}
