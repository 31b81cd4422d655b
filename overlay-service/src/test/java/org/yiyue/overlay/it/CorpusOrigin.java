package org.yiyue.overlay.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.sun.net.httpserver.HttpServer;
import org.yiyue.testkit.SharedFolder;

/**
 * Serves the real pages of ../shared/corpus/real-pages (MANIFEST.tsv) byte for byte at {@code /<id>.html}, as a
 * plain static server would (text/html, no charset; gzip when asked), on 127.0.0.1 with an ephemeral port.
 */
final class CorpusOrigin implements AutoCloseable {

    static final Path CORPUS = SharedFolder.root().resolve("corpus/real-pages");

    final HttpServer server;
    private final Map<String, byte[]> pages = new TreeMap<>();

    /** Starts even where the corpus is absent (a clone without ../shared): it then serves nothing. */
    CorpusOrigin() throws IOException {
        if (Files.isDirectory(CORPUS)) {
            for (String id : ids()) {
                pages.put(id, Files.readAllBytes(CORPUS.resolve(id + ".html")));
            }
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", ex -> {
            try (ex) {
                String p = ex.getRequestURI().getPath();
                byte[] body = p.endsWith(".html") ? pages.get(p.substring(1, p.length() - 5)) : null;
                if (body == null) {
                    ex.sendResponseHeaders(404, -1);
                    return;
                }
                ex.getResponseHeaders().add("Content-Type", "text/html");
                String ae = ex.getRequestHeaders().getFirst("Accept-Encoding");
                if (ae != null && ae.contains("gzip")) {
                    // as nginx with gzip on: the proxy must inflate, inject and re-compress
                    java.io.ByteArrayOutputStream z = new java.io.ByteArrayOutputStream();
                    try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(z)) {
                        gz.write(body);
                    }
                    body = z.toByteArray();
                    ex.getResponseHeaders().add("Content-Encoding", "gzip");
                }
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
            }
        });
        server.start();
    }

    static List<String> ids() throws IOException {
        List<String> ids = new ArrayList<>();
        List<String> lines = Files.readAllLines(CORPUS.resolve("MANIFEST.tsv"));
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                ids.add(line.substring(0, line.indexOf('\t')));
            }
        }
        return ids;
    }

    /** The pages by id; skips the calling test where ../shared is absent (fails under CI=true). */
    Map<String, byte[]> pages() {
        SharedFolder.require("corpus/real-pages");
        return pages;
    }

    String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
