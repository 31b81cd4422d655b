package org.yiyue.overlay.rewrite;

import java.util.Set;

/**
 * Walks the start of a page with the states of the WHATWG HTML tokenizer (data, tag open, tag name, attribute
 * values in quotes, comments incl. the abrupt {@code <!-->} forms, bogus comments, DOCTYPE, CDATA as a bogus comment
 * outside foreign content, RAWTEXT/RCDATA of style, title, textarea…, and script data with its escaped and
 * double-escaped states) to find where a {@code <script>} tag can go: right after the real {@code <head>} start tag.
 * A {@code <head>} inside a comment, a script string or a title is text, not a tag. It also reports whether the
 * page has document structure at all (a DOCTYPE or an html/head/body/frameset tag), which fragments do not.
 * Stops at the head (or the body): the rest of the page is never read.
 */
public final class DocumentStart {

    /** Where the tag goes (a unit index), what it was found after, and whether the page is a document. */
    public record Result(int insertAt, String after, boolean structured) {
    }

    private static final Set<String> RAWTEXT = Set.of("style", "xmp", "iframe", "noembed", "noframes", "noscript",
            "title", "textarea");

    private final CharSequence s;
    private final int n;
    private int i;
    private int afterHtml = -1;
    private int afterDoctype = -1;
    private boolean structured;

    private DocumentStart(CharSequence s) {
        this.s = s;
        this.n = s.length();
    }

    public static Result find(CharSequence page) {
        return new DocumentStart(page).scan();
    }

    private Result scan() {
        while (i < n) {
            if (s.charAt(i) != '<') {
                i++;
                continue;
            }
            int lt = i;
            i++;
            if (i >= n) {
                break;
            }
            char c = s.charAt(i);
            if (c == '!') {
                markup();
            } else if (c == '/') {
                i++;
                if (i < n && isAlpha(s.charAt(i))) {
                    tagName();
                    attributes();
                } else if (i < n && s.charAt(i) != '>') {
                    bogusComment();
                } else {
                    i++;
                }
            } else if (c == '?') {
                bogusComment();
            } else if (isAlpha(c)) {
                String name = tagName();
                attributes();
                int end = i;
                switch (name) {
                    case "head" -> {
                        return new Result(end, "head", true);
                    }
                    case "body", "frameset" -> {
                        structured = true;
                        return fallback();
                    }
                    case "html" -> {
                        structured = true;
                        if (afterHtml < 0) {
                            afterHtml = end;
                        }
                    }
                    case "script" -> scriptData();
                    case "plaintext" -> {
                        return fallback();
                    }
                    default -> {
                        if (RAWTEXT.contains(name)) {
                            rawText(name);
                        }
                    }
                }
            } else {
                i = lt + 1; // "<" as text
            }
        }
        return fallback();
    }

    private Result fallback() {
        if (afterHtml >= 0) {
            return new Result(afterHtml, "html", structured);
        }
        if (afterDoctype >= 0) {
            return new Result(afterDoctype, "doctype", structured);
        }
        return new Result(0, "start", structured);
    }

    /** At "!" after "<": comment, DOCTYPE, CDATA or bogus comment. */
    private void markup() {
        i++; // past "!"
        if (startsWith("--")) {
            i += 2;
            // abrupt closing: <!--> and <!--->
            if (startsWith(">")) {
                i++;
                return;
            }
            if (startsWith("->")) {
                i += 2;
                return;
            }
            while (i < n) {
                if (startsWith("-->")) {
                    i += 3;
                    return;
                }
                if (startsWith("--!>")) {
                    i += 4;
                    return;
                }
                i++;
            }
            return;
        }
        if (startsWithIgnoreCase("doctype")) {
            structured = true;
            skipTo('>');
            if (afterDoctype < 0) {
                afterDoctype = i;
            }
            return;
        }
        // "[CDATA[" outside foreign content, and anything else: a bogus comment up to the next ">"
        skipTo('>');
    }

