package org.yiyue.rules.dom;

import java.util.Set;

import org.jsoup.nodes.Element;
import org.yiyue.rules.accname.AccessibleName;
import org.yiyue.rules.aria.Roles;
import org.yiyue.rules.page.Page;

/** Named predicates that make rules read like the ACT rule text. */
public final class Predicates {

    private Predicates() {
    }

    public static boolean isIncludedInAccessibilityTree(Element e, Page page) {
        return Visibility.includedInAccessibilityTree(e, page);
    }

    public static boolean isProgrammaticallyHidden(Element e, Page page) {
        return Visibility.programmaticallyHidden(e, page);
    }

    public static boolean hasRole(Element e, Page page, String... roles) {
        String r = Roles.semantic(e, page);
        if (r == null) {
            return false;
        }
        for (String role : roles) {
            if (role.equals(r)) {
                return true;
            }
        }
        return false;
    }

    public static boolean hasRoleIn(Element e, Page page, Set<String> roles) {
        String r = Roles.semantic(e, page);
        return r != null && roles.contains(r);
    }

    public static boolean hasExplicitRole(Element e) {
        return Roles.explicit(e).isPresent();
    }

    public static boolean hasNonEmptyAccessibleName(Element e, Page page) {
        return !AccessibleName.of(e, page).isEmpty();
    }

    public static Tri isVisible(Element e, Page page) {
        return Visibility.visible(e, page);
    }

    /**
     * ACT "disabled element": matches :disabled (an actually disabled form control), or it or an ancestor has
     * aria-disabled="true".
     */
    public static boolean isDisabledElement(Element e) {
        if (Focus.disabled(e)) {
            return true;
        }
        for (Element p = e; p != null; p = p.parent()) {
            if (p.attr("aria-disabled").trim().equalsIgnoreCase("true")) {
                return true;
            }
        }
        return false;
    }

    public static boolean isFocusable(Element e, Page page) {
        return Focus.isFocusable(e, page);
    }

    public static boolean isInSequentialFocusNavigation(Element e, Page page) {
        return Focus.inSequentialNavigation(e, page);
    }

    public static boolean isHtmlElement(Element e) {
        return Dom.isHtml(e);
    }

    public static boolean isSvgElement(Element e) {
        return Dom.isSvg(e);
    }
}
