package org.yiyue.overlay.rewrite;

import java.nio.charset.StandardCharsets;

/**
 * Inserts an ASCII {@code <script>} tag into the original bytes of an HTML page, right after the opening
 * {@code <head>} tag, or at the very start when the page has no head. The page is never decoded, so any charset
 * that is ASCII-compatible (UTF-8, GBK, GB18030, Big5, ISO-8859-x) survives byte for byte.
 */
public final class ScriptTagInjector {

    private ScriptTagInjector() {
    }

    public static byte[] inject(byte[] page, String asciiTag) {
        byte[] tag = asciiTag.getBytes(StandardCharsets.US_ASCII);
        int at = afterHeadOpenTag(page);
        byte[] out = new byte[page.length + tag.length];
        System.arraycopy(page, 0, out, 0, at);
        System.arraycopy(tag, 0, out, at, tag.length);
        System.arraycopy(page, at, out, at + tag.length, page.length - at);
        return out;
    }

    /** Offset just past {@code <head ...>} (case-insensitive, not {@code <header>}), or 0 when there is none. */
    static int afterHeadOpenTag(byte[] page) {
        for (int i = 0; i + 5 < page.length; i++) {
            if (page[i] != '<' || !matchesIgnoreCase(page, i + 1, "head")) {
                continue;
            }
            byte next = page[i + 5];
            if (next == '>' || next == ' ' || next == '\t' || next == '\n' || next == '\r' || next == '/') {
                for (int j = i + 5; j < page.length; j++) {
                    if (page[j] == '>') {
                        return j + 1;
                    }
                }
                return 0;
            }
        }
        return 0;
    }

    private static boolean matchesIgnoreCase(byte[] bytes, int from, String ascii) {
        if (from + ascii.length() > bytes.length) {
            return false;
        }
        for (int k = 0; k < ascii.length(); k++) {
            if (Character.toLowerCase((char) bytes[from + k]) != ascii.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}
