package org.yiyue.overlay.rewrite;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.yiyue.overlay.site.Site;

/**
 * The ASCII-only {@code <script>} tag inserted into every proxied page. It carries the site's toolbar defaults as
 * data attributes; anything non-ASCII (e.g. Chinese in a selector) is written as an HTML character reference so the
 * tag means the same in any page charset. Not deferred: the toolbar restores the user's settings before first paint.
 */
public final class ToolbarTag {

    private ToolbarTag() {
    }

    /**
     * @param scriptUrl  versioned URL of the toolbar, e.g. {@code /a11y/toolbar.js?v=ab12cd34}
     * @param integrity  SRI value ({@code sha384-…}), or empty to leave it out
     * @param nonce      CSP nonce the page's policy requires, if any
     */
    public static String render(Site site, String scriptUrl, Optional<String> integrity, Optional<String> nonce) {
        StringBuilder sb = new StringBuilder(256);
        sb.append("<script src=\"").append(attr(scriptUrl)).append('"');
        sb.append(" data-site=\"").append(attr(site.id())).append('"');
        sb.append(" data-lang=\"").append(attr(site.toolbar().lang())).append('"');
        sb.append(" data-position=\"").append(attr(site.toolbar().position())).append('"');
        sb.append(" data-tts=\"").append(site.toolbar().tts() ? "on" : "off").append('"');
        sb.append(" data-api=\"/api\"");
        if (!site.toolbar().shortcuts().isEmpty()) {
            sb.append(" data-shortcuts=\"").append(attr(json(site.toolbar().shortcuts()))).append('"');
        }
        if (!site.adSelectors().isEmpty()) {
            sb.append(" data-ads=\"").append(attr(json(site.adSelectors()))).append('"');
        }
        integrity.ifPresent(i -> sb.append(" integrity=\"").append(attr(i)).append('"'));
        nonce.ifPresent(n -> sb.append(" nonce=\"").append(attr(n)).append('"'));
        sb.append("></script>");
        return sb.toString();
    }

    /** HTML attribute escaping that also turns every non-ASCII character into a numeric reference. */
    static String attr(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '"' -> sb.append("&quot;");
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                default -> {
                    if (cp < 0x20 || cp > 0x7e) {
                        sb.append("&#x").append(Integer.toHexString(cp)).append(';');
                    } else {
                        sb.append((char) cp);
                    }
                }
            }
        });
        return sb.toString();
    }

    static String json(Object value) {
        if (value instanceof Map<?, ?> map) {
            StringBuilder sb = new StringBuilder("{");
            map.forEach((k, v) -> sb.append(sb.length() > 1 ? "," : "").append(json(k)).append(':').append(json(v)));
            return sb.append('}').toString();
        }
        if (value instanceof List<?> list) {
            StringBuilder sb = new StringBuilder("[");
            list.forEach(v -> sb.append(sb.length() > 1 ? "," : "").append(json(v)));
            return sb.append(']').toString();
        }
        String s = String.valueOf(value);
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
