package org.yiyue.rules.engine;

import org.jsoup.nodes.Element;

/** Unique CSS selectors and truncated HTML snippets for reports. */
public final class Selectors {

    private static final int SNIPPET_MAX = 240;

    private Selectors() {
    }

    /** A selector matching exactly this element (page-less variant, for callers without a Page). */
    public static String unique(Element e) {
        return unique(e, null);
    }

    /**
     * A selector matching exactly this element: the closest element with a page-unique id, then a child path with
     * :nth-child — unique by construction, so no document-wide query is needed (Jsoup's cssSelector() queries
     * the document at every step, which is quadratic on big pages).
     */
    public static String unique(Element e, org.yiyue.rules.page.Page page) {
        java.util.Map<String, Integer> ids = page == null ? idCounts(e.ownerDocument())
                : page.memo("ids", page.document(), () -> idCounts(page.document()));
        // walk up to a stop or to an ancestor whose path is known (memoised per page: rules target the same
        // elements, and paths share their ancestors' prefix), then build the paths back down
        java.util.ArrayDeque<Element> below = new java.util.ArrayDeque<>();
        String path = null;
        for (Element p = e; p != null; p = p.parent()) {
            String known = page == null ? null : page.known("unique-selector", p);
            if (known != null) {
                path = known;
                break;
            }
            String stop = stop(p, ids);
            if (stop != null) {
                path = remember(page, p, stop);
                break;
            }
            below.push(p);
        }
        while (!below.isEmpty()) {
            Element p = below.pop();
            path = remember(page, p, (path == null ? "" : path + " > ") + part(p));
        }
        return path;
    }

    private static String remember(org.yiyue.rules.page.Page page, Element e, String path) {
        return page == null ? path : page.memo("unique-selector", e, () -> path);
    }

    /** Where a path starts: the closest element with a page-unique id, or the root. Null when it goes on upwards. */
    private static String stop(Element p, java.util.Map<String, Integer> ids) {
        String id = p.id();
        if (!id.isEmpty() && IDENT.matcher(id).matches() && ids.getOrDefault(id, 0) == 1) {
            return "#" + id;
        }
        if (p.parent() == null || p.normalName().equals("html")) {
            return p.normalName();
        }
        return null;
    }

    private static String part(Element p) {
        return cssTag(p) + ":nth-child(" + (p.elementSiblingIndex() + 1) + ")";
    }

    private static final java.util.regex.Pattern IDENT = java.util.regex.Pattern.compile("-?[A-Za-z_][A-Za-z0-9_-]*");
    private static final java.util.regex.Pattern TAG = java.util.regex.Pattern.compile("[a-z][a-z0-9-]*");
    private static final java.util.regex.Pattern BLANKS = java.util.regex.Pattern.compile("\\s+");

    private static String cssTag(Element p) {
        String tag = p.tagName().toLowerCase(java.util.Locale.ROOT);
        return TAG.matcher(tag).matches() ? tag : "*";
    }

    private static java.util.Map<String, Integer> idCounts(org.jsoup.nodes.Document doc) {
        java.util.Map<String, Integer> counts = new java.util.HashMap<>();
        if (doc != null) {
            for (Element x : doc.getAllElements()) {
                if (!x.id().isEmpty()) {
                    counts.merge(x.id(), 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    /**
     * The element's opening tag plus the start of its text, at most 240 characters. Built without serialising the
     * subtree, which on a body or html element would cost the whole document.
     */
    public static String snippet(Element e) {
        return build(e);
    }

    /** The same snippet, memoised on the page (several rules report the same element). */
    public static String snippet(Element e, org.yiyue.rules.page.Page page) {
        return page.memo("snippet", e, () -> build(e));
    }

    private static String build(Element e) {
        String open;
        try {
            Element shallow = e.shallowClone();
            shallow.removeAttr("data-yiyue-i"); // never leak the collector's bookkeeping attributes into reports
            shallow.removeAttr("data-yiyue-shadow");
            shallow.removeAttr(org.yiyue.rules.page.MediaFacts.ATTRIBUTE);
            String html = BLANKS.matcher(shallow.outerHtml()).replaceAll(" ").trim();
            String close = "</" + e.tagName() + ">";
            open = html.endsWith(close) ? html.substring(0, html.length() - close.length()) : html;
            if (html.equals(open)) {
                return cut(open); // void element
            }
        } catch (RuntimeException ex) {
            open = "<" + e.tagName() + ">";
        }
        StringBuilder text = new StringBuilder();
        preview(e, text, SNIPPET_MAX);
        String inner = BLANKS.matcher(text).replaceAll(" ").trim();
        return cut(open + inner + (e.childNodeSize() > 0 ? "</" + e.tagName() + ">" : ""));
    }

    private static void preview(org.jsoup.nodes.Node n, StringBuilder out, int budget) {
        for (org.jsoup.nodes.Node c : n.childNodes()) {
            if (out.length() >= budget) {
                return;
            }
            if (c instanceof org.jsoup.nodes.TextNode t) {
                out.append(t.getWholeText(), 0, Math.min(t.getWholeText().length(), budget - out.length()));
            } else if (c instanceof Element child) {
                if (child.normalName().equals("script") || child.normalName().equals("style")) {
                    continue;
                }
                // child tags are evidence too (an img without alt inside an empty-looking link)
                String open = openTag(child);
                out.append(open, 0, Math.min(open.length(), Math.max(0, budget - out.length())));
                preview(child, out, budget);
                if (child.childNodeSize() > 0 && out.length() < budget) {
                    out.append("</").append(child.tagName()).append('>');
                }
            }
        }
    }

    private static String openTag(Element e) {
        try {
            Element shallow = e.shallowClone();
            shallow.removeAttr("data-yiyue-i");
            shallow.removeAttr("data-yiyue-shadow");
            shallow.removeAttr(org.yiyue.rules.page.MediaFacts.ATTRIBUTE);
            String html = shallow.outerHtml();
            String close = "</" + e.tagName() + ">";
            return html.endsWith(close) ? html.substring(0, html.length() - close.length()) : html;
        } catch (RuntimeException ex) {
            return "<" + e.tagName() + ">";
        }
    }

    private static String cut(String s) {
        return s.length() <= SNIPPET_MAX ? s : s.substring(0, SNIPPET_MAX - 1) + "…";
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
