package org.yiyue.rules.checks.aria;

import java.util.ArrayList;
import java.util.List;

import org.jsoup.nodes.Element;
import org.yiyue.rules.aria.Roles;
import org.yiyue.rules.dom.Predicates;
import org.yiyue.rules.page.Page;

/** Approximate accessibility-tree parent/children: generic, none and role-less wrappers are skipped. */
final class AccessibilityParent {

    private AccessibilityParent() {
    }

    static boolean transparent(Element e, Page page) {
        String role = Roles.semantic(e, page);
        return role == null || role.equals("generic") || role.equals("none") || role.equals("presentation");
    }

    static Element parent(Element e, Page page) {
        for (Element p = e.parent(); p != null; p = p.parent()) {
            if (p.normalName().equals("body") || p.normalName().equals("html")) {
                return null;
            }
            if (!transparent(p, page)) {
                return p;
            }
        }
        return null;
    }

    static List<Element> children(Element e, Page page) {
        List<Element> out = new ArrayList<>();
        collect(e, page, out);
        return out;
    }

    private static void collect(Element e, Page page, List<Element> out) {
        for (Element c : e.children()) {
            if (!Predicates.isIncludedInAccessibilityTree(c, page)) {
                continue;
            }
            if (transparent(c, page)) {
                collect(c, page, out);
            } else {
                out.add(c);
            }
        }
    }

    /** aria-owns can move elements in the tree; we do not model it, so affected rules answer cantTell. */
    static boolean ownedElsewhere(Element e, Page page) {
        return !e.id().isEmpty() && ownedIds(page).contains(e.id());
    }

    /** Every id referenced by some aria-owns, indexed once per page. */
    private static java.util.Set<String> ownedIds(Page page) {
        return page.memo("ownedIds", page.document(), () -> {
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (Element o : page.document().select("[aria-owns]")) {
                ids.addAll(java.util.Arrays.asList(o.attr("aria-owns").trim().split("\\s+")));
            }
            return ids;
        });
    }

    static boolean hasOwns(Element e) {
        return !e.attr("aria-owns").isBlank();
    }

}
