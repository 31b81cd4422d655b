package org.yiyue.overlay.rewrite;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds {@code <meta http-equiv="Content-Security-Policy">} in the original bytes and adjusts its content. */
public final class MetaCsp {

    private static final Pattern META = Pattern.compile("(?is)<meta\\b[^>]*>");
    private static final Pattern HTTP_EQUIV = Pattern.compile(
            "(?i)\\shttp-equiv\\s*=\\s*[\"']?content-security-policy[\"'\\s/>]");
    private static final Pattern CONTENT = Pattern.compile("(?is)(\\scontent\\s*=\\s*)(\"([^\"]*)\"|'([^']*)')");

    private MetaCsp() {
    }

    /** True when the page declares a CSP in a meta element (checked before bothering to rewrite). */
    public static boolean present(byte[] page) {
        if (!containsIgnoreCase(page, "content-security-policy")) {
            return false;
        }
        String s = new String(page, StandardCharsets.ISO_8859_1);
        Matcher m = META.matcher(s);
        while (m.find()) {
            if (HTTP_EQUIV.matcher(m.group()).find()) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsIgnoreCase(byte[] page, String asciiLower) {
        byte first = (byte) asciiLower.charAt(0);
        int n = asciiLower.length();
        outer:
        for (int i = 0; i + n <= page.length; i++) {
            if ((page[i] | 0x20) != first) {
                continue;
            }
            for (int k = 1; k < n; k++) {
                byte b = page[i + k];
                char c = asciiLower.charAt(k);
                if (b != c && (b | 0x20) != c) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    public static byte[] adjust(byte[] page, String nonce) {
        String s = new String(page, StandardCharsets.ISO_8859_1);
        StringBuilder out = new StringBuilder(s.length() + 64);
        Matcher m = META.matcher(s);
        int last = 0;
        boolean changed = false;
        while (m.find()) {
            String tag = m.group();
            if (!HTTP_EQUIV.matcher(tag).find()) {
                continue;
            }
            Matcher c = CONTENT.matcher(tag);
            if (!c.find()) {
                continue;
            }
            boolean doubleQuoted = c.group(3) != null;
            String raw = doubleQuoted ? c.group(3) : c.group(4);
            String policy = raw.replace("&#39;", "'").replace("&apos;", "'").replace("&quot;", "\"");
            String adjusted = CspAdjuster.adjust(List.of(policy), nonce).policies().get(0);
            String value = doubleQuoted ? "\"" + adjusted + "\"" : "'" + adjusted.replace("'", "&#39;") + "'";
            String newTag = tag.substring(0, c.start(2)) + value + tag.substring(c.end(2));
            out.append(s, last, m.start()).append(newTag);
            last = m.end();
            changed = true;
        }
        if (!changed) {
            return page;
        }
        out.append(s, last, s.length());
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