    private void bogusComment() {
        skipTo('>');
    }

    private void skipTo(char c) {
        while (i < n && s.charAt(i) != c) {
            i++;
        }
        if (i < n) {
            i++;
        }
    }

    /** Reads an ASCII tag name (lower-cased) up to white space, "/" or ">". */
    private String tagName() {
        StringBuilder name = new StringBuilder(8);
        while (i < n) {
            char c = s.charAt(i);
            if (isSpace(c) || c == '/' || c == '>') {
                break;
            }
            if (name.length() < 16) {
                name.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
            }
            i++;
        }
        return name.toString();
    }

    /** Attribute names and values (quoted values may hold ">") up to and including the tag's ">". */
    private void attributes() {
        while (i < n) {
            char c = s.charAt(i);
            if (c == '>') {
                i++;
                return;
            }
            if (isSpace(c) || c == '/') {
                i++;
                continue;
            }
            // attribute name: up to white space, "/", ">" or "="
            i++;
            while (i < n && !isSpace(s.charAt(i)) && s.charAt(i) != '/' && s.charAt(i) != '>' && s.charAt(i) != '=') {
                i++;
            }
            while (i < n && isSpace(s.charAt(i))) {
                i++;
            }
            if (i < n && s.charAt(i) == '=') {
                i++;
                while (i < n && isSpace(s.charAt(i))) {
                    i++;
                }
                if (i < n && (s.charAt(i) == '"' || s.charAt(i) == '\'')) {
                    char q = s.charAt(i++);
                    skipTo(q);
                } else {
                    while (i < n && !isSpace(s.charAt(i)) && s.charAt(i) != '>') {
                        i++;
                    }
                }
            }
        }
    }

    /** RAWTEXT / RCDATA: everything up to the matching end tag is text. */
    private void rawText(String name) {
        while (i < n) {
            if (s.charAt(i) == '<' && isEndTag(i, name)) {
                return; // the main loop reads the end tag
            }
            i++;
        }
    }

    /** Script data, with the escaped ("<!--") and double-escaped ("<!-- <script>") states of the spec. */
    private void scriptData() {
        boolean escaped = false;
        boolean doubleEscaped = false;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '<') {
                if (!escaped && startsWith("<!--")) {
                    escaped = true;
                    i += 4;
                    continue;
                }
                if (isEndTag(i, "script")) {
                    if (doubleEscaped) {
                        doubleEscaped = false;
                        i += 8;
                        continue;
                    }
                    return;
                }
                if (escaped && !doubleEscaped && isStartTag(i, "script")) {
                    doubleEscaped = true;
                    i += 7;
                    continue;
                }
            } else if (c == '-' && escaped && startsWith("-->")) {
                escaped = false;
                doubleEscaped = false;
                i += 3;
                continue;
            }
            i++;
        }
    }

    private boolean isEndTag(int at, String name) {
        return at + 2 + name.length() <= n && s.charAt(at + 1) == '/' && regionIgnoreCase(at + 2, name)
                && terminates(at + 2 + name.length());
    }

    private boolean isStartTag(int at, String name) {
        return at + 1 + name.length() <= n && regionIgnoreCase(at + 1, name) && terminates(at + 1 + name.length());
    }

    private boolean terminates(int at) {
        if (at >= n) {
            return true;
        }
        char c = s.charAt(at);
        return isSpace(c) || c == '/' || c == '>';
    }

    private boolean startsWith(String ascii) {
        if (i + ascii.length() > n) {
            return false;
        }
        for (int k = 0; k < ascii.length(); k++) {
            if (s.charAt(i + k) != ascii.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private boolean startsWithIgnoreCase(String asciiLower) {
        return i + asciiLower.length() <= n && regionIgnoreCase(i, asciiLower);
    }

    private boolean regionIgnoreCase(int at, String asciiLower) {
        for (int k = 0; k < asciiLower.length(); k++) {
            char c = s.charAt(at + k);
            if ((c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) != asciiLower.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAlpha(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }
}
