package org.yiyue.toolbar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The real pages of ../shared/corpus/real-pages on loopback, one at a time, with the toolbar tag inserted first in
 * {@code <head>} as the overlay does: the chosen page is served at its {@code serve_as} path (MANIFEST.tsv) and its
 * {@code <id>_files/} folder is the web root, so the page's root-relative assets resolve. {@code /a11y/*} is the
 * built bundle from the test classpath.
 */
final class CorpusSite implements AutoCloseable {

    /** One corpus page: id, its path on this server, charset of its bytes, kind (mobile pages are seen at 375 px). */
    record Page(String id, String path, String charset, String kind) {
        boolean mobile() {
            return kind.equals("mobile");
        }
    }

    private static final Pattern SERVE_AS = Pattern.compile("serve_as=(/[^;(]*?)\\s*\\(serve");

    private final Path root;
    private final HttpServer server;
    private volatile Page current;

    CorpusSite(Path root) {
        this.root = root;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    static List<Page> pages(Path root) {
        try {
            List<String> lines = Files.readAllLines(root.resolve("MANIFEST.tsv"));
            List<Page> out = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) continue;
                String[] f = line.split("\t");
                Matcher m = SERVE_AS.matcher(f[7]);
                String path = m.find() ? m.group(1) : "/" + f[0] + ".html";
                String charset = f[4].toUpperCase().startsWith("GBK") ? "GBK" : "UTF-8";
                out.add(new Page(f[0], path, charset, f[5]));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Serves this page (and its assets) from now on; returns its URL. */
    String use(Page page) {
        current = page;
        return "http://127.0.0.1:" + server.getAddress().getPort() + page.path();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = URLDecoder.decode(ex.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
            Page page = current;
            if (path.startsWith("/a11y/")) {
                try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/resources/a11y/" + path.substring(6))) {
                    if (in == null || path.contains("..")) send(ex, 404, "text/plain", new byte[0]);
                    else send(ex, 200, path.endsWith(".json") ? "application/json" : "text/javascript; charset=utf-8", in.readAllBytes());
                }
            } else if (page != null && path.equals(page.path())) {
                send(ex, 200, "text/html; charset=" + page.charset(), withToolbar(Files.readAllBytes(root.resolve(page.id() + ".html"))));
            } else if (page != null && !path.contains("..")) {
                Path file = root.resolve(page.id() + "_files").resolve(path.substring(1));
                if (Files.isRegularFile(file)) send(ex, 200, type(path), Files.readAllBytes(file));
                else send(ex, 404, "text/plain", new byte[0]);
            } else {
                send(ex, 404, "text/plain", new byte[0]);
            }
        }
    }

    /** The tag goes right after the {@code <head>} start tag (bytes kept as they are: the tag is ASCII). */
    static byte[] withToolbar(byte[] html) {
        String s = new String(html, StandardCharsets.ISO_8859_1);
        String tag = "<script src=\"/a11y/toolbar.js\" data-site=\"corpus\"></script>";
        Matcher m = Pattern.compile("<head(\\s[^>]*)?>", Pattern.CASE_INSENSITIVE).matcher(s);
        int at = m.find() ? m.end() : 0;
        return (s.substring(0, at) + tag + s.substring(at)).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String type(String path) {
        String p = path.toLowerCase();
        if (p.endsWith(".css")) return "text/css";
        if (p.endsWith(".js")) return "text/javascript";
        if (p.endsWith(".png")) return "image/png";
        if (p.endsWith(".jpg") || p.endsWith(".jpeg")) return "image/jpeg";
        if (p.endsWith(".gif")) return "image/gif";
        if (p.endsWith(".svg")) return "image/svg+xml";
        if (p.endsWith(".html") || p.endsWith(".htm")) return "text/html";
        return "application/octet-stream";
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) ex.getResponseBody().write(body);
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
