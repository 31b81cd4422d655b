package org.yiyue.overlay.rewrite;

import java.util.Set;

/**
 * What a body served as text/html really is, judged from its first bytes the way WHATWG MIME sniffing does
 * (leading white space skipped, BOM-aware through {@link PageUnits}): JSON ({@code {}, [, ", )]}'}, a number),
 * JSONP or JavaScript (a call, an assignment, a keyword, a comment), a document (DOCTYPE or html/head/body/frameset
 * tags, found by {@link DocumentStart}) or a fragment (markup without document structure). Only documents get the
 * toolbar: anything else reached an XHR, fetch or {@code $.load} and must arrive byte for byte.
 */
public final class BodySniffer {

    /** The verdict; {@code reason} is what the logs and /api/metrics count. */
    public enum Kind {
        DOCUMENT("document"), JSON("json"), SCRIPT("script"), FRAGMENT("fragment"), EMPTY("empty");

        public final String reason;

        Kind(String reason) {
            this.reason = reason;
        }
    }

    public record Verdict(Kind kind, DocumentStart.Result start) {
    }

    private static final Set<String> JS_KEYWORDS = Set.of("var", "let", "const", "function", "return", "if", "try",
            "new", "typeof", "void", "while", "for", "throw", "class", "async", "await", "use");

    private BodySniffer() {
    }

    public static Verdict sniff(PageUnits units) {
        int n = units.length();
        int i = 0;
        while (i < n && isSpace(units.charAt(i))) {
            i++;
        }
        if (i >= n) {
            return new Verdict(Kind.EMPTY, null);
        }
        char c = units.charAt(i);
        if (c == '{' || c == '[' || c == '"' || c == ')' || c == '-' || c >= '0' && c <= '9') {
            return new Verdict(Kind.JSON, null);
        }
        if (c == '(' || c == '!' || c == ';' || c == '/' || c == '\'' || c == '`') {
            return new Verdict(Kind.SCRIPT, null);
        }
        if (isIdentStart(c) && looksLikeScript(units, i)) {
            return new Verdict(Kind.SCRIPT, null);
        }
        DocumentStart.Result start = DocumentStart.find(units);
        return new Verdict(start.structured() ? Kind.DOCUMENT : Kind.FRAGMENT, start);
    }

    /** An identifier followed by a call, member access, assignment or block, or a JS keyword: JSONP / script. */
    private static boolean looksLikeScript(PageUnits u, int from) {
        int n = u.length();
        int i = from;
        StringBuilder word = new StringBuilder();
        while (i < n && (isIdentStart(u.charAt(i)) || u.charAt(i) >= '0' && u.charAt(i) <= '9')) {
            if (word.length() < 16) {
                word.append(u.charAt(i));
            }
            i++;
        }
        if (JS_KEYWORDS.contains(word.toString()) && i < n && (isSpace(u.charAt(i)) || u.charAt(i) == '(')) {
            return true;
        }
        while (i < n && isSpace(u.charAt(i))) {
            i++;
        }
        if (i >= n) {
            return false;
        }
        char next = u.charAt(i);
        return next == '(' || next == '.' || next == '=' || next == '[' || next == '{' || next == ';';
    }

    private static boolean isIdentStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '$';
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }
}
