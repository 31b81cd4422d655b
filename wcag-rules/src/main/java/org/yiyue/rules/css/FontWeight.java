package org.yiyue.rules.css;

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
 * Bold or not, as the page's own markup declares it: style attributes and the page's style elements (top-level
 * rules; structural pseudo-classes such as :first-child are kept, state pseudo-classes and pseudo-elements are
 * skipped; specificity is ignored, later rules win). External stylesheets are not seen: statically, "not declared"
 * means unknown, not normal.
 */
public final class FontWeight {

    private static final Pattern RULE = Pattern.compile("([^{}]+)\\{([^{}]*)\\}");
    private static final Pattern STRUCTURAL = Pattern.compile(
            ":(first-child|last-child|only-child|first-of-type|last-of-type|nth-child\\([^)]*\\)|nth-of-type\\([^)]*\\))");
    /** CSS font-weight at or above this is bold (700) or semi-bold (600). */
    public static final int BOLD = 600;

    private FontWeight() {
    }

    /** Whether a font-weight value is bold; empty when the value is not understood (inherit, var(…) …). */
    public static Optional<Boolean> weightIsBold(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.equals("bold") || v.equals("bolder")) {
            return Optional.of(true);
        }
        if (v.equals("normal") || v.equals("lighter")) {
            return Optional.of(false);
        }
        try {
            return Optional.of(Double.parseDouble(v) >= BOLD);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** What one declaration block says about boldness: font-weight, else the font shorthand (which resets it). */
    static Optional<Boolean> declared(InlineStyle style) {
        Optional<String> weight = style.value("font-weight");
        if (weight.isPresent()) {
            return weightIsBold(weight.get());
        }
        return style.value("font").map(FontWeight::shorthandIsBold);
    }

    private static boolean shorthandIsBold(String font) {
        for (String token : font.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (token.equals("bold") || token.equals("bolder") || token.matches("[6-9]00")) {
                return true;
            }
        }
        return false;
    }

    /** Boldness the element's own style attribute or the page's style elements declare for it. */
    public static Optional<Boolean> declaredFor(Element e, Page page) {
        Optional<Boolean> inline = declared(InlineStyle.of(e));
        if (inline.isPresent()) {
            return inline;
        }
        return Optional.ofNullable(sheetWeights(page).get(e));
    }

    private static Map<Element, Boolean> sheetWeights(Page page) {
        return page.memo("font-weight-sheets", page.document(), () -> read(page));
    }

    private static Map<Element, Boolean> read(Page page) {
        Map<Element, Boolean> out = new IdentityHashMap<>();
        for (Element style : page.document().select("style")) {
            String media = style.attr("media").trim().toLowerCase(Locale.ROOT);
            if (!media.isEmpty() && !media.equals("all") && !media.equals("screen")) {
                continue;
            }
            Matcher m = RULE.matcher(StyleSheets.topLevel(style.data().replaceAll("(?s)/\\*.*?\\*/", "")));
            while (m.find()) {
                Optional<Boolean> bold = declared(InlineStyle.parse(m.group(2)));
                if (bold.isEmpty()) {
                    continue;
                }
                for (String selector : m.group(1).split(",")) {
                    String sel = selector.trim();
                    if (sel.isEmpty() || STRUCTURAL.matcher(sel).replaceAll("").contains(":")) {
                        continue;
                    }
                    try {
                        for (Element e : Selector.select(sel, page.document())) {
                            out.put(e, bold.get());
                        }
                    } catch (RuntimeException ex) {
                        // a selector Jsoup cannot parse is ignored
                    }
                }
            }
        }
        return out;
    }
}
