package org.yiyue.rules.checks.text;

import java.util.Optional;

import org.jsoup.nodes.Element;
import org.yiyue.rules.color.CssColor;
import org.yiyue.rules.css.InlineStyle;
import org.yiyue.rules.page.Page;
import org.yiyue.rules.page.Rgba;

/**
 * The static reading of "text in its background's colour": the element's own style attribute sets an opaque text
 * colour and the same opaque background colour. Only trusted on pages without stylesheets and without text shadows
 * in style attributes, where nothing else can repaint the text (no guess: otherwise the text stays a target).
 */
final class InlineColours {

    private InlineColours() {
    }

    static boolean sameAsBackground(Element e, Page page) {
        if (!page.document().select("style, link[rel~=(?i)stylesheet]").isEmpty()) {
            return false;
        }
        InlineStyle s = InlineStyle.of(e);
        Optional<Rgba> fg = s.value("color").flatMap(CssColor::parse);
        Optional<Rgba> bg = s.value("background-color").or(() -> s.value("background")).flatMap(CssColor::parse);
        if (fg.isEmpty() || bg.isEmpty() || !fg.get().opaque() || !bg.get().opaque() || !fg.get().equals(bg.get())) {
            return false;
        }
        for (Element p = e; p != null; p = p.parent()) {
            String style = p.attr("style").toLowerCase(java.util.Locale.ROOT);
            if (style.contains("shadow") || style.contains("stroke")) {
                return false;
            }
        }
        return true;
    }
}
