package org.yiyue.demo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One HTTP response before the server's finishing touches (origin substitution, toolbar, gzip, site headers). */
record Reply(int status, String contentType, byte[] body, Map<String, List<String>> headers) {

    static final String HTML_UTF8 = "text/html; charset=utf-8";

    static Reply html(int status, String html) {
        return new Reply(status, HTML_UTF8, html.getBytes(StandardCharsets.UTF_8), new LinkedHashMap<>());
    }

    static Reply bytes(int status, String contentType, byte[] body) {
        return new Reply(status, contentType, body, new LinkedHashMap<>());
    }

    static Reply redirect(int status, String location) {
        Reply r = new Reply(status, "text/plain; charset=utf-8",
                ("-> " + location).getBytes(StandardCharsets.UTF_8), new LinkedHashMap<>());
        return r.header("Location", location);
    }

    static Reply plain(int status, String text) {
        return new Reply(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8), new LinkedHashMap<>());
    }

    Reply header(String name, String value) {
        headers.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        return this;
    }

    Reply withBody(byte[] newBody) {
        return new Reply(status, contentType, newBody, headers);
    }

    boolean isHtml() {
        return contentType.startsWith("text/html");
    }

    boolean isText() {
        return contentType.startsWith("text/") || contentType.startsWith("image/svg")
                || contentType.startsWith("application/json");
    }
}
