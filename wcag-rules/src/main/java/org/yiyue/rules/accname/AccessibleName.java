package org.yiyue.rules.accname;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.yiyue.rules.aria.AriaRoles;
import org.yiyue.rules.aria.Roles;
import org.yiyue.rules.dom.Dom;
import org.yiyue.rules.dom.Visibility;
import org.yiyue.rules.page.Page;

/**
 * Accessible name computation after accname 1.2 and HTML-AAM: aria-labelledby, aria-label, native labels
 * (label[for], wrapping label, alt, legend, caption, figcaption, svg title, button values), name from content with
 * embedded controls, title, and placeholder as the last resort. Hidden nodes are skipped unless reached directly by
 * aria-labelledby. CSS generated content is not seen (static model).
 */
public final class AccessibleName {

    private final Page page;
    private final Set<Element> visited = new HashSet<>();
    /** Inside a hidden element reached by aria-labelledby or a label: its hidden content counts too (accname 2A). */
    private boolean includeHidden;

    private AccessibleName(Page page) {
        this.page = page;
    }

    /** The flat (whitespace-collapsed, trimmed) accessible name of an element; "" when it has none. */
    public static String of(Element e, Page page) {
        return Dom.flat(new AccessibleName(page).compute(e, false, false, true));
    }

    /** Whether the name comes from aria-label or aria-labelledby (ACT "named from author" for any element). */
    public static boolean namedFromAuthor(Element e, Page page) {
        if (!Dom.byIdList(page.document(), e.attr("aria-labelledby")).isEmpty()) {
            return true;
        }
        return !Dom.isBlank(e.attr("aria-label"));
    }

    /**
     * @param inLabelledBy  computing a node reached by aria-labelledby (2B not re-entered)
     * @param inContent     computing as part of a name from content or label traversal (recursion)
     * @param root          the element whose name is asked for
     */
    private String compute(Element e, boolean inLabelledBy, boolean inContent, boolean root) {
        if (!visited.add(e)) {
            return "";
        }
        try {
            return computeStep(e, inLabelledBy, inContent, root);
        } finally {
            visited.remove(e);
        }
    }

    private String computeStep(Element e, boolean inLabelledBy, boolean inContent, boolean root) {
        // 2A: hidden nodes contribute nothing unless directly referenced by aria-labelledby
        if (!root && !includeHidden && Visibility.programmaticallyHidden(e, page)) {
            return "";
        }
        // 2B
        if (!inLabelledBy) {
            List<Element> refs = Dom.byIdList(page.document(), e.attr("aria-labelledby"));
            if (!refs.isEmpty()) {
                StringBuilder b = new StringBuilder();
                for (Element r : refs) {
                    // a self reference contributes the element's own name without following labelledby again
                    String part = r == e ? computeStep(e, true, true, true) : referenced(r, true);
                    if (!part.isBlank()) {
                        b.append(b.length() > 0 ? " " : "").append(part.trim());
                    }
                }
                if (!b.toString().isBlank()) {
                    return b.toString();
                }
            }
        }
        String role = Roles.semantic(e, page);
        // 2C (embedded controls in a label use their value instead, 2E)
        if (inContent && !root && isEmbeddedControl(role)) {
            return embeddedValue(e, role);
        }
        String label = e.attr("aria-label");
        if (!Dom.isBlank(label)) {
            return label.trim();
        }
        // 2D native, unless the element is presentational (accname 1.2: alt of an img with role none is ignored)
        boolean presentational = ("none".equals(role) || "presentation".equals(role)) && Roles.explicit(e).isPresent();
        String nativeName = presentational ? null : nativeName(e, role);
        if (nativeName != null && !Dom.isBlank(nativeName)) {
            return nativeName;
        }
        if (nativeName != null && e.normalName().equals("img") && e.hasAttr("alt")) {
            return ""; // alt="" ends the computation
        }
        // 2F name from content
        if (inContent || inLabelledBy || (role != null && AriaRoles.NAME_FROM_CONTENT.contains(role))
                || nameFromContentNative(e)) {
            String content = fromContent(e);
            if (!Dom.isBlank(content)) {
                return content;
            }
        }
        // 2I tooltip
        String title = e.attr("title");
        if (!Dom.isBlank(title)) {
            return title;
        }
        if (e.normalName().equals("input") || e.normalName().equals("textarea")) {
            String ph = e.attr("placeholder");
            if (!Dom.isBlank(ph)) {
                return ph;
            }
            String ariaPh = e.attr("aria-placeholder");
            if (!Dom.isBlank(ariaPh)) {
                return ariaPh;
            }
        }
        return "";
    }

    private static boolean nameFromContentNative(Element e) {
        return switch (e.normalName()) {
            case "label", "legend", "caption", "figcaption", "summary", "td", "th", "option", "a", "button" -> true;
            default -> false;
        };
    }

    private static boolean isEmbeddedControl(String role) {
        return role != null && switch (role) {
            case "textbox", "searchbox", "combobox", "listbox", "slider", "spinbutton" -> true;
            default -> false;
        };
    }

    private String embeddedValue(Element e, String role) {
        switch (role) {
            case "textbox", "searchbox":
                return e.normalName().equals("textarea") ? e.wholeText() : e.attr("value");
            case "combobox", "listbox": {
                Element selected = e.selectFirst("option[selected]");
                if (selected == null && e.normalName().equals("select") && !e.hasAttr("multiple")) {
                    selected = e.selectFirst("option");
                }
                if (selected == null) {
                    selected = e.selectFirst("[aria-selected=true]");
                }
                return selected == null ? e.attr("value") : Dom.flat(selected.text());
            }
            default: {
                if (!e.attr("aria-valuetext").isBlank()) {
                    return e.attr("aria-valuetext");
                }
                if (!e.attr("aria-valuenow").isBlank()) {
                    return e.attr("aria-valuenow");
                }
                return e.attr("value");
            }
        }
    }

