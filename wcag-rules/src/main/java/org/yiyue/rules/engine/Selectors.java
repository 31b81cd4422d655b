package org.yiyue.rules.engine;

import org.jsoup.nodes.Element;

/** Unique CSS selectors and truncated HTML snippets for reports. */
public final class Selectors {

    private static final int SNIPPET_MAX = 240;

    private Selectors() {
    }

    /** A selector matching exactly this element: by unique id when possible, else a structural path. */
    public static String unique(Element e) {
        try {
            return e.cssSelector();
        } catch (RuntimeException | Error ex) {
            return path(e);
        }
    }

    private static String path(Element e) {
        StringBuilder b = new StringBuilder();
        for (Element p = e; p != null && p.parent() != null; p = p.parent()) {
            String part = p.tagName() + ":nth-child(" + (p.elementSiblingIndex() + 1) + ")";
            b.insert(0, b.length() == 0 ? part : part + " > ");
        }
        return b.length() == 0 ? e.tagName() : b.toString();
    }

    /** The element's opening tag plus a little content, at most 240 characters. */
    public static String snippet(Element e) {
        String html;
        try {
            html = e.outerHtml();
        } catch (RuntimeException ex) {
            html = "<" + e.tagName() + ">";
        }
        html = html.replaceAll("\\s+", " ").trim();
        // never leak the collector's bookkeeping attribute into reports
        html = html.replaceAll(" data-yiyue-i=\"\\d+\"", "");
        return html.length() <= SNIPPET_MAX ? html : html.substring(0, SNIPPET_MAX - 1) + "…";
    }

    public static boolean valid(String selector) {
        try {
            org.jsoup.select.QueryParser.parse(selector);
            return true;
        } catch (RuntimeException ex) {
            return false;
        }
    }
}
