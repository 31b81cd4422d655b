package org.yiyue.overlay.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The toolbar's optional parts (拼音, 繁體 tables, the reader view) that it loads on first use from {@code /a11y/data/<name>.js},
 * read from the injector-script jar. Only plain names are accepted, so no request can reach another resource.
 */
public final class ToolbarData {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,40}\\.js");
    private static final String ROOT = "META-INF/resources/a11y/data/";

    private ToolbarData() {
    }

    public static Optional<byte[]> read(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(ROOT + name)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
