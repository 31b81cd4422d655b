package org.yiyue.rules.css;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A CSS length or number as written: value plus unit ("" for a bare number). */
public record Length(double value, String unit) {

    private static final Pattern LENGTH = Pattern.compile("^([+-]?(?:\\d+\\.?\\d*|\\.\\d+))([a-z%]*)$");

    public static Optional<Length> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = LENGTH.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Length(Double.parseDouble(m.group(1)), m.group(2)));
    }

    /** Pixels, when absolute; the font size is needed for em. Empty for units we cannot resolve. */
    public Optional<Double> toPx(Double fontSizePx) {
        return switch (unit) {
            case "px" -> Optional.of(value);
            case "pt" -> Optional.of(value * 4 / 3);
            case "pc" -> Optional.of(value * 16);
            case "in" -> Optional.of(value * 96);
            case "cm" -> Optional.of(value * 96 / 2.54);
            case "mm" -> Optional.of(value * 96 / 25.4);
            case "em" -> fontSizePx == null ? Optional.empty() : Optional.of(value * fontSizePx);
            default -> Optional.empty();
        };
    }
}
