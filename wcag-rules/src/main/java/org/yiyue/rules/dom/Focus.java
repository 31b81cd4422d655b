package org.yiyue.rules.dom;

import java.util.Locale;
import java.util.Optional;

import org.jsoup.nodes.Element;
import org.yiyue.rules.page.ElementFacts;
import org.yiyue.rules.page.Page;

/** Focusability per the ACT glossary and HTML: tabindex values and natively focusable elements. */
public final class Focus {

    private Focus() {
    }

    public static Integer tabindex(Element e) {
        return e.hasAttr("tabindex") ? Dom.parseHtmlInteger(e.attr("tabindex")) : null;
    }

    /** Natively focusable (HTML focusable areas), ignoring tabindex. */
    public static boolean nativelyFocusable(Element e) {
        if (Dom.isSvg(e)) {
            return e.normalName().equals("a") && (e.hasAttr("href") || e.hasAttr("xlink:href"));
        }
        switch (e.normalName()) {
            case "a": case "area": return e.hasAttr("href");
            case "button": case "select": case "textarea": return !disabled(e);
            case "input": return !Dom.attrLower(e, "type").equals("hidden") && !disabled(e);
            case "iframe": case "embed": return true;
            case "audio": case "video": return e.hasAttr("controls");
            case "summary": {
                Element p = e.parent();
                return p != null && p.normalName().equals("details") && p.selectFirst("> summary") == e;
            }
            default: {
                String ce = e.attr("contenteditable").trim().toLowerCase(Locale.ROOT);
                return e.hasAttr("contenteditable") && (ce.isEmpty() || ce.equals("true")
                        || ce.equals("plaintext-only"));
            }
        }
    }

    /** A disabled form control: disabled attribute, or inside a disabled fieldset but not its first legend. */
    public static boolean disabled(Element e) {
        String tag = e.normalName();
        boolean formControl = switch (tag) {
            case "button", "input", "select", "textarea", "optgroup", "option", "fieldset" -> true;
            default -> false;
        };
        if (!formControl) {
            return false;
        }
        if (e.hasAttr("disabled")) {
            return true;
        }
        for (Element p = e.parent(); p != null; p = p.parent()) {
            if (p.normalName().equals("fieldset") && p.hasAttr("disabled")) {
                Element legend = p.selectFirst("> legend");
                return legend == null || !legend.equals(e.closest("legend"));
            }
        }
        return false;
    }

    /**
     * Inert: inside an inert subtree, or outside the open modal dialog (the browser collector marks it, since a
     * modal dialog leaves no trace in the DOM: data-yiyue-has-modal on the root, data-yiyue-modal on the dialog).
     */
    public static boolean inert(Element e) {
        for (Element p = e; p != null; p = p.parent()) {
            if (p.hasAttr("inert")) {
                return true;
            }
        }
        org.jsoup.nodes.Document doc = e.ownerDocument();
        Element root = doc == null ? null : doc.firstElementChild();
        if (root != null && root.hasAttr("data-yiyue-has-modal")) {
            return e.closest("[data-yiyue-modal]") == null;
        }
        return false;
    }

    /** Part of sequential focus navigation (reachable with Tab). */
    public static boolean inSequentialNavigation(Element e, Page page) {
        if (inert(e)) {
            return false; // also outside an open modal dialog, which the collector's tabIndex test cannot see
        }
        Optional<ElementFacts> f = Visibility.facts(e, page);
        if (f.isPresent() && f.get().focusable() != null) {
            if (!f.get().focusable()) {
                // an editing host is in sequential focus navigation although its tabIndex reads -1 (Chromium 156)
                return tabindex(e) == null && editingHost(e) && !"none".equals(f.get().display())
                        && (f.get().visibility() == null || f.get().visibility().equals("visible"));
            }
            return !browserDefaultZeroButNotFocusable(e);
        }
        if (Visibility.notRendered(e, page) || Visibility.visibilityHidden(e, page)) {
            return false;
        }
        Integer t = tabindex(e);
        if (t != null) {
            return t >= 0 && !(formControl(e) && disabled(e));
        }
        return nativelyFocusable(e);
    }

    /**
     * The collector's fact is "tabIndex &gt;= 0 and not disabled": HTML gives a, area (and SVG a) a default tabIndex
     * of 0 whether or not they have an href, although only links are focusable areas; and a control inside a
     * disabled fieldset is disabled although its own disabled attribute (the IDL the collector reads) is false.
     * Both seen in Chromium 156: tabIndex 0 and focus() refused for a and SVG a without href (and for an object
     * showing an image), disabled false and :disabled true for a fieldset's controls.
     */
    private static boolean browserDefaultZeroButNotFocusable(Element e) {
        if (tabindex(e) == null) {
            String n = e.normalName();
            boolean anchor = Dom.isSvg(e) ? n.equals("a") && !e.hasAttr("href") && !e.hasAttr("xlink:href")
                    : (n.equals("a") || n.equals("area")) && !e.hasAttr("href");
            if (anchor) {
                return true;
            }
            // an object showing an image, audio or video is no navigable container: Chromium 156 gives it tabIndex 0
            // and refuses focus()
            if (n.equals("object") && !Dom.isSvg(e)) {
                String kind = org.yiyue.rules.checks.names.ObjectName.kind(e);
                if (kind.equals("image") || kind.equals("media")) {
                    return true;
                }
            }
        }
        return formControl(e) && disabled(e);
    }

    /** contenteditable true, "" or plaintext-only, and not inside another editable element (then it is its host's). */
    static boolean editingHost(Element e) {
        if (!editable(e)) {
            return false;
        }
        for (Element p = e.parent(); p != null; p = p.parent()) {
            if (p.hasAttr("contenteditable")) {
                return !editable(p);
            }
        }
        return true;
    }

    private static boolean editable(Element e) {
        if (!e.hasAttr("contenteditable")) {
            return false;
        }
        String ce = e.attr("contenteditable").trim().toLowerCase(Locale.ROOT);
        return ce.isEmpty() || ce.equals("true") || ce.equals("plaintext-only");
    }

    private static boolean formControl(Element e) {
        return switch (e.normalName()) {
            case "button", "input", "select", "textarea" -> true;
            default -> false;
        };
    }

    /** ACT "focusable": in sequential navigation, or has a non-null tabindex value. */
    public static boolean isFocusable(Element e, Page page) {
        if (inSequentialNavigation(e, page)) {
            return true;
        }
        if (inert(e) || Visibility.notRendered(e, page) || Visibility.visibilityHidden(e, page)) {
            return false;
        }
        return tabindex(e) != null;
    }
}
