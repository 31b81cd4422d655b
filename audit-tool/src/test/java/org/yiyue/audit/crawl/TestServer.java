package org.yiyue.audit.crawl;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** A tiny loopback HTTP server on an ephemeral port whose pages each test scripts. */
public final class TestServer implements AutoCloseable {

    public interface Handler {
        void handle(HttpExchange ex) throws IOException;
    }

    private final HttpServer server;
    private final Map<String, Handler> routes = new ConcurrentHashMap<>();
    public final CopyOnWriteArrayList<String> requests = new CopyOnWriteArrayList<>();
    public final CopyOnWriteArrayList<Long> times = new CopyOnWriteArrayList<>();

    public TestServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "test-server");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", ex -> {
            String pq = ex.getRequestURI().getRawPath() + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery());
            requests.add(pq);
            times.add(System.nanoTime());
            Handler h = routes.getOrDefault(pq, routes.get(ex.getRequestURI().getRawPath()));
            try {
                if (h == null) {
                    send(ex, 404, "text/html; charset=utf-8", "<!DOCTYPE html><title>404</title><p>not found".getBytes(StandardCharsets.UTF_8));
                } else {
                    h.handle(ex);
                }
            } catch (IOException e) {
                // client went away (timeout tests)
            } finally {
                ex.close();
            }
        });
        server.start();
    }

    public TestServer html(String path, String html) {
        routes.put(path, ex -> send(ex, 200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    public TestServer bytes(String path, String contentType, byte[] body) {
        routes.put(path, ex -> send(ex, 200, contentType, body));
        return this;
    }

    public TestServer html(String path, String html, Charset cs, String contentType) {
        routes.put(path, ex -> send(ex, 200, contentType, html.getBytes(cs)));
        return this;
    }

    public TestServer redirect(String path, String location) {
        routes.put(path, ex -> {
            ex.getResponseHeaders().add("Location", location);
            ex.sendResponseHeaders(302, -1);
        });
        return this;
    }

    public TestServer slow(String path, long millis) {
        routes.put(path, ex -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            send(ex, 200, "text/html; charset=utf-8", "<!DOCTYPE html><html lang=\"en\"><title>slow</title><p>late".getBytes(StandardCharsets.UTF_8));
        });
        return this;
    }

    public TestServer route(String path, Handler h) {
        routes.put(path, h);
        return this;
    }

    public static void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        ex.getResponseHeaders().add("Content-Type", contentType);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
