package org.yiyue.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.zip.GZIPOutputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** One replica site on one loopback port: dynamic routes, then static files, then the site's 404 page. */
final class SiteServer {

    static final byte[] ORIGIN_PLACEHOLDER = "{{ORIGIN}}".getBytes(StandardCharsets.US_ASCII);

    private final SiteProfile profile;
    private final SiteResources resources;
    private final boolean embedToolbar;
    private final HttpServer server;
    private final URI origin;
    /** Placeholders of the sibling sites, {{ORIGIN:zwfw}} etc., set once all four are bound. */
    private volatile java.util.Map<String, URI> siblings = java.util.Map.of();

    private SiteServer(SiteProfile profile, boolean embedToolbar, HttpServer server) {
        this.profile = profile;
        this.resources = new SiteResources(profile.id());
        this.embedToolbar = embedToolbar;
        this.server = server;
        this.origin = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    static SiteServer start(SiteProfile profile, int port, boolean embedToolbar, Executor pool) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        SiteServer site = new SiteServer(profile, embedToolbar, http);
        http.createContext("/", site::handle);
        http.setExecutor(pool);
        http.start();
        return site;
    }

    void siblings(java.util.Map<String, URI> origins) {
        this.siblings = java.util.Map.copyOf(origins);
    }

    URI origin() {
        return origin;
    }

    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            Reply reply;
            try {
                reply = answer(exchange);
            } catch (Request.BodyTooLarge e) {
                reply = Reply.plain(413, "请求内容过大 / request body too large");
            } catch (IllegalArgumentException e) {
                reply = Reply.plain(400, "请求格式错误 / bad request: " + e.getMessage());
            } catch (RuntimeException e) {
                reply = Reply.plain(500, "服务器内部错误 / internal error: " + e);
            }
            send(exchange, finish(exchange, reply));
        } catch (IOException clientGone) {
            // the client closed the connection; nothing left to answer
        }
    }

    private Reply answer(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        if (!List.of("GET", "HEAD", "POST").contains(method)) {
            return Reply.plain(405, "方法不允许 / method not allowed").header("Allow", "GET, HEAD, POST");
        }
        Optional<String> path = PathGuard.clean(exchange.getRequestURI().getRawPath());
        if (path.isEmpty()) {
            return Reply.plain(400, "非法路径 / bad path");
        }
        Request request = new Request(exchange, path.get());
        if (embedToolbar && path.get().startsWith("/a11y/")) {
            return toolbarAsset(path.get());
        }
        if (Media.handles(path.get()) && request.isGet()) {
            Optional<Reply> media = Media.serve(path.get(), request.header("Range"));
            if (media.isPresent()) {
                return media.get();
            }
        }
        Optional<Reply> dynamic = profile.routes().route(request, resources);
        if (dynamic.isPresent()) {
            return dynamic.get();
        }
        if (!request.isGet()) {
            return Reply.plain(405, "方法不允许 / method not allowed").header("Allow", "GET, HEAD");
        }
        String p = path.get();
        if (p.endsWith("/")) {
            p = p + "index.html";
        } else if (!p.substring(p.lastIndexOf('/') + 1).contains(".") && resources.raw(p + "/index.html").isPresent()) {
            return Reply.redirect(301, path.get() + "/");
        }
        return resources.file(p).orElseGet(resources::notFound);
    }

    /** The toolbar the way a web team embeds it: same origin, from the classpath of whoever started the sites. */
    private Reply toolbarAsset(String path) {
        Optional<byte[]> bytes = SiteResources.classpath("META-INF/resources" + path);
        if (bytes.isEmpty() || !path.substring(path.lastIndexOf('/') + 1).contains(".")) {
            return resources.notFound();
        }
        return Reply.bytes(200, SiteResources.contentType(path), bytes.get())
                .header("Cache-Control", "no-cache");
    }

    private Reply finish(HttpExchange exchange, Reply reply) throws IOException {
        byte[] body = reply.body();
        if (reply.isText()) {
            body = Bytes.replaceAll(body, ORIGIN_PLACEHOLDER, origin.toString().getBytes(StandardCharsets.US_ASCII));
            for (java.util.Map.Entry<String, URI> sibling : siblings.entrySet()) {
                body = Bytes.replaceAll(body, ("{{ORIGIN:" + sibling.getKey() + "}}").getBytes(StandardCharsets.US_ASCII),
                        sibling.getValue().toString().getBytes(StandardCharsets.US_ASCII));
            }
        }
        if (reply.isHtml() && embedToolbar) {
            body = Bytes.insertAfterHead(body, toolbarTag());
        }
        Reply out = reply.withBody(body);
        profile.headers().forEach(out::header);
        if (profile.gzip() && !reply.contentType().startsWith("audio/")) { // media goes out as is (byte ranges)
            out.header("Vary", "Accept-Encoding");
            String accept = exchange.getRequestHeaders().getFirst("Accept-Encoding");
            if (accept != null && accept.toLowerCase(Locale.ROOT).contains("gzip") && body.length > 0) {
                out = out.withBody(gzip(body)).header("Content-Encoding", "gzip");
            }
        }
        return out;
    }

    private byte[] toolbarTag() {
        return ("<script src=\"/a11y/toolbar.js\" data-site=\"" + profile.id() + "\"></script>")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] gzip(byte[] body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(body);
        }
        return out.toByteArray();
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", reply.contentType());
        headers.set("Server", "HyCMS/3.2");
        for (Map.Entry<String, List<String>> h : reply.headers().entrySet()) {
            for (String v : h.getValue()) {
                headers.add(h.getKey(), v);
            }
        }
        boolean head = exchange.getRequestMethod().equals("HEAD");
        boolean noBody = head || reply.status() == 204 || reply.status() == 304;
        exchange.sendResponseHeaders(reply.status(), noBody ? -1 : (reply.body().length == 0 ? -1 : reply.body().length));
        if (!noBody && reply.body().length > 0) {
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(reply.body());
            }
        }
    }
}
