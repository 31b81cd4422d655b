package org.yiyue.rules.css;

import java.util.Locale;

/** CSS-wide keywords (css-cascade-4 §7.3), for properties that inherit (the text-spacing properties all do). */
public final class CssKeywords {

    private CssKeywords() {
    }

    public static boolean isWideKeyword(String value) {
        return switch (normal(value)) {
            case "inherit", "initial", "unset", "revert", "revert-layer" -> true;
            default -> false;
        };
    }

    /**
     * The value is taken from the parent: inherit, and for an inherited property unset and revert as well (revert in
     * the author origin falls back to the user agent, which sets no text spacing, so the property inherits).
     */
    public static boolean takesParentValue(String value) {
        return switch (normal(value)) {
            case "inherit", "unset", "revert" -> true;
            default -> false;
        };
    }

    /** initial: the property's initial value ("normal" for the text-spacing properties). */
    public static boolean isInitial(String value) {
        return normal(value).equals("initial");
    }

    private static String normal(String value) {
        return value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    }
}
