package org.yiyue.rules.checks.keyboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;

/** The inline pointer event handlers of an element, sorted into hover and activation, and what they do. */
final class PointerHandlers {

    /** Pointer-only events and the keyboard-side event that can stand in for them. */
    static final List<String> HOVER = List.of("onmouseover", "onmouseenter", "onmousemove");
    static final List<String> ACTIVATION = List.of("onclick", "onmousedown", "onmouseup", "ondblclick");
    static final String SELECTOR = "[onmouseover], [onmouseenter], [onmousemove], [onclick], [onmousedown], [onmouseup], [ondblclick]";

    /** Handler bodies that do nothing. */
    private static final Pattern NO_OP = Pattern.compile("(?i)\\s*(javascript:)?\\s*(return\\s+(false|true)|void\\s*\\(?0\\)?)?\\s*;?\\s*");
    /**
     * Statements that only restyle the element itself (hover effects, image rollovers, marquee pause) or set the
     * status bar: they carry no function a keyboard user would miss.
     */
    private static final Pattern PRESENTATIONAL = Pattern.compile("(?i)\\s*(javascript:\\s*)?("
            + "this\\.style(\\.[\\w-]+|\\[[^\\]]+\\])\\s*=[^=].*"
            + "|this\\.(classname|src|bgcolor|color)\\s*=[^=].*"
            + "|this\\.classlist\\.(add|remove|toggle)\\s*\\([^)]*\\)"
            + "|(\\$|jquery)\\(\\s*this\\s*\\)\\.(addclass|removeclass|toggleclass|css)\\s*\\(.*\\)"
            + "|this\\.(stop|start)\\s*\\(\\s*\\)"
            + "|(window\\.)?(status|defaultstatus)\\s*=[^=].*"
            + "|mm_swapimage\\s*\\(.*\\)|mm_swapimgrestore\\s*\\(\\s*\\)"
            + "|return\\s+(true|false)"
            + ")\\s*");

    private PointerHandlers() {
    }

    /** The element's pointer handler attributes that do something. */
    static List<String> active(Element e) {
        List<String> out = new ArrayList<>();
        for (List<String> group : List.of(HOVER, ACTIVATION)) {
            for (String a : group) {
                if (e.hasAttr(a) && !NO_OP.matcher(e.attr(a)).matches()) {
                    out.add(a);
                }
            }
        }
        return out;
    }

    /** Every statement of every handler only restyles the element itself. */
    static boolean presentational(Element e, List<String> handlers) {
        for (String a : handlers) {
            for (String statement : e.attr(a).split(";")) {
                if (!statement.isBlank() && !PRESENTATIONAL.matcher(statement.toLowerCase(Locale.ROOT)).matches()) {
                    return false;
                }
            }
        }
        return true;
    }

    static boolean hasKeyHandler(Element e) {
        return e.hasAttr("onkeydown") || e.hasAttr("onkeyup") || e.hasAttr("onkeypress");
    }

    static boolean hasFocusHandler(Element e) {
        return e.hasAttr("onfocus") || e.hasAttr("onfocusin");
    }
}
