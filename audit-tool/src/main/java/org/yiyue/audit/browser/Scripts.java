package org.yiyue.audit.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;

/** Loads the audit's browser scripts from the classpath once. */
final class Scripts {

    private static final ConcurrentHashMap<String, String> CACHE = new ConcurrentHashMap<>();

    private Scripts() {
    }

    static String get(String name) {
        return CACHE.computeIfAbsent(name, n -> {
            try (InputStream in = Scripts.class.getResourceAsStream(n)) {
                if (in == null) {
                    throw new IllegalStateException("missing audit script " + n);
                }
                // drop the leading comment lines: "return" followed by a line break would return nothing
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
                while (body.startsWith("//")) {
                    int nl = body.indexOf('\n');
                    body = nl < 0 ? "" : body.substring(nl + 1).strip();
                }
                return "return " + body;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
