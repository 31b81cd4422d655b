package org.yiyue.overlay.rewrite;

import java.util.Set;

/**
 * Finds, in one pass over the bytes, every offset where a root-relative URL starts in a place the browser reads as a
 * URL: link-bearing attributes ({@code href=/x}), {@code srcset} items, CSS {@code url(/x)} and {@code @import "/x"},
 * and a meta refresh {@code ;url=/x}. Protocol-relative {@code //host} and {@code /\} are not root-relative and are
 * skipped. Hand-written because a regex over a 100 KB page costs milliseconds; this costs microseconds.
 */
final class RootLinkScanner {

    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "action", "formaction", "poster",
            "background", "longdesc", "cite", "data", "data-src", "data-href", "data-url");

    private RootLinkScanner() {
    }

    /** Offsets of the '/' that starts each root-relative URL, ascending. */
    static int[] scan(byte[] b, boolean css) {
        IntList out = new IntList();
        for (int i = 0; i < b.length; i++) {
            byte c = b[i];
            if (c == '=' && !css) {
                attribute(b, i, out);
            } else if (c == '(' && i >= 3 && lower(b[i - 1]) == 'l' && lower(b[i - 2]) == 'r' && lower(b[i - 3]) == 'u') {
                valueStart(b, skipSpaceAndQuote(b, i + 1), out);
            } else if (c == '@' && matchesIgnoreCase(b, i + 1, "import")) {
                int j = i + 7;
                int k = skipSpace(b, j);
                if (k > j && k < b.length && (b[k] == '"' || b[k] == '\'')) {
                    valueStart(b, k + 1, out);
                }
            }
        }
        return out.toArray();
    }

    private static void attribute(byte[] b, int eq, IntList out) {
        int end = eq;
        while (end > 0 && isSpace(b[end - 1])) {
            end--;
        }
        int start = end;
        while (start > 0 && isNameChar(b[start - 1])) {
            start--;
        }
        if (start == end || end - start > 12) {
            return;
        }
        String name = lowerAscii(b, start, end);
        boolean afterSpace = start > 0 && isSpace(b[start - 1]);
        if (afterSpace && URL_ATTRIBUTES.contains(name)) {
            valueStart(b, skipSpaceAndQuote(b, eq + 1), out);
        } else if (afterSpace && name.equals("srcset")) {
            srcset(b, skipSpace(b, eq + 1), out);
        } else if (name.equals("url")) {
            // meta refresh: content="5; url=/next"
            int before = start - 1;
            while (before >= 0 && isSpace(b[before])) {
                before--;
            }
            if (before >= 0 && b[before] == ';') {
                valueStart(b, skipSpaceAndQuote(b, eq + 1), out);
            }
        }
    }

    private static void srcset(byte[] b, int at, IntList out) {
        if (at >= b.length || (b[at] != '"' && b[at] != '\'')) {
            return;
        }
        byte quote = b[at];
        int i = at + 1;
        boolean itemStart = true;
        while (i < b.length && b[i] != quote) {
            if (itemStart && !isSpace(b[i])) {
                valueStart(b, i, out);
                itemStart = false;
            }
            if (b[i] == ',') {
                itemStart = true;
            }
            i++;
        }
    }

    private static void valueStart(byte[] b, int at, IntList out) {
        if (at < b.length && b[at] == '/' && (at + 1 >= b.length || (b[at + 1] != '/' && b[at + 1] != '\\'))) {
            out.add(at);
        }
    }

    private static int skipSpaceAndQuote(byte[] b, int i) {
        int j = skipSpace(b, i);
        return j < b.length && (b[j] == '"' || b[j] == '\'') ? j + 1 : j;
    }

    private static int skipSpace(byte[] b, int i) {
        while (i < b.length && isSpace(b[i])) {
            i++;
        }
        return i;
    }

    private static boolean isSpace(byte c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }

    private static boolean isNameChar(byte c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }

    private static int lower(byte c) {
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }

    private static boolean matchesIgnoreCase(byte[] b, int from, String asciiLower) {
        if (from + asciiLower.length() > b.length) {
            return false;
        }
        for (int k = 0; k < asciiLower.length(); k++) {
            if (lower(b[from + k]) != asciiLower.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static String lowerAscii(byte[] b, int start, int end) {
        char[] c = new char[end - start];
        for (int k = start; k < end; k++) {
            c[k - start] = (char) lower(b[k]);
        }
        return new String(c);
    }

    /** Growable int array without boxing. */
    private static final class IntList {
        int[] a = new int[64];
        int n;

        void add(int v) {
            if (n == a.length) {
                a = java.util.Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(a, n);
        }
    }
}
