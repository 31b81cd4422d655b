package org.yiyue.rules.css;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;
import org.jsoup.select.Selector;
import org.yiyue.rules.page.Page;

/**
 * Which stylesheet declarations of one property reach which elements, as far as the page's own style elements tell
 * (for the "declared in a style attribute / computed value is important" applicability of the text-spacing rules).
 * Anything a static reading cannot settle — external or imported sheets, selectors with pseudo-classes, at-rule
 * blocks, CSS-wide keywords — makes the answer {@link Origin#UNKNOWN}, so rules answer cantTell rather than guess.
 */
public final class SheetDeclarations {

    /** What the stylesheets declare for the property on one element. */
    public enum Origin { NONE, NORMAL, IMPORTANT, UNKNOWN }

    private static final Pattern RULE = Pattern.compile("([^{}]+)\\{([^{}]*)\\}");

    private final Map<Element, Origin> matched;
    private final boolean unknownEverywhere;

    private SheetDeclarations(Map<Element, Origin> matched, boolean unknownEverywhere) {
        this.matched = matched;
        this.unknownEverywhere = unknownEverywhere;
    }

    public static SheetDeclarations of(Page page, String property) {
        return page.memo("sheet-declarations:" + property, page.document(), () -> read(page, property));
    }

    public Origin on(Element e) {
        if (unknownEverywhere) {
            return Origin.UNKNOWN;
        }
        return matched.getOrDefault(e, Origin.NONE);
    }

    private static SheetDeclarations read(Page page, String property) {
        Map<Element, Origin> matched = Collections.synchronizedMap(new IdentityHashMap<>());
        // a sheet we cannot read may declare anything
        if (!page.document().select("link[rel~=(?i)stylesheet][href]").isEmpty()) {
            return new SheetDeclarations(matched, true);
        }
        Pattern mention = Pattern.compile("(^|[;{\\s])" + Pattern.quote(property) + "\\s*:", Pattern.CASE_INSENSITIVE);
        for (Element style : page.document().select("style")) {
            String css = style.data().replaceAll("(?s)/\\*.*?\\*/", "");
            if (!mention.matcher(css).find()) {
                continue;
            }
            String top = StyleSheets.topLevel(css);
            if (css.toLowerCase(Locale.ROOT).contains("@import") || count(mention, css) != count(mention, top)) {
                return new SheetDeclarations(matched, true); // inside @media/@layer/…: conditions not evaluated
            }
            Matcher m = RULE.matcher(top);
            while (m.find()) {
                Optional<InlineStyle.Declaration> d = InlineStyle.parse(m.group(2)).get(property);
                if (d.isEmpty()) {
                    continue;
                }
                if (CssKeywords.isWideKeyword(d.get().value())) {
                    return new SheetDeclarations(matched, true);
                }
                Origin origin = d.get().important() ? Origin.IMPORTANT : Origin.NORMAL;
                for (String selector : m.group(1).split(",")) {
                    String sel = selector.trim();
                    if (sel.isEmpty()) {
                        continue;
                    }
                    if (sel.contains(":") || sel.contains("@")) {
                        return new SheetDeclarations(matched, true); // state-dependent selector
                    }
                    try {
                        for (Element e : Selector.select(sel, page.document())) {
                            matched.merge(e, origin, (a, b) -> a == Origin.IMPORTANT || b == Origin.IMPORTANT
                                    ? Origin.IMPORTANT : Origin.NORMAL);
                        }
                    } catch (RuntimeException ex) {
                        return new SheetDeclarations(matched, true); // a selector Jsoup cannot read
                    }
                }
            }
        }
        return new SheetDeclarations(matched, false);
    }

    private static int count(Pattern p, String s) {
        Matcher m = p.matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
