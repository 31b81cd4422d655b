package org.yiyue.overlay.rewrite;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites links in the original bytes of an HTML page or stylesheet so they stay under the overlay mount, without
 * decoding the page: the bytes are viewed as ISO-8859-1 (one char per byte), only ASCII markup is matched, and only
 * ASCII is inserted, so GBK/GB18030/UTF-8 text survives byte for byte (their non-ASCII bytes never match {@code <},
 * quotes or white space).
 *
 * <ul>
 *   <li>absolute URLs of configured upstreams ({@code http://host:port}, {@code //host:port}) become the public prefix
 *       of that site;</li>
 *   <li>root-relative URLs ({@code /x}) in link-bearing attributes, {@code srcset}, CSS {@code url()} and
 *       {@code @import}, and meta refresh become mount-relative — only when the site is mounted on a path.</li>
 * </ul>
 */
public final class LinkRewriter {

    /** Every place a root-relative URL may start, in one alternation so the page is scanned once. */
    private static final Pattern ROOT_RELATIVE = Pattern.compile(
            "(?i)(\\s(?:href|src|action|formaction|poster|background|longdesc|cite|data|data-src|data-href|data-url)"
                    + "\\s*=\\s*[\"']?"
                    + "|url\\(\\s*[\"']?"
                    + "|@import\\s+[\"']"
                    + "|content\\s*=\\s*[\"']?\\s*\\d+\\s*;\\s*url\\s*=\\s*['\"]?)/(?![/\\\\])");
    private static final Pattern SRCSET = Pattern.compile("(?i)(\\ssrcset\\s*=\\s*([\"']))([^\"']*)(\\2)");
    private static final Pattern SRCSET_ITEM = Pattern.compile("(^|,\\s*)/(?![/\\\\])");
    private static final Pattern CSS_ONLY = Pattern.compile("(?i)(url\\(\\s*[\"']?|@import\\s+[\"'])/(?![/\\\\])");

    /** An upstream origin and the public prefix that replaces it. */
    public record OriginMapping(String upstreamAuthority, String publicPrefix) {
    }

    private LinkRewriter() {
    }

    public static byte[] html(byte[] page, String mount, List<OriginMapping> origins) {
        String s = new String(page, StandardCharsets.ISO_8859_1);
        String out = s;
        if (!mount.isEmpty()) {
            out = ROOT_RELATIVE.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + mount + "/"));
            if (containsIgnoreCase(out, "srcset")) {
                out = SRCSET.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1)
                        + SRCSET_ITEM.matcher(m.group(3)).replaceAll(i -> Matcher.quoteReplacement(i.group(1) + mount + "/"))
                        + m.group(4)));
            }
        }
        out = origins(out, origins);
        return out.equals(s) ? page : out.getBytes(StandardCharsets.ISO_8859_1);
    }

    public static byte[] stylesheet(byte[] css, String mount, List<OriginMapping> origins) {
        String s = new String(css, StandardCharsets.ISO_8859_1);
        String out = origins(mount.isEmpty() ? s : css(s, mount), origins);
        return out.equals(s) ? css : out.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String css(String s, String mount) {
        return CSS_ONLY.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + mount + "/"));
    }

    /** ASCII case-insensitive search without copying the page. */
    static boolean containsIgnoreCase(String s, String asciiLower) {
        int n = asciiLower.length();
        for (int i = 0; i + n <= s.length(); i++) {
            if (s.regionMatches(true, i, asciiLower, 0, n)) {
                return true;
            }
        }
        return false;
    }

    private static String origins(String s, List<OriginMapping> origins) {
        String out = s;
        for (OriginMapping o : origins) {
            if (!out.contains(o.upstreamAuthority())) {
                continue;
            }
            Pattern p = Pattern.compile("(?i)(?:https?:)?//" + Pattern.quote(o.upstreamAuthority())
                    + "(?![A-Za-z0-9.:-])(/?)");
            // the optional slash is consumed and always written back: "http://up" and "http://up/" both mean the root
            out = p.matcher(out).replaceAll(Matcher.quoteReplacement(o.publicPrefix() + "/"));
        }
        return out;
    }
}
