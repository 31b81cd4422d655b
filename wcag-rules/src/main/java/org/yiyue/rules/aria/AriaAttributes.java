package org.yiyue.rules.aria;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** ARIA states and properties: which exist, their value types (WAI-ARIA 1.2) and which are global. */
public final class AriaAttributes {

    private AriaAttributes() {
    }

    public enum Type { TRUE_FALSE, TRISTATE, TRUE_FALSE_UNDEFINED, TOKEN, TOKEN_LIST, IDREF, IDREF_LIST, INTEGER, NUMBER, STRING }

    public record Definition(String name, Type type, Set<String> tokens) {
    }

    private static final Map<String, Definition> DEFINITIONS = new HashMap<>();

    private static void def(Type type, String names) {
        for (String n : names.trim().split("\\s+")) {
            DEFINITIONS.put(n, new Definition(n, type, Set.of()));
        }
    }

    private static void tokens(String name, Type type, String tokens) {
        DEFINITIONS.put(name, new Definition(name, type, Set.of(tokens.split(" "))));
    }

    static {
        def(Type.TRUE_FALSE, "aria-atomic aria-busy aria-disabled aria-modal aria-multiline aria-multiselectable "
                + "aria-readonly aria-required");
        def(Type.TRISTATE, "aria-checked aria-pressed");
        def(Type.TRUE_FALSE_UNDEFINED, "aria-expanded aria-grabbed aria-hidden aria-selected");
        tokens("aria-autocomplete", Type.TOKEN, "inline list both none");
        tokens("aria-current", Type.TOKEN, "page step location date time true false");
        tokens("aria-dropeffect", Type.TOKEN_LIST, "copy execute link move none popup");
        tokens("aria-haspopup", Type.TOKEN, "false true menu listbox tree grid dialog");
        tokens("aria-invalid", Type.TOKEN, "grammar false spelling true");
        tokens("aria-live", Type.TOKEN, "assertive off polite");
        tokens("aria-orientation", Type.TOKEN, "horizontal undefined vertical");
        tokens("aria-relevant", Type.TOKEN_LIST, "additions all removals text");
        tokens("aria-sort", Type.TOKEN, "ascending descending none other");
        def(Type.IDREF, "aria-activedescendant aria-errormessage");
        // aria-details is an ID reference in 1.2 and a list in 1.3: accept a list so neither version fails.
        def(Type.IDREF_LIST, "aria-controls aria-describedby aria-flowto aria-labelledby aria-owns aria-details");
        def(Type.INTEGER, "aria-colcount aria-colindex aria-colspan aria-level aria-posinset aria-rowcount "
                + "aria-rowindex aria-rowspan aria-setsize");
        def(Type.NUMBER, "aria-valuemax aria-valuemin aria-valuenow");
        // aria-description, braille and index-text properties are ARIA 1.3: known, so never reported as undefined.
        def(Type.STRING, "aria-label aria-placeholder aria-roledescription aria-valuetext aria-keyshortcuts "
                + "aria-description aria-braillelabel aria-brailleroledescription aria-colindextext aria-rowindextext");
    }

    public static final Set<String> GLOBAL = Set.of("aria-atomic", "aria-busy", "aria-controls", "aria-current",
            "aria-describedby", "aria-description", "aria-details", "aria-disabled", "aria-dropeffect",
            "aria-errormessage", "aria-flowto", "aria-grabbed", "aria-haspopup", "aria-hidden", "aria-invalid",
            "aria-keyshortcuts", "aria-label", "aria-labelledby", "aria-live", "aria-owns", "aria-relevant",
            "aria-roledescription", "aria-braillelabel", "aria-brailleroledescription");

    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    public static boolean isDefined(String name) {
        return DEFINITIONS.containsKey(name.toLowerCase(java.util.Locale.ROOT));
    }

    public static Definition definition(String name) {
        return DEFINITIONS.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    /** Whether a non-empty value is valid for the attribute's value type (ID references need not resolve). */
    public static boolean isValidValue(String name, String rawValue) {
        Definition d = definition(name);
        if (d == null) {
            return false;
        }
        String v = rawValue.trim().toLowerCase(java.util.Locale.ROOT);
        return switch (d.type()) {
            case TRUE_FALSE -> v.equals("true") || v.equals("false");
            case TRISTATE -> v.equals("true") || v.equals("false") || v.equals("mixed");
            case TRUE_FALSE_UNDEFINED -> v.equals("true") || v.equals("false") || v.equals("undefined");
            case TOKEN -> d.tokens().contains(v);
            case TOKEN_LIST -> !v.isEmpty() && java.util.Arrays.stream(v.split("\\s+")).allMatch(d.tokens()::contains);
            case IDREF -> !v.isEmpty() && !v.matches(".*\\s.*");
            case IDREF_LIST, STRING -> true;
            case INTEGER -> INTEGER.matcher(v).matches();
            case NUMBER -> NUMBER.matcher(v).matches();
        };
    }
}
