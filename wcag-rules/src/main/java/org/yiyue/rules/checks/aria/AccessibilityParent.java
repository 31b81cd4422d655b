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

    /**
     * Not a node of the accessibility tree of its own: no role, none/presentation, or generic without any global
     * ARIA state or property (a generic element carrying one, e.g. aria-live, is exposed).
     */
    static boolean transparent(Element e, Page page) {
        String role = Roles.semantic(e, page);
        if (role == null || role.equals("none") || role.equals("presentation")) {
            return true;
        }
        return role.equals("generic") && e.attributes().asList().stream()
                .noneMatch(a -> org.yiyue.rules.aria.AriaAttributes.GLOBAL.contains(a.getKey().toLowerCase(java.util.Locale.ROOT))
                        && !a.getValue().isBlank() && !(a.getKey().equalsIgnoreCase("aria-hidden")
                        && !a.getValue().trim().equalsIgnoreCase("true")));
    }

    /** The parent in the accessibility tree: the aria-owns owner if any, else the nearest exposed ancestor. */
    static Element parent(Element e, Page page) {
        Element owner = owners(page).get(e.id());
        Element start = !e.id().isEmpty() && owner != null && owner != e ? owner : e.parent();
        for (Element p = start; p != null; p = p.parent()) {
            if (p.normalName().equals("body") || p.normalName().equals("html")) {
                return null;
            }
            if (!transparent(p, page)) {
                return p;
            }
        }
        return null;
    }

    /** Children in the accessibility tree: DOM descendants through transparent nodes, then aria-owns targets. */
    static List<Element> children(Element e, Page page) {
        List<Element> out = new ArrayList<>();
        collect(e, e, page, out);
        for (String id : e.attr("aria-owns").trim().split("\\s+")) {
            Element owned = id.isEmpty() ? null : page.document().getElementById(id);
            if (owned != null && owners(page).get(id) == e && !owned.equals(e)
                    && Predicates.isIncludedInAccessibilityTree(owned, page)) {
                if (transparent(owned, page)) {
                    collect(owned, e, page, out);
                } else {
                    out.add(owned);
                }
            }
        }
        return out;
    }

    private static void collect(Element e, Element owner, Page page, List<Element> out) {
        for (Element c : e.children()) {
            if (!Predicates.isIncludedInAccessibilityTree(c, page)) {
                continue;
            }
            Element ownedBy = c.id().isEmpty() ? null : owners(page).get(c.id());
            if (ownedBy != null && ownedBy != owner) {
                continue; // moved elsewhere by aria-owns
            }
            if (transparent(c, page)) {
                collect(c, owner, page, out);
            } else {
                out.add(c);
            }
        }
    }

    /** id → the first element whose aria-owns lists it (later claims are ignored, as browsers do). */
    private static java.util.Map<String, Element> owners(Page page) {
        return page.memo("aria-owners", page.document(), () -> {
            java.util.Map<String, Element> m = new java.util.HashMap<>();
            for (Element o : page.document().select("[aria-owns]")) {
                for (String id : o.attr("aria-owns").trim().split("\\s+")) {
                    if (!id.isEmpty()) {
                        m.putIfAbsent(id, o);
                    }
                }
            }
            return m;
        });
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
