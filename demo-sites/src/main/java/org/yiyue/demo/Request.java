package org.yiyue.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.sun.net.httpserver.HttpExchange;

/** The parts of an exchange the sites read: method, decoded path, query, cookies and a size-capped body. */
final class Request {

    /** Upload limit for any request body (the yth materials step allows a few small files). */
    static final int MAX_BODY = 8 * 1024 * 1024;

    private final HttpExchange exchange;
    private final String path;
    private byte[] body;

    Request(HttpExchange exchange, String path) {
        this.exchange = exchange;
        this.path = path;
    }

    String method() {
        return exchange.getRequestMethod();
    }

    boolean isGet() {
        return method().equals("GET") || method().equals("HEAD");
    }

    boolean isPost() {
        return method().equals("POST");
    }

    /** The percent-decoded, already validated path, e.g. {@code /guide/g001.html}. */
    String path() {
        return path;
    }

    /** Query parameters (first value wins); see {@link Forms#parseUrlEncoded}. */
    Map<String, String> query() {
        String raw = exchange.getRequestURI().getRawQuery();
        return raw == null ? new LinkedHashMap<>() : Forms.parseUrlEncoded(raw);
    }

    Optional<String> header(String name) {
        return Optional.ofNullable(exchange.getRequestHeaders().getFirst(name));
    }

    Optional<String> cookie(String name) {
        List<String> headers = exchange.getRequestHeaders().get("Cookie");
        if (headers == null) {
            return Optional.empty();
        }
        for (String header : headers) {
            for (String pair : header.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).trim().equals(name)) {
                    return Optional.of(pair.substring(eq + 1).trim());
                }
            }
        }
        return Optional.empty();
    }

    /** The whole body; throws {@link BodyTooLarge} past {@link #MAX_BODY} bytes. */
    byte[] body() throws IOException {
        if (body == null) {
            try (InputStream in = exchange.getRequestBody()) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] buf = new byte[16384];
                int n;
                while ((n = in.read(buf)) > 0) {
                    if (out.size() + n > MAX_BODY) {
                        throw new BodyTooLarge();
                    }
                    out.write(buf, 0, n);
                }
                body = out.toByteArray();
            }
        }
        return body;
    }

    /** Fields of a urlencoded POST body. */
    Map<String, String> form() throws IOException {
        return Forms.parseUrlEncoded(new String(body(), java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    /** Thrown when a body passes the size cap; the server answers 413. */
    static final class BodyTooLarge extends IOException {
        BodyTooLarge() {
            super("request body larger than " + MAX_BODY + " bytes");
        }
    }
}
