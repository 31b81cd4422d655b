package org.yiyue.rules.cases;

import java.util.Optional;

import org.jsoup.nodes.Element;
import org.yiyue.rules.color.CssColor;
import org.yiyue.rules.page.Box;
import org.yiyue.rules.page.ElementFacts;
import org.yiyue.rules.page.RenderedFacts;

/**
 * Test double for a browser: facts are written on the elements of a case as data-facts="key:value;…"
 * (color, bg, font:size/weight, box:x,y,w,h, display, pos, scroll, focus, visible, lines, obscured, fstyle).
 */
final class AttributeFacts implements RenderedFacts {

    @Override
    public Optional<ElementFacts> of(Element element) {
        if (!element.hasAttr("data-facts")) {
            return Optional.empty();
        }
        ElementFacts.Builder b = ElementFacts.builder();
        for (String part : element.attr("data-facts").split(";")) {
            int colon = part.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = part.substring(0, colon).trim();
            String v = part.substring(colon + 1).trim();
            switch (key) {
                case "color" -> b.color(CssColor.parse(v).orElseThrow());
                case "bg" -> b.background(CssColor.parse(v).orElseThrow());
                case "font" -> {
                    String[] sw = v.split("/");
                    b.fontSizePx(Double.parseDouble(sw[0])).fontWeight(Integer.parseInt(sw[1]));
                }
                case "box" -> {
                    String[] n = v.split(",");
                    b.box(new Box(Double.parseDouble(n[0]), Double.parseDouble(n[1]), Double.parseDouble(n[2]),
                            Double.parseDouble(n[3])));
                }
                case "display" -> b.display(v);
                case "pos" -> b.position(v);
                case "scroll" -> b.scrollable(v.equals("1"));
                case "focus" -> b.focusable(v.equals("1"));
                case "visible" -> b.visible(v.equals("1"));
                case "lines" -> b.lineCount(Integer.parseInt(v));
                case "obscured" -> b.focusObscured(v);
                case "fstyle" -> b.focusChangesStyle(v.equals("1"));
                case "fpixels" -> b.focusChangesPixels(v.equals("1"));
                case "wspace" -> b.wordSpacingPx(Double.parseDouble(v));
                case "lspace" -> b.letterSpacingPx(Double.parseDouble(v));
                case "lheight" -> b.lineHeightPx(Double.parseDouble(v));
                case "generated" -> b.generatedContent(v);
                default -> throw new IllegalArgumentException("unknown fact " + key);
            }
        }
        return Optional.of(b.build());
    }

    @Override
    public double viewportWidth() {
        return 1280;
    }

    @Override
    public double viewportHeight() {
        return 900;
    }
}
