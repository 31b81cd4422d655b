package org.yiyue.rules.color;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yiyue.rules.page.Rgba;

/** Parses the CSS colour forms browsers report (rgb/rgba) plus hex and a few keywords authors write inline. */
public final class CssColor {

    private CssColor() {
    }

    private static final Pattern RGB = Pattern.compile(
            "rgba?\\(\\s*([\\d.]+)[\\s,]+([\\d.]+)[\\s,]+([\\d.]+)(?:\\s*[,/]\\s*([\\d.]+%?))?\\s*\\)");
    private static final Map<String, Rgba> NAMED = Map.of(
            "black", Rgba.BLACK, "white", Rgba.WHITE, "red", new Rgba(255, 0, 0, 1),
            "green", new Rgba(0, 128, 0, 1), "blue", new Rgba(0, 0, 255, 1), "gray", new Rgba(128, 128, 128, 1),
            "grey", new Rgba(128, 128, 128, 1), "yellow", new Rgba(255, 255, 0, 1),
            "transparent", new Rgba(0, 0, 0, 0), "silver", new Rgba(192, 192, 192, 1));

    public static Optional<Rgba> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        Matcher m = RGB.matcher(t);
        if (m.matches()) {
            double a = 1;
            if (m.group(4) != null) {
                String alpha = m.group(4);
                a = alpha.endsWith("%") ? Double.parseDouble(alpha.substring(0, alpha.length() - 1)) / 100
                        : Double.parseDouble(alpha);
            }
            return Optional.of(new Rgba(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)),
                    Double.parseDouble(m.group(3)), a));
        }
        if (t.matches("#[0-9a-f]{3}|#[0-9a-f]{6}")) {
            String h = t.substring(1);
            if (h.length() == 3) {
                h = "" + h.charAt(0) + h.charAt(0) + h.charAt(1) + h.charAt(1) + h.charAt(2) + h.charAt(2);
            }
            return Optional.of(new Rgba(Integer.parseInt(h.substring(0, 2), 16),
                    Integer.parseInt(h.substring(2, 4), 16), Integer.parseInt(h.substring(4, 6), 16), 1));
        }
        return Optional.ofNullable(NAMED.get(t));
    }
}
