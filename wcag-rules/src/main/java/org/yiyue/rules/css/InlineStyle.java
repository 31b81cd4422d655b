package org.yiyue.rules.css;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jsoup.nodes.Element;

/** The declarations of a style attribute, last one winning, with their !important flag. */
public final class InlineStyle {

    public record Declaration(String property, String value, boolean important) {
    }

    private static final java.util.regex.Pattern IMPORTANT =
            java.util.regex.Pattern.compile("!\\s*important\\s*$", java.util.regex.Pattern.CASE_INSENSITIVE);

    private final Map<String, Declaration> declarations;

    private InlineStyle(Map<String, Declaration> declarations) {
        this.declarations = declarations;
    }

    private static final InlineStyle EMPTY = new InlineStyle(Map.of());

    public static InlineStyle of(Element element) {
        return parse(element.attr("style"));
    }

    public static InlineStyle parse(String style) {
        if (style == null || style.isBlank()) {
            return EMPTY; // most elements: no map to build
        }
        Map<String, Declaration> map = new LinkedHashMap<>();
        if (style != null && !style.isBlank()) {
            for (String part : style.split(";")) {
                int colon = part.indexOf(':');
                if (colon <= 0) {
                    continue;
                }
                String prop = part.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = part.substring(colon + 1).trim();
                // "! important" with blanks is the same annotation (css-syntax)
                java.util.regex.Matcher bang = IMPORTANT.matcher(value);
                boolean important = bang.find();
                if (important) {
                    value = value.substring(0, bang.start()).trim();
                }
                Declaration previous = map.get(prop);
                // an earlier !important declaration beats a later normal one
                if (previous != null && previous.important() && !important) {
                    continue;
                }
                map.put(prop, new Declaration(prop, value, important));
            }
        }
        return new InlineStyle(map);
    }

    public boolean isEmpty() {
        return declarations.isEmpty();
    }

    public Optional<Declaration> get(String property) {
        return Optional.ofNullable(declarations.get(property));
    }

    public Optional<String> value(String property) {
        return get(property).map(d -> d.value().toLowerCase(Locale.ROOT));
    }
}
