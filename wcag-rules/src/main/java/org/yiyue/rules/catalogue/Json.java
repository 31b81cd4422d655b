package org.yiyue.rules.catalogue;

import java.util.Collection;
import java.util.Map;

/** A tiny JSON writer (the library depends on Jsoup only): maps, collections, strings, numbers, booleans, null. */
public final class Json {

    private Json() {
    }

    public static String write(Object value) {
        StringBuilder b = new StringBuilder();
        write(b, value, 0);
        return b.append('\n').toString();
    }

    private static void write(StringBuilder b, Object v, int indent) {
        if (v == null) {
            b.append("null");
        } else if (v instanceof String s) {
            string(b, s);
        } else if (v instanceof Number || v instanceof Boolean) {
            b.append(v);
        } else if (v instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                b.append("{}");
                return;
            }
            b.append("{\n");
            int i = 0;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                pad(b, indent + 1);
                string(b, String.valueOf(e.getKey()));
                b.append(": ");
                write(b, e.getValue(), indent + 1);
                b.append(++i < m.size() ? ",\n" : "\n");
            }
            pad(b, indent);
            b.append('}');
        } else if (v instanceof Collection<?> c) {
            if (c.isEmpty()) {
                b.append("[]");
                return;
            }
            boolean simple = c.stream().allMatch(x -> x instanceof String || x instanceof Number);
            b.append(simple ? "[" : "[\n");
            int i = 0;
            for (Object x : c) {
                if (!simple) {
                    pad(b, indent + 1);
                }
                write(b, x, indent + 1);
                if (++i < c.size()) {
                    b.append(simple ? ", " : ",\n");
                } else if (!simple) {
                    b.append('\n');
                }
            }
            if (!simple) {
                pad(b, indent);
            }
            b.append(']');
        } else {
            string(b, v.toString());
        }
    }

    private static void pad(StringBuilder b, int indent) {
        b.append("  ".repeat(indent));
    }

    static void string(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