    /** HTML-AAM native naming; null when the element has no native naming mechanism. */
    private String nativeName(Element e, String role) {
        String tag = e.normalName();
        if (Dom.isSvg(e)) {
            if (tag.equals("title") || tag.equals("desc")) {
                return null;
            }
            Element title = e.selectFirst("> title");
            return title == null ? null : Dom.flat(title.text());
        }
        switch (tag) {
            case "input": {
                String type = Dom.attrLower(e, "type");
                switch (type) {
                    case "button":
                        return e.attr("value");
                    case "submit":
                    case "reset": {
                        if (e.hasAttr("value")) {
                            return e.attr("value");
                        }
                        String fromLabel = labels(e);
                        if (!Dom.isBlank(fromLabel)) {
                            return fromLabel;
                        }
                        return type.equals("submit") ? "Submit" : "Reset";
                    }
                    case "image": {
                        if (!Dom.isBlank(e.attr("alt"))) {
                            return e.attr("alt");
                        }
                        if (!Dom.isBlank(e.attr("value"))) {
                            return e.attr("value");
                        }
                        if (!Dom.isBlank(e.attr("title"))) {
                            return e.attr("title");
                        }
                        return "Submit Query";
                    }
                    default:
                        return labels(e);
                }
            }
            case "select": case "textarea": case "meter": case "progress": case "output":
                return labels(e);
            case "button":
                return labels(e);
            case "img": case "area":
                return e.hasAttr("alt") ? e.attr("alt") : null;
            case "fieldset": {
                Element legend = e.selectFirst("> legend");
                return legend == null ? null : compute(legend, false, true, false);
            }
            case "table": {
                Element caption = e.selectFirst("> caption");
                return caption == null ? null : compute(caption, false, true, false);
            }
            case "figure": {
                Element caption = e.selectFirst("> figcaption");
                return caption == null ? null : compute(caption, false, true, false);
            }
            default:
                return null;
        }
    }

    private String labels(Element control) {
        StringBuilder b = new StringBuilder();
        String id = control.id();
        Set<Element> seen = new HashSet<>();
        // label[for] points at the FIRST element with that id: a later element sharing the id gets no label from it
        if (!id.isEmpty() && firstWithId(page).get(id) == control) {
            for (Element label : labelsFor(page).getOrDefault(id, List.of())) {
                if (seen.add(label)) {
                    append(b, referenced(label, false));
                }
            }
        }
        Element wrapping = control.closest("label");
        // a wrapping label labels its first labelable descendant only when it has no for attribute
        if (wrapping != null && !wrapping.hasAttr("for") && seen.add(wrapping)) {
            append(b, compute(wrapping, false, true, false));
        }
        return b.toString();
    }

    /** A node named by reference (aria-labelledby or label[for]): hidden ones still give their text. */
    private String referenced(Element r, boolean labelledBy) {
        boolean hidden = Visibility.programmaticallyHidden(r, page);
        boolean before = includeHidden;
        includeHidden = before || hidden;
        try {
            return compute(r, labelledBy, true, true);
        } finally {
            includeHidden = before;
        }
    }

    /** The first element in tree order for each id, as getElementById answers, indexed once per page. */
    private static java.util.Map<String, Element> firstWithId(Page page) {
        return page.memo("firstWithId", page.document(), () -> {
            java.util.Map<String, Element> index = new java.util.HashMap<>();
            for (Element e : page.document().getAllElements()) {
                if (e.hasAttr("id")) {
                    index.putIfAbsent(e.id(), e);
                }
            }
            return index;
        });
    }

    /** label elements by their for attribute, indexed once per page (a scan per control is quadratic). */
    private static java.util.Map<String, List<Element>> labelsFor(Page page) {
        return page.memo("labelsFor", page.document(), () -> {
            java.util.Map<String, List<Element>> index = new java.util.HashMap<>();
            for (Element label : page.document().getElementsByTag("label")) {
                if (label.hasAttr("for")) {
                    index.computeIfAbsent(label.attr("for"), k -> new java.util.ArrayList<>()).add(label);
                }
            }
            return index;
        });
    }

    private static void append(StringBuilder b, String part) {
        if (!Dom.isBlank(part)) {
            b.append(b.length() > 0 ? " " : "").append(part.trim());
        }
    }

    private String fromContent(Element e) {
        StringBuilder b = new StringBuilder();
        for (Node child : e.childNodes()) {
            if (child instanceof TextNode t) {
                b.append(t.getWholeText());
            } else if (child instanceof Element c) {
                String tag = c.normalName();
                if (tag.equals("br")) {
                    b.append(' ');
                    continue;
                }
                if (tag.equals("script") || tag.equals("style") || tag.equals("template")) {
                    continue;
                }
                String part = compute(c, false, true, false);
                boolean block = isBlock(tag);
                if (block) {
                    b.append(' ');
                }
                b.append(part);
                if (block) {
                    b.append(' ');
                }
            }
        }
        return Dom.flat(b.toString());
    }

    private static boolean isBlock(String tag) {
        return switch (tag) {
            case "div", "p", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr", "td", "th",
                 "section", "article", "header", "footer", "nav", "main", "aside", "dl", "dt", "dd", "form",
                 "fieldset", "figure", "figcaption", "blockquote", "pre", "address", "hr", "img", "input",
                 "button", "select", "textarea" -> true;
            default -> false;
        };
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
