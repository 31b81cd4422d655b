package org.yiyue.rules.checks.text;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jsoup.nodes.Element;
import org.yiyue.rules.aria.AriaRoles;
import org.yiyue.rules.aria.Roles;
import org.yiyue.rules.dom.Predicates;
import org.yiyue.rules.page.Page;

/**
 * The contrast rules' exceptions (afw4f7, 09o5cg): text with an ancestor that is a disabled group or widget, or
 * that is used in the accessible name of a disabled widget, is incidental text of an inactive component.
 */
final class DisabledText {

    /** Roles that are group or widget or inherit from them (ACT "inheriting semantic" group or widget). */
    private static final Set<String> GROUP_OR_WIDGET;
    static {
        Set<String> roles = new HashSet<>(AriaRoles.WIDGET);
        roles.addAll(List.of("group", "row", "toolbar", "radiogroup", "listbox", "menu", "menubar", "tree", "treegrid"));
        roles.remove("tabpanel"); // a section, not a widget
        GROUP_OR_WIDGET = Set.copyOf(roles);
    }

    private DisabledText() {
    }

    /**
     * ACT exceptions: the text has an ancestor that is a disabled group or widget, or that is used in the accessible
     * name of a disabled widget (its label, or an element its aria-labelledby references). aria-disabled on an
     * element of another role (a paragraph, a generic div) exempts nothing by itself.
     */
    static boolean exempt(Element e, Page page) {
        Set<String> disabledLabels = disabledLabelIds(page);
        for (Element p = e; p != null; p = p.parent()) {
            if (!disabledLabels.isEmpty() && !p.id().isEmpty() && disabledLabels.contains(p.id())) {
                return true;
            }
            if (disabledGroupOrWidget(p, page)) {
                return true;
            }
            if (p.normalName().equals("label")) {
                Element control = p.hasAttr("for") ? p.ownerDocument().getElementById(p.attr("for"))
                        : p.selectFirst("input, select, textarea, button, meter, output, progress");
                if (control != null && disabledWidget(control, page)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean disabledGroupOrWidget(Element e, Page page) {
        String role = Roles.semantic(e, page);
        return role != null && GROUP_OR_WIDGET.contains(role) && Predicates.isDisabledElement(e);
    }

    private static boolean disabledWidget(Element e, Page page) {
        String role = Roles.semantic(e, page);
        return role != null && !role.equals("tabpanel") && AriaRoles.isWidget(role)
                && Predicates.isDisabledElement(e);
    }

    /** Ids of elements that name a disabled widget through aria-labelledby (once per page). */
    private static Set<String> disabledLabelIds(Page page) {
        Element root = page.document();
        return page.memo("disabled-label-ids", root, () -> {
            Set<String> ids = new HashSet<>();
            for (Element w : page.document().select("[aria-labelledby]")) {
                if (disabledWidget(w, page)) {
                    ids.addAll(List.of(w.attr("aria-labelledby").trim().split("\\s+")));
                }
            }
            return ids;
        });
    }
}
