package org.yiyue.audit.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;

/** Loads the audit's browser scripts from the classpath once, with their shared helpers included. */
final class Scripts {

    private static final ConcurrentHashMap<String, String> CACHE = new ConcurrentHashMap<>();
    private static final String INCLUDE = "/*@include ";

    private Scripts() {
    }

    static String get(String name) {
        // named for DevTools (profiles, stack traces): the last line, so callers may embed the text in other code
        return CACHE.computeIfAbsent(name, n -> "return " + withIncludes(body(n)) + "\n//# sourceURL=yiyue/" + n + "\n");
    }

    /** Replaces each {@code /*@include NAME*}{@code /} with that script's body (shared helpers, e.g. element-path.js). */
    private static String withIncludes(String body) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (int i = body.indexOf(INCLUDE); i >= 0; i = body.indexOf(INCLUDE, at)) {
            int end = body.indexOf("*/", i);
            if (end < 0) {
                throw new IllegalStateException("unterminated include in an audit script");
            }
            out.append(body, at, i).append(body(body.substring(i + INCLUDE.length(), end).strip()));
            at = end + 2;
        }
        return out.append(body.substring(at)).toString();
    }

    /** The script's text without its leading comment lines: "return" followed by a line break would return nothing. */
    private static String body(String name) {
        try (InputStream in = Scripts.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing audit script " + name);
            }
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            while (body.startsWith("//")) {
                int nl = body.indexOf('\n');
                body = nl < 0 ? "" : body.substring(nl + 1).strip();
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
