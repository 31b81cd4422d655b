package org.yiyue.rules.css;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.Collections;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;
import org.jsoup.select.Selector;
import org.yiyue.rules.page.Page;

/**
 * A deliberately small reading of the page's own style elements for the static model: which elements top-level
 * rules set to display:none, and which visibility they declare. At-rule blocks (@media …) and selectors with
 * pseudo-classes are skipped; specificity is ignored (later rules win). External stylesheets are not fetched.
 * Erring towards "hidden" only makes rules inapplicable, never failed.
 */
public final class StyleSheets {

    private static final Pattern RULE = Pattern.compile("([^{}]+)\\{([^{}]*)\\}");
    private static final Pattern DISPLAY_NONE = Pattern.compile("(^|;)\\s*display\\s*:\\s*none\\s*(!\\s*important\\s*)?(;|$)");
    private static final Pattern VISIBILITY = Pattern.compile("(^|;)\\s*visibility\\s*:\\s*(hidden|collapse|visible)\\s*(!\\s*important\\s*)?(;|$)");

    public record Hiding(Set<Element> displayNone, Map<Element, String> visibility) {
    }

    private StyleSheets() {
    }

    public static Hiding of(Page page) {
        return page.memo("stylesheets", page.document(), () -> read(page));
    }

    private static Hiding read(Page page) {
        Set<Element> none = Collections.newSetFromMap(new IdentityHashMap<>());
        Map<Element, String> visibility = new HashMap<>();
        for (Element style : page.document().select("style")) {
            String media = style.attr("media").trim().toLowerCase(Locale.ROOT);
            if (!media.isEmpty() && !media.equals("all") && !media.equals("screen")) {
                continue;
            }
            String css = topLevel(style.data().replaceAll("(?s)/\\*.*?\\*/", ""));
            Matcher m = RULE.matcher(css);
            while (m.find()) {
                String decls = m.group(2).toLowerCase(Locale.ROOT).trim();
                boolean hide = DISPLAY_NONE.matcher(decls).find();
                Matcher v = VISIBILITY.matcher(decls);
                String vis = v.find() ? v.group(2) : null;
                if (!hide && vis == null) {
                    continue;
                }
                for (String selector : m.group(1).split(",")) {
                    String sel = selector.trim();
                    if (sel.isEmpty() || sel.contains(":") || sel.contains("@")) {
                        continue;
                    }
                    try {
                        for (Element e : Selector.select(sel, page.document())) {
                            if (hide) {
                                none.add(e);
                            }
                            if (vis != null) {
                                visibility.put(e, vis);
                            }
                        }
                    } catch (RuntimeException ex) {
                        // a selector Jsoup cannot parse is ignored
                    }
                }
            }
        }
        return new Hiding(none, visibility);
    }

    /** The stylesheet with every at-rule block removed (their conditions cannot be evaluated statically). */
    static String topLevel(String css) {
        StringBuilder out = new StringBuilder(css.length());
        int i = 0;
        while (i < css.length()) {
            char c = css.charAt(i);
            if (c == '@') {
                int brace = css.indexOf('{', i);
                int semi = css.indexOf(';', i);
                if (semi >= 0 && (brace < 0 || semi < brace)) {
                    i = semi + 1; // @import, @charset
                    continue;
                }
                if (brace < 0) {
                    break;
                }
                int depth = 1;
                int j = brace + 1;
                while (j < css.length() && depth > 0) {
                    if (css.charAt(j) == '{') {
                        depth++;
                    } else if (css.charAt(j) == '}') {
                        depth--;
                    }
                    j++;
                }
                i = j;
                continue;
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }
}
