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

    /** An upstream origin and the public prefix that replaces it. */
    public record OriginMapping(String upstreamAuthority, String publicPrefix) {
    }

    private LinkRewriter() {
    }

    public static byte[] html(byte[] page, String mount, List<OriginMapping> origins) {
        byte[] out = mount.isEmpty() ? page : insertMount(page, RootLinkScanner.scan(page, false), mount);
        return origins(out, origins);
    }

    public static byte[] stylesheet(byte[] css, String mount, List<OriginMapping> origins) {
        byte[] out = mount.isEmpty() ? css : insertMount(css, RootLinkScanner.scan(css, true), mount);
        return origins(out, origins);
    }

    private static byte[] insertMount(byte[] page, int[] at, String mount) {
        if (at.length == 0) {
            return page;
        }
        byte[] m = mount.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[page.length + at.length * m.length];
        int from = 0;
        int to = 0;
        for (int offset : at) {
            System.arraycopy(page, from, out, to, offset - from);
            to += offset - from;
            System.arraycopy(m, 0, out, to, m.length);
            to += m.length;
            from = offset;
        }
        System.arraycopy(page, from, out, to, page.length - from);
        return out;
    }

    private static byte[] origins(byte[] page, List<OriginMapping> origins) {
        String s = null;
        for (OriginMapping o : origins) {
            if (indexOf(page, o.upstreamAuthority().getBytes(StandardCharsets.US_ASCII)) >= 0) {
                s = new String(page, StandardCharsets.ISO_8859_1);
                break;
            }
        }
        if (s == null) {
            return page;
        }
        String out = origins(s, origins);
        return out.equals(s) ? page : out.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            if (hay[i] != needle[0]) {
                continue;
            }
            for (int k = 1; k < needle.length; k++) {
                if (hay[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
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
