package org.yiyue.rules.aria;

import java.util.Locale;
import java.util.Optional;

import org.jsoup.nodes.Element;
import org.yiyue.rules.dom.Dom;
import org.yiyue.rules.dom.Focus;
import org.yiyue.rules.page.Page;

/** Explicit, implicit (HTML-AAM) and semantic roles, the latter with presentational role conflict resolution. */
public final class Roles {

    private Roles() {
    }

    /** First valid non-abstract token of the role attribute. */
    public static Optional<String> explicit(Element e) {
        String attr = e.attr("role").trim().toLowerCase(Locale.ROOT);
        if (attr.isEmpty()) {
            return Optional.empty();
        }
        for (String token : attr.split("\\s+")) {
            if (AriaRoles.isValid(token)) {
                return Optional.of(token);
            }
        }
        return Optional.empty();
    }

    /** The role HTML-AAM gives the element; null when it has no corresponding role. */
    public static String implicit(Element e) {
        String tag = e.normalName();
        if (Dom.isSvg(e)) {
            return tag.equals("svg") ? "graphics-document" : null;
        }
        switch (tag) {
            case "a": case "area": return e.hasAttr("href") ? "link" : (tag.equals("a") ? "generic" : null);
            case "article": return "article";
            case "aside": return "complementary";
            case "blockquote": return "blockquote";
            case "button": return "button";
            case "caption": return "caption";
            case "code": return "code";
            case "datalist": return "listbox";
            case "del": case "s": return tag.equals("del") ? "deletion" : null;
            case "details": return "group";
            case "dialog": return "dialog";
            case "dfn": case "dt": return "term";
            case "dd": return "definition";
            case "em": return "emphasis";
            case "fieldset": case "optgroup": case "address": return "group";
            case "figure": return "figure";
            case "footer": return scopedToSection(e) ? "generic" : "contentinfo";
            case "header": return scopedToSection(e) ? "generic" : "banner";
            case "form": return "form";
            case "h1": case "h2": case "h3": case "h4": case "h5": case "h6": return "heading";
            case "hr": return "separator";
            case "html": return "document";
            case "img": return e.hasAttr("alt") && e.attr("alt").isEmpty() ? "presentation" : "img";
            case "input": return inputRole(e);
            case "ins": return "insertion";
            case "li": {
                // listitem only inside a list: a ul given another role (tablist, menu …) makes its items generic
                Element p = e.parent();
                boolean listParent = p != null && (p.normalName().equals("ul") || p.normalName().equals("ol")
                        || p.normalName().equals("menu")) && explicit(p).map(r -> r.equals("list")).orElse(true);
                return listParent ? "listitem" : "generic";
            }
            case "main": return "main";
            case "math": return "math";
            case "menu": case "ol": case "ul": return "list";
            case "meter": return "meter";
            case "nav": return "navigation";
            case "option": return "option";
            case "output": return "status";
            case "p": return "paragraph";
            case "progress": return "progressbar";
            case "search": return "search";
            case "section": return Dom.hasAuthorName(e) ? "region" : "generic";
            case "select": return e.hasAttr("multiple") || sizeOver1(e) ? "listbox" : "combobox";
            case "strong": return "strong";
            case "sub": return "subscript";
            case "sup": return "superscript";
            case "table": return "table";
            case "tbody": case "thead": case "tfoot": return "rowgroup";
            case "tr": return "row";
            case "td": {
                Element table = e.closest("table");
                String tr = table == null ? null : explicit(table).orElse("table");
                return "grid".equals(tr) || "treegrid".equals(tr) ? "gridcell" : "cell";
            }
            case "th": return headerRole(e);
            case "textarea": return "textbox";
            case "time": return "time";
            case "b": case "i": case "span": case "div": case "bdi": case "bdo": case "data": case "hgroup":
            case "pre": case "q": case "samp": case "small": case "u": case "body":
                return "generic";
            default: return null;
        }
    }

