package org.yiyue.rules.dom;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

/** Small DOM helpers that Jsoup does not have under the names the ACT rules use. */
public final class Dom {

    private Dom() {
    }

    public static boolean isSvg(Element e) {
        if (e.tag().namespace().equals(Parser.NamespaceSvg)) {
            return true;
        }
        // Jsoup's HTML parser keeps SVG descendants in the HTML namespace in some versions: check ancestry
        for (Element p = e; p != null; p = p.parent()) {
            if (p.normalName().equals("svg")) {
                return true;
            }
            if (p.normalName().equals("foreignobject")) {
                return false;
            }
        }
        return false;
    }

    public static boolean isHtml(Element e) {
        return !isSvg(e) && !e.normalName().equals("math");
    }

    /** In a shadow tree (the rendered collector's flat tree marks those elements), not in the document tree. */
    public static boolean inShadowTree(Element e) {
        return e.hasAttr(org.yiyue.rules.page.IndexedFacts.SHADOW_ATTRIBUTE);
    }

    public static boolean hasAuthorName(Element e) {
        return !e.attr("aria-label").isBlank() || !e.attr("aria-labelledby").isBlank() || !e.attr("title").isBlank();
    }

    /** Unicode White_Space-aware blankness (the ACT "whitespace" definition). */
    public static boolean isBlank(String s) {
        if (s == null) {
            return true;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != '\u0085' && c != '\u200B') {
                return false;
            }
        }
        return true;
    }

    /** Empty or only ASCII whitespace (tab, line feed, form feed, carriage return, space), as HTML's rules say. */
    public static boolean isAsciiBlank(String s) {
        if (s == null) {
            return true;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\f' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    /** Collapse whitespace runs and trim (flat string, as accname returns it). */
    public static String flat(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = b.length() > 0;
            } else {
                if (space) {
                    b.append(' ');
                    space = false;
                }
                b.append(c);
            }
        }
        return b.toString();
    }

    public static Element byId(Document doc, String id) {
        return doc.getElementById(id);
    }

    public static List<Element> byIdList(Document doc, String ids) {
        List<Element> out = new ArrayList<>();
        for (String id : ids.trim().split("\\s+")) {
            if (!id.isEmpty()) {
                Element e = doc.getElementById(id);
                if (e != null) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    public static List<TextNode> textChildren(Element e) {
        List<TextNode> out = new ArrayList<>();
        for (Node n : e.childNodes()) {
            if (n instanceof TextNode t && !isBlank(t.getWholeText())) {
                out.add(t);
            }
        }
        return out;
    }

    public static String attrLower(Element e, String name) {
        return e.attr(name).trim().toLowerCase(Locale.ROOT);
    }

    /** Elements inside head, script, style, template and similar never render. */
    public static boolean inNonRenderedContainer(Element e) {
        for (Element p = e; p != null; p = p.parent()) {
            switch (p.normalName()) {
                case "head", "script", "style", "template", "noscript", "title", "meta", "link" -> { return true; }
                default -> { }
            }
        }
        return false;
    }

    /** Parse an integer per HTML's rules for parsing integers (leading whitespace, sign, digits). */
    public static Integer parseHtmlInteger(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        int i = 0;
        boolean negative = false;
        if (i < t.length() && (t.charAt(i) == '-' || t.charAt(i) == '+')) {
            negative = t.charAt(i) == '-';
            i++;
        }
        int start = i;
        while (i < t.length() && Character.isDigit(t.charAt(i)) && t.charAt(i) < 128) {
            i++;
        }
        if (i == start) {
            return null;
        }
        try {
            int v = Integer.parseInt(t.substring(start, Math.min(i, start + 9)));
            return negative ? -v : v;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
