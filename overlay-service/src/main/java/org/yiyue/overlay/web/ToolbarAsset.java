package org.yiyue.overlay.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

import org.yiyue.overlay.rewrite.HtmlRewriter;

/**
 * The toolbar script, read once from the injector-script jar ({@code META-INF/resources/a11y/toolbar.js}); when
 * that jar carries no script yet, a small built-in placeholder stands in (and the manifest says so). The content
 * hash versions the URL, so browsers may keep it for a year.
 */
@ApplicationScoped
public class ToolbarAsset {

    static final String BUNDLED = "META-INF/resources/a11y/toolbar.js";
    static final String PLACEHOLDER = "org/yiyue/overlay/web/placeholder-toolbar.js";

    private byte[] bytes;
    private String version;
    private String integrity;
    private boolean placeholder;

    @PostConstruct
    void load() {
        ClassLoader cl = ToolbarAsset.class.getClassLoader();
        byte[] b = read(cl, BUNDLED);
        placeholder = b == null;
        bytes = placeholder ? read(cl, PLACEHOLDER) : b;
        if (bytes == null) {
            throw new IllegalStateException("neither " + BUNDLED + " nor the placeholder toolbar is on the classpath");
        }
        version = HexFormat.of().formatHex(digest("SHA-256", bytes)).substring(0, 16);
        integrity = "sha384-" + Base64.getEncoder().encodeToString(digest("SHA-384", bytes));
    }

    private static byte[] read(ClassLoader cl, String name) {
        try (InputStream in = cl.getResourceAsStream(name)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public byte[] bytes() {
        return bytes;
    }

    public String version() {
        return version;
    }

    public String integrity() {
        return integrity;
    }

    public boolean placeholder() {
        return placeholder;
    }

    public String url() {
        return "/a11y/toolbar.js?v=" + version;
    }

    public HtmlRewriter.Toolbar forTag() {
        return new HtmlRewriter.Toolbar(url(), Optional.of(integrity));
    }
}
