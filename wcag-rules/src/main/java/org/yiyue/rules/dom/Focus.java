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
        Optional<ElementFacts> f = Visibility.facts(e, page);
        if (f.isPresent() && f.get().focusable() != null) {
            return f.get().focusable();
        }
        if (inert(e) || Visibility.notRendered(e, page) || Visibility.visibilityHidden(e, page)) {
            return false;
        }
        Integer t = tabindex(e);
        if (t != null) {
            return t >= 0 && !(formControl(e) && disabled(e));
        }
        return nativelyFocusable(e);
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
