package org.yiyue.rules.dom;

import java.util.Locale;
import java.util.Optional;

import org.jsoup.nodes.Element;
import org.yiyue.rules.css.InlineStyle;
import org.yiyue.rules.page.ElementFacts;
import org.yiyue.rules.page.Page;

/**
 * ACT glossary "programmatically hidden", "included in the accessibility tree" and "visible".
 * With rendered facts the browser's computed display/visibility decide; without them a static approximation reads
 * the hidden attribute, aria-hidden, inline display/visibility and elements that never render.
 */
public final class Visibility {

    private Visibility() {
    }

    /** display:none on the element or an ancestor (incl. hidden attribute and never-rendered elements). */
    public static boolean notRendered(Element e, Page page) {
        return page.memo("notRendered", e, () -> computeNotRendered(e, page));
    }

    private static boolean computeNotRendered(Element e, Page page) {
        if (Dom.inNonRenderedContainer(e)) {
            return true;
        }
        Optional<ElementFacts> f = facts(e, page);
        if (f.isPresent() && f.get().display() != null) {
            if (f.get().display().equals("none")) {
                return true; // the browser's computed display is authoritative for this element
            }
        } else if (staticDisplayNone(e) || (!InlineStyle.of(e).value("display").isPresent()
                && org.yiyue.rules.css.StyleSheets.of(page).displayNone().contains(e))) {
            return true;
        }
        Element parent = e.parent();
        return parent != null && notRendered(parent, page);
    }

    private static boolean staticDisplayNone(Element p) {
        Optional<String> display = InlineStyle.of(p).value("display");
        if (display.isPresent()) {
            return display.get().equals("none");
        }
        if (p.hasAttr("hidden") && !"until-found".equalsIgnoreCase(p.attr("hidden"))) {
            return true;
        }
        String tag = p.normalName();
        if (tag.equals("input") && Dom.attrLower(p, "type").equals("hidden")) {
            return true;
        }
        if (tag.equals("dialog") && !p.hasAttr("open")) {
            return true;
        }
        Element parent = p.parent();
        // content of a closed details element, except its first summary, is not rendered
        if (parent != null && parent.normalName().equals("details") && !parent.hasAttr("open")) {
            Element firstSummary = parent.selectFirst("> summary");
            return p != firstSummary;
        }
        return false;
    }

    /** Computed visibility is hidden or collapse (inherited, so the nearest declaration wins). */
    public static boolean visibilityHidden(Element e, Page page) {
        return page.memo("visibilityHidden", e, () -> computeVisibilityHidden(e, page));
    }

    private static boolean computeVisibilityHidden(Element e, Page page) {
        Optional<ElementFacts> f = facts(e, page);
        if (f.isPresent() && f.get().visibility() != null) {
            return !f.get().visibility().equals("visible");
        }
        Optional<String> v = InlineStyle.of(e).value("visibility");
        if (v.isPresent() && !v.get().equals("inherit")) {
            return v.get().equals("hidden") || v.get().equals("collapse");
        }
        String sheet = org.yiyue.rules.css.StyleSheets.of(page).visibility().get(e);
        if (sheet != null) {
            return !sheet.equals("visible");
        }
        Element parent = e.parent();
        return parent != null && visibilityHidden(parent, page);
    }

    public static boolean ariaHidden(Element e) {
        for (Element p = e; p != null; p = p.parent()) {
            if (p.attr("aria-hidden").trim().equalsIgnoreCase("true")) {
                return true;
            }
        }
        return false;
    }

    private static boolean ariaHidden(Element e, Page page) {
        return page.memo("ariaHidden", e, () -> e.attr("aria-hidden").trim().equalsIgnoreCase("true")
                || (e.parent() != null && ariaHidden(e.parent(), page)));
    }

    public static boolean programmaticallyHidden(Element e, Page page) {
        return notRendered(e, page) || visibilityHidden(e, page) || ariaHidden(e, page);
    }

    public static boolean includedInAccessibilityTree(Element e, Page page) {
        return !programmaticallyHidden(e, page);
    }

    /**
     * ACT "visible". Rendered facts answer directly; statically, display/visibility, inline opacity:0, zero size
     * and off-screen/clip hiding patterns in the style attribute mean not visible, anything else is assumed visible.
     */
    public static Tri visible(Element e, Page page) {
        if (notRendered(e, page) || visibilityHidden(e, page)) {
            return Tri.NO;
        }
        Optional<ElementFacts> f = facts(e, page);
        if (f.isPresent() && f.get().visible() != null) {
            return Tri.of(f.get().visible());
        }
        if (concealed(e, page)) {
            return Tri.NO;
        }
        return page.rendered() ? Tri.UNKNOWN : Tri.YES;
    }

    private static boolean concealed(Element e, Page page) {
        return page.memo("concealed", e, () -> staticallyConcealed(e)
                || (e.parent() != null && concealed(e.parent(), page)));
    }

    private static boolean staticallyConcealed(Element p) {
        InlineStyle s = InlineStyle.of(p);
        if (s.isEmpty()) {
            return false;
        }
        if (s.value("opacity").map(v -> v.equals("0") || v.equals("0.0")).orElse(false)) {
            return true;
        }
        boolean zeroW = s.value("width").map(v -> ZERO.matcher(v).matches()).orElse(false);
        boolean zeroH = s.value("height").map(v -> ZERO.matcher(v).matches()).orElse(false);
        boolean overflowHidden = s.value("overflow").map(v -> v.equals("hidden")).orElse(false);
        if (zeroW && zeroH || (zeroW || zeroH) && overflowHidden) {
            return true;
        }
        String pos = s.value("position").orElse("");
        if (pos.equals("absolute") || pos.equals("fixed")) {
            for (String side : new String[] {"left", "top"}) {
                Optional<String> v = s.value(side);
                if (v.isPresent() && farOffScreen(v.get())) {
                    return true;
                }
            }
        }
        String clip = s.value("clip").orElse("");
        return !clip.isEmpty() && ZERO_RECT.matcher(clip.replace(" ", "")).matches();
    }

    private static final java.util.regex.Pattern ZERO = java.util.regex.Pattern.compile("0(px)?");
    private static final java.util.regex.Pattern ZERO_RECT =
            java.util.regex.Pattern.compile("rect\\(0(px)?,?0(px)?,?0(px)?,?0(px)?\\)");

    /** A negative offset of 1000 CSS px or more (em/rem counted at 16 px): the classic off-screen hiding. */
    private static boolean farOffScreen(String value) {
        return org.yiyue.rules.css.Length.parse(value).flatMap(l -> switch (l.unit()) {
            case "px" -> Optional.of(l.value());
            case "em", "rem" -> Optional.of(l.value() * 16);
            default -> Optional.<Double>empty();
        }).map(px -> px <= -1000).orElse(false);
    }

    public static Optional<ElementFacts> facts(Element e, Page page) {
        return page.facts().flatMap(f -> f.of(e));
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
