package org.yiyue.overlay.rewrite;

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
        // the toolbar's own contract (injector-script config.js): data-tts is the speech endpoint, data-engine
        // "browser" keeps it off the server, shortcuts are "id:Combo; id2:none", ad selectors comma-separated
        if (site.toolbar().tts()) {
            sb.append(" data-tts=\"/api/tts\"");
        } else {
            sb.append(" data-engine=\"browser\"");
        }
        if (!site.toolbar().shortcuts().isEmpty()) {
            StringBuilder sc = new StringBuilder();
            site.toolbar().shortcuts().forEach((k, v) -> sc.append(sc.length() > 0 ? "; " : "").append(k).append(':').append(v));
            sb.append(" data-shortcuts=\"").append(attr(sc.toString())).append('"');
        }
        if (!site.adSelectors().isEmpty()) {
            sb.append(" data-ad-selectors=\"").append(attr(String.join(", ", site.adSelectors()))).append('"');
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
}
