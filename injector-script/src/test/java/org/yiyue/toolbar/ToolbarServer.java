package org.yiyue.toolbar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A loopback test site: test pages with or without the toolbar tag, the built bundle under /a11y/ (from the test
 * classpath, i.e. the jar's META-INF/resources/a11y), a strict-CSP variant, and a stub /api/tts that records requests.
 *
 * <p>Routes: {@code /p/NAME} page with the toolbar tag, {@code /plain/NAME} the same page without it,
 * {@code /csp/NAME} with the tag and {@code Content-Security-Policy: script-src 'self'; style-src 'self'}, {@code /cspplain/NAME}
 * the same without the tag, {@code /cspnonce/NAME} scripts trusted by nonce only ({@link #CSP_NONCE}, every tag carries it),
 * {@code /pages/*} raw assets, {@code /cors/*} the same with {@code Access-Control-Allow-Origin: *}, {@code /a11y/*} the bundle (with {@code Access-Control-Allow-Origin: *}). Pages may be registered in memory with {@link #page}.
 */
public final class ToolbarServer implements AutoCloseable {

    public static final String CSP = "script-src 'self'; style-src 'self'";
    /** A policy that trusts scripts by nonce only (no 'self'), as pages with per-response nonces do. */
    public static final String NONCE = "yiyue-test-nonce";
    public static final String CSP_NONCE = "script-src 'nonce-" + NONCE + "'; style-src 'self'";

    /** One recorded POST /api/tts body. */
    public record TtsRequest(String text, String lang, double rate) { }

    private final HttpServer server;
    private final List<TtsRequest> tts = new CopyOnWriteArrayList<>();
    private final Map<String, String> memoryPages = new java.util.concurrent.ConcurrentHashMap<>();
    private final ObjectMapper json = new ObjectMapper();
    private volatile String scriptAttributes = "";
    private volatile String siteId = "test";
    private volatile boolean defer;
    private volatile String toolbarOrigin = "";
    private final Map<String, byte[]> replacedAssets = new java.util.concurrent.ConcurrentHashMap<>();

    private ToolbarServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    public static ToolbarServer start() {
        try {
            return new ToolbarServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String url(String path) {
        return origin() + path;
    }

    /** Extra attributes for the toolbar tag, e.g. {@code data-shortcuts="..."}; reset with "". */
    public ToolbarServer scriptAttributes(String attributes) {
        this.scriptAttributes = attributes;
        return this;
    }

    public ToolbarServer site(String id) {
        this.siteId = id;
        return this;
    }

    public ToolbarServer defer(boolean on) {
        this.defer = on;
        return this;
    }

    /** Pages load the toolbar from another origin (e.g. a second ToolbarServer, like a web team's CDN); "" for this one. */
    public ToolbarServer toolbarFrom(String origin) {
        this.toolbarOrigin = origin;
        return this;
    }

    /** Serves other bytes at /a11y/PATH (a tampered file); {@code null} restores the built one. */
    public ToolbarServer replaceAsset(String path, byte[] body) {
        if (body == null) replacedAssets.remove(path);
        else replacedAssets.put(path, body);
        return this;
    }

    /** Registers an in-memory page served at /p/NAME, /plain/NAME and /csp/NAME. It must contain {@code <!--YIYUE-->}. */
    public ToolbarServer page(String name, String html) {
        memoryPages.put(name, html);
        return this;
    }

    public List<TtsRequest> ttsRequests() {
        return new ArrayList<>(tts);
    }

    public void clearTts() {
        tts.clear();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            if (path.equals("/api/tts")) {
                tts(ex);
            } else if (path.startsWith("/a11y/")) { // shared with any origin, as the overlay serves them
                ex.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
                byte[] replaced = replacedAssets.get(path.substring(6));
                if (replaced != null) send(ex, 200, contentType(path), replaced);
                else resource(ex, "META-INF/resources/a11y/" + path.substring(6));
            } else if (path.startsWith("/pages/")) {
                resource(ex, "pages/" + path.substring(7));
            } else if (path.startsWith("/cors/")) { // like a CDN that shares its files with any origin
                ex.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
                resource(ex, "pages/" + path.substring(6));
            } else if (path.startsWith("/p/") || path.startsWith("/plain/") || path.startsWith("/csp/") || path.startsWith("/cspplain/") || path.startsWith("/cspnonce/")) {
                page(ex, path);
            } else {
                send(ex, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private void page(HttpExchange ex, String path) throws IOException {
        String mode = path.substring(1, path.indexOf('/', 1));
        String name = path.substring(mode.length() + 2);
        String html = memoryPages.get(name);
        if (html == null) {
            byte[] raw = read("pages/" + name);
            if (raw == null) {
                send(ex, 404, "text/plain", "no page".getBytes(StandardCharsets.UTF_8));
                return;
            }
            html = new String(raw, StandardCharsets.UTF_8);
        }
        String nonce = mode.startsWith("cspnonce") ? " nonce=\"" + NONCE + "\"" : "";
        String probe = "<script src=\"/pages/probe.js\"" + nonce + "></script>";
        String early = "<script src=\"/pages/early.js\"" + nonce + "></script>";
        String tag = mode.endsWith("plain") ? "" : "<script src=\"" + toolbarOrigin + "/a11y/toolbar.js\" data-site=\"" + siteId + "\""
                + (scriptAttributes.isEmpty() ? "" : " " + scriptAttributes) + (defer ? " defer" : "") + nonce + "></script>";
        html = html.replace("<!--YIYUE-->", probe + tag + early);
        if (mode.startsWith("cspnonce")) {
            ex.getResponseHeaders().add("Content-Security-Policy", CSP_NONCE);
        } else if (mode.startsWith("csp")) {
            ex.getResponseHeaders().add("Content-Security-Policy", CSP);
        }
        send(ex, 200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    private void tts(HttpExchange ex) throws IOException {
        if (!ex.getRequestMethod().equals("POST")) {
            send(ex, 405, "text/plain", new byte[0]);
            return;
        }
        byte[] body = ex.getRequestBody().readAllBytes();
        var node = json.readTree(body);
        tts.add(new TtsRequest(node.path("text").asText(), node.path("lang").asText(), node.path("rate").asDouble()));
        send(ex, 200, "audio/wav", silence(120));
    }

    private void resource(HttpExchange ex, String name) throws IOException {
        byte[] bytes = read(name);
        if (bytes == null) {
            send(ex, 404, "text/plain", "missing".getBytes(StandardCharsets.UTF_8));
            return;
        }
        send(ex, 200, contentType(name), bytes);
    }

    private static String contentType(String name) {
        if (name.endsWith(".js")) return "text/javascript; charset=utf-8";
        if (name.endsWith(".css")) return "text/css; charset=utf-8";
        if (name.endsWith(".json")) return "application/json";
        if (name.endsWith(".svg")) return "image/svg+xml";
        if (name.endsWith(".html")) return "text/html; charset=utf-8";
        return "application/octet-stream";
    }

    private static byte[] read(String name) throws IOException {
        if (name.contains("..")) return null;
        try (InputStream in = ToolbarServer.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) ex.getResponseBody().write(body);
    }

    /** A short silent 16-bit mono 8 kHz WAV, so the page's Audio element really plays and ends. */
    static byte[] silence(int millis) {
        int samples = 8000 * millis / 1000;
        int data = samples * 2;
        ByteBuffer b = ByteBuffer.allocate(44 + data).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + data).put("WAVE".getBytes(StandardCharsets.US_ASCII));
        b.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(8000).putInt(16000).putShort((short) 2).putShort((short) 16);
        b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(data);
        return b.array();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

}
