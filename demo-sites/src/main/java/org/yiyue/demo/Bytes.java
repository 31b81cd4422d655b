package org.yiyue.demo;

import java.io.ByteArrayOutputStream;

/** Byte-level edits that leave every non-ASCII byte alone, so GBK pages stay intact. */
final class Bytes {

    private Bytes() {
    }

    static byte[] replaceAll(byte[] data, byte[] needle, byte[] replacement) {
        int at = Forms.indexOf(data, needle, 0);
        if (at < 0) {
            return data;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + 64);
        int from = 0;
        while (at >= 0) {
            out.write(data, from, at - from);
            out.write(replacement, 0, replacement.length);
            from = at + needle.length;
            at = Forms.indexOf(data, needle, from);
        }
        out.write(data, from, data.length - from);
        return out.toByteArray();
    }

    /**
     * Inserts {@code tag} right after the first {@code <head>} start tag (any case, with or without attributes); if the
     * page has none, after the {@code <html>} start tag; if neither, at the very start. '<' (0x3C) is never a GBK trail
     * byte, so searching for it in GBK bytes is safe.
     */
    static byte[] insertAfterHead(byte[] html, byte[] tag) {
        int at = endOfStartTag(html, "head");
        if (at < 0) {
            at = endOfStartTag(html, "html");
        }
        if (at < 0) {
            at = 0;
        }
        byte[] out = new byte[html.length + tag.length];
        System.arraycopy(html, 0, out, 0, at);
        System.arraycopy(tag, 0, out, at, tag.length);
        System.arraycopy(html, at, out, at + tag.length, html.length - at);
        return out;
    }

    /** Index just past the '>' of the first start tag with this (lower-case ASCII) name, or -1. */
    static int endOfStartTag(byte[] html, String name) {
        outer:
        for (int i = 0; i + name.length() + 1 < html.length; i++) {
            if (html[i] != '<') {
                continue;
            }
            for (int j = 0; j < name.length(); j++) {
                int b = html[i + 1 + j] | 0x20; // ASCII lower-case
                if (b != name.charAt(j)) {
                    continue outer;
                }
            }
            byte next = html[i + 1 + name.length()];
            if (next != '>' && next != ' ' && next != '\t' && next != '\n' && next != '\r' && next != '/') {
                continue;
            }
            for (int k = i + 1 + name.length(); k < html.length; k++) {
                if (html[k] == '>') {
                    return k + 1;
                }
            }
            return -1;
        }
        return -1;
    }
}
