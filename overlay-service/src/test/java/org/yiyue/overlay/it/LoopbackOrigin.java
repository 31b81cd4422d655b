package org.yiyue.overlay.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A small upstream on 127.0.0.1 (ephemeral port) with one route per proxy behaviour under test. Records every
 * request path it saw, so tests can prove a hostile request never reached it.
 */
final class LoopbackOrigin implements AutoCloseable {

    static final String CSP = "script-src 'nonce-pageNonce123' 'strict-dynamic'; object-src 'none'";
    static final Charset GBK = Charset.forName("GB18030");
    static final String GBK_TEXT = "居住证签注（源城区堃华社区服务站）办事指南 朱镕基";

    final HttpServer server;
    final List<String> seen = new CopyOnWriteArrayList<>();
    final AtomicInteger counter = new AtomicInteger();
    /** The text of /dynamic.html, a page like a JSP one: no freshness, no validators. */
    volatile String dynamicText = "第一版";
    final AtomicInteger etagFull = new AtomicInteger();
    final AtomicInteger etagNotModified = new AtomicInteger();
    final CountDownLatch streamGate = new CountDownLatch(1);
    final byte[] largeHtml;

    LoopbackOrigin() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "loopback-origin");
            t.setDaemon(true);
            return t;
        }));
        StringBuilder big = new StringBuilder("<!doctype html><html><head><title>大页面</title></head><body>");
        while (big.length() < 1_600_000) {
            big.append("<p>河源市人民政府 第").append(big.length()).append("段</p>\n");
        }
        largeHtml = big.append("<p id=end>完</p></body></html>").toString().getBytes(StandardCharsets.UTF_8);
        server.createContext("/", this::handle);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    String origin() {
        return "http://127.0.0.1:" + port();
    }

    @Override
    public void close() {
        streamGate.countDown();
        server.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getRawPath();
            seen.add(ex.getRequestMethod() + " " + ex.getRequestURI().getRawPath()
                    + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery()));
            switch (path) {
                case "/echo" -> echo(ex);
                case "/page.html" -> html(ex, 200, "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                        + "<title>首页</title></head><body><h1>要闻动态</h1><a id=rel href=\"/news/a.html\">新闻</a>"
                        + "<a id=abs href=\"" + origin() + "/news/b.html\">绝对</a>"
                        + "<a id=gov href=\"https://www.gov.cn/\">中国政府网</a></body></html>", "Cache-Control", "max-age=60");
                case "/nostore.html" -> html(ex, 200, page("不缓存 " + counter.incrementAndGet()),
                        "Cache-Control", "no-store, max-age=600");
                case "/private.html" -> html(ex, 200, page("私有 " + counter.incrementAndGet()),
                        "Cache-Control", "private, max-age=600");
                case "/maxage.html" -> html(ex, 200, page("短期 " + counter.incrementAndGet()), "Cache-Control", "max-age=2");
                case "/dynamic.html" -> html(ex, 200, page(dynamicText));
                case "/etag.css" -> etag(ex);
                case "/gzip.html" -> encoded(ex, "gzip");
                case "/deflate.html" -> encoded(ex, "deflate");
                case "/csp.html" -> html(ex, 200, "<html><head><meta http-equiv=\"Content-Security-Policy\" "
                        + "content=\"connect-src 'none'\"><title>CSP</title></head><body>内容安全策略</body></html>",
                        "Content-Security-Policy", CSP,
                        "Content-Security-Policy-Report-Only", "default-src 'none'; report-uri /r");
                case "/redirect" -> send(ex, 302, "text/plain", new byte[0], "Location", origin() + "/page.html");
                case "/redirect-root" -> send(ex, 301, "text/plain", new byte[0], "Location", "/page.html?from=root");
                case "/login" -> login(ex);
                case "/account" -> account(ex);
                case "/upload" -> upload(ex);
                case "/stream.bin" -> stream(ex);
                case "/large.html" -> send(ex, 200, "text/html; charset=utf-8", largeHtml);
                case "/gbk.html" -> send(ex, 200, "text/html; charset=gb2312", ("<html><head><meta http-equiv=\"Content-Type\" "
                        + "content=\"text/html; charset=gb2312\"><title>" + GBK_TEXT + "</title></head><body><p id=t>"
                        + GBK_TEXT + "</p><a href=\"/gbk2.html\">下一页</a></body></html>").getBytes(GBK));
                case "/bad-charset.html" -> send(ex, 200, "text/html; charset=x-no-such-charset",
                        "<html><head><title>fail open</title></head><body>原样</body></html>".getBytes(StandardCharsets.UTF_8));
                case "/fixes.html" -> html(ex, 200, "<!DOCTYPE html><html><head><meta name=\"viewport\" "
                        + "content=\"width=device-width, initial-scale=1.0, maximum-scale=1.0, user-scalable=no\">"
                        + "<title>修复</title></head><body><div id=logo><img src=\"/logo.png\"></div>"
                        + "<table class=layout><tr><td>栏目</td></tr></table><div id=main>正文</div></body></html>");
                case "/slow" -> {
                    sleep(6000);
                    send(ex, 200, "text/plain", "late".getBytes(StandardCharsets.UTF_8));
                }
                case "/no-head.html" -> html(ex, 200, "<p>没有 head 的页面</p>");
                case "/headers" -> send(ex, 204, "text/plain", new byte[0], "Connection", "close, X-Hop",
                        "X-Hop", "secret", "X-Kept", "yes", "Strict-Transport-Security", "max-age=99");
                default -> send(ex, 404, "text/html; charset=utf-8", page("未找到").getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    static String page(String text) {
        return "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>" + text
                + "</title></head><body><p id=t>" + text + "</p></body></html>";
    }

    private void echo(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        Map<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        h.putAll(ex.getRequestHeaders());
        StringBuilder sb = new StringBuilder();
        sb.append("method=").append(ex.getRequestMethod()).append('\n');
        sb.append("query=").append(ex.getRequestURI().getRawQuery()).append('\n');
        h.forEach((k, v) -> sb.append("h:").append(k.toLowerCase()).append('=').append(String.join("|", v)).append('\n'));
        sb.append("body=").append(new String(body, StandardCharsets.UTF_8)).append('\n');
        send(ex, 200, "text/plain; charset=utf-8", sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    private void etag(HttpExchange ex) throws IOException {
        String inm = ex.getRequestHeaders().getFirst("If-None-Match");
        if ("\"v1\"".equals(inm)) {
            etagNotModified.incrementAndGet();
            ex.getResponseHeaders().add("ETag", "\"v1\"");
            ex.getResponseHeaders().add("Cache-Control", "max-age=1");
            ex.sendResponseHeaders(304, -1);
            return;
        }
        etagFull.incrementAndGet();
        send(ex, 200, "text/css", "body{color:#000;background:url(/bg.png)}".getBytes(StandardCharsets.US_ASCII),
                "ETag", "\"v1\"", "Cache-Control", "max-age=1");
    }

    private void encoded(HttpExchange ex, String coding) throws IOException {
        byte[] plain = page("压缩页面 " + coding + " 河源市人民政府门户网站".repeat(40)).getBytes(StandardCharsets.UTF_8);
        String accept = ex.getRequestHeaders().getFirst("Accept-Encoding");
        if (accept == null || !accept.contains(coding)) {
            send(ex, 200, "text/html; charset=utf-8", plain);
            return;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream z = coding.equals("gzip") ? new GZIPOutputStream(out) : new DeflaterOutputStream(out)) {
            z.write(plain);
        }
        send(ex, 200, "text/html; charset=utf-8", out.toByteArray(), "Content-Encoding", coding, "Vary", "Accept-Encoding");
    }

    private void login(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (!"POST".equals(ex.getRequestMethod()) || !body.contains("user=demo")) {
            html(ex, 200, page("请登录"));
            return;
        }
        send(ex, 303, "text/plain", new byte[0], "Set-Cookie", "SID=s3cr3t; Domain=127.0.0.1; Path=/; HttpOnly",
                "Location", origin() + "/account");
    }

    private void account(HttpExchange ex) throws IOException {
        String cookie = ex.getRequestHeaders().getFirst("Cookie");
        if (cookie == null || !cookie.contains("SID=s3cr3t")) {
            send(ex, 302, "text/plain", new byte[0], "Location", "/login");
            return;
        }
        html(ex, 200, page("欢迎 demo"), "Cache-Control", "private");
    }

    private void upload(HttpExchange ex) throws IOException {
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        byte[] body = ex.getRequestBody().readAllBytes();
        String digest;
        try {
            digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        send(ex, 200, "text/plain", ("type=" + type + "\nlength=" + body.length + "\nsha256=" + digest)
                .getBytes(StandardCharsets.UTF_8));
    }

    private void stream(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().add("Content-Type", "application/octet-stream");
        ex.sendResponseHeaders(200, 0);
        OutputStream os = ex.getResponseBody();
        byte[] chunk = new byte[65536];
        java.util.Arrays.fill(chunk, (byte) 'a');
        os.write(chunk);
        os.flush();
        try {
            // the rest only comes once the test has seen the first chunk through the proxy
            streamGate.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        java.util.Arrays.fill(chunk, (byte) 'b');
        for (int i = 0; i < 31; i++) {
            os.write(chunk);
        }
        os.close();
    }

    private static void html(HttpExchange ex, int status, String html, String... headers) throws IOException {
        send(ex, status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8), headers);
    }

    static void send(HttpExchange ex, int status, String type, byte[] body, String... headers) throws IOException {
        ex.getResponseHeaders().add("Content-Type", type);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            ex.getResponseHeaders().add(headers[i], headers[i + 1]);
        }
        boolean empty = body.length == 0 || "HEAD".equals(ex.getRequestMethod()) || status == 204 || status == 304;
        ex.sendResponseHeaders(status, empty ? -1 : body.length);
        if (!empty) {
            ex.getResponseBody().write(body);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }
}