    private static boolean sizeOver1(Element e) {
        try {
            return Integer.parseInt(e.attr("size").trim()) > 1;
        } catch (NumberFormatException ex) {
            return false;
        }
    }

    private static boolean scopedToSection(Element e) {
        for (Element p = e.parent(); p != null; p = p.parent()) {
            switch (p.normalName()) {
                case "article", "aside", "main", "nav", "section" -> { return true; }
                default -> { }
            }
        }
        return false;
    }

    private static String inputRole(Element e) {
        String type = e.attr("type").trim().toLowerCase(Locale.ROOT);
        boolean list = e.hasAttr("list");
        return switch (type) {
            case "button", "image", "reset", "submit" -> "button";
            case "checkbox" -> "checkbox";
            case "radio" -> "radio";
            case "range" -> "slider";
            case "number" -> "spinbutton";
            case "search" -> list ? "combobox" : "searchbox";
            case "", "text", "email", "tel", "url" -> list ? "combobox" : "textbox";
            default -> null; // hidden, password, color, date, file … have no ARIA role
        };
    }

    private static String headerRole(Element th) {
        String scope = th.attr("scope").trim().toLowerCase(Locale.ROOT);
        if (scope.equals("row") || scope.equals("rowgroup")) {
            return "rowheader";
        }
        if (scope.equals("col") || scope.equals("colgroup")) {
            return "columnheader";
        }
        if (th.closest("thead") != null) {
            return "columnheader";
        }
        Element row = th.parent();
        if (row != null && row.children().size() > 1 && row.child(0) == th
                && row.children().stream().skip(1).allMatch(c -> c.normalName().equals("td"))) {
            return "rowheader";
        }
        return "columnheader";
    }

    /** ACT "marked as decorative": explicit role none/presentation, or img with alt="" and no explicit role. */
    public static boolean markedDecorative(Element e) {
        Optional<String> ex = explicit(e);
        if (ex.isPresent()) {
            return ex.get().equals("none") || ex.get().equals("presentation");
        }
        return e.normalName().equals("img") && !Dom.isSvg(e) && e.hasAttr("alt") && e.attr("alt").isEmpty();
    }

    /**
     * The semantic role per the ACT glossary: presentational role conflict gives the implicit role back when a
     * decorative element is focusable or carries a global ARIA attribute.
     */
    public static String semantic(Element e, Page page) {
        String role = page.memo("role", e, () -> Optional.ofNullable(computeSemantic(e, page)).orElse(NO_ROLE));
        return role == NO_ROLE ? null : role;
    }

    /** Memo marker for "no role" (the memo does not store nulls). */
    private static final String NO_ROLE = new String("\u0000none");

    private static String computeSemantic(Element e, Page page) {
        boolean decorative = markedDecorative(e);
        if (decorative && hasConflict(e, page)) {
            String implicit = implicit(e);
            if (e.normalName().equals("img") && !Dom.isSvg(e)) {
                return "img"; // browsers expose a focusable or labelled decorative image as an image
            }
            return implicit;
        }
        Optional<String> ex = explicit(e);
        return ex.orElseGet(() -> implicit(e));
    }

    /** Presentational role conflict: focusable, or a global ARIA state or property is specified. */
    public static boolean hasConflict(Element e, Page page) {
        if (Focus.isFocusable(e, page)) {
            return true;
        }
        for (var a : e.attributes()) {
            String key = a.getKey().toLowerCase(Locale.ROOT);
            if (AriaAttributes.GLOBAL.contains(key) && !key.equals("aria-hidden") && !a.getValue().isBlank()) {
                return true;
            }
        }
        return false;
    }

    /** The element itself or its closest ancestor with one of the semantic roles. */
    public static Optional<Element> closestWithRole(Element e, Page page, java.util.Set<String> roles) {
        for (Element p = e; p != null; p = p.parent()) {
            String r = semantic(p, page);
            if (r != null && roles.contains(r)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
