package org.yiyue.rules.checks.aria;

import java.util.Set;

import org.jsoup.nodes.Element;
import org.yiyue.rules.aria.AriaRoles;
import org.yiyue.rules.aria.Roles;
import org.yiyue.rules.dom.Predicates;
import org.yiyue.rules.engine.ElementRule;
import org.yiyue.rules.engine.Meta;
import org.yiyue.rules.engine.Selectors;
import org.yiyue.rules.engine.Target;
import org.yiyue.rules.engine.Verdict;
import org.yiyue.rules.model.Impact;
import org.yiyue.rules.model.Level;
import org.yiyue.rules.page.Page;

/**
 * ACT bc4a75 (proposed): an element whose role requires owned elements only owns elements of the allowed roles.
 * The rule text's "semantic role" includes implicit ones (a ul is a list); an owned element with a role that is not
 * allowed fails only where that role is explicit (an implicit one - a caption in a table, a link in a ul - is
 * cantTell: browsers repair native structures differently).
 */
public final class RequiredOwnedElements extends ElementRule {

    public RequiredOwnedElements() {
        super(Meta.rule("aria-required-owned")
                .title("ARIA 角色只包含规定的子角色", "ARIA required owned elements")
                .help("list 只含 listitem、tablist 只含 tab、menu 只含 menuitem 等",
                        "Own only the required roles (list → listitem, tablist → tab, menu → menuitem …)")
                .wcag(Level.A, "1.3.1").act("bc4a75", false).tags("aria").impact(Impact.SERIOUS).build());
    }


    /** ACT bc4a75: "any HTML or SVG element": an SVG image's elements too. */
    @Override
    public java.util.Set<org.yiyue.rules.page.DocumentKind> documentKinds() {
        return HTML_AND_SVG_DOCUMENTS;
    }
    @Override
    protected String candidates() {
        // explicit roles, and the elements whose implicit role requires owned elements (list, listbox, table, row,
        // rowgroup; a select is a listbox when multiple or sized)
        return "[role], ul, ol, menu, table, tr, thead, tbody, tfoot, select, datalist";
    }

    @Override
    protected boolean applies(Element e, Page page) {
        String role = Roles.semantic(e, page);
        return role != null && AriaRoles.REQUIRED_OWNED.containsKey(role)
                && Predicates.isIncludedInAccessibilityTree(e, page) && !busy(e);
    }

    private static boolean busy(Element e) {
        for (Element p = e; p != null; p = p.parent()) {
            if (p.attr("aria-busy").trim().equalsIgnoreCase("true")) {
                return true;
            }
        }
        return false;
    }

    /** WAI-ARIA 1.2 "group → X" entries: what a group owned by these roles may own in turn. */
    private static final java.util.Map<String, Set<String>> GROUPED = java.util.Map.of(
            "menu", Set.of("menuitem", "menuitemradio", "menuitemcheckbox"),
            "menubar", Set.of("menuitem", "menuitemradio", "menuitemcheckbox"),
            "listbox", Set.of("option"),
            "tree", Set.of("treeitem"));

    @Override
    protected Verdict expectation(Target t, Page page) {
        Element e = t.element();
        String role = Roles.semantic(e, page);
        Set<String> allowed = AriaRoles.REQUIRED_OWNED.get(role);
        for (Element child : AccessibilityParent.children(e, page)) {
            String childRole = Roles.semantic(child, page);
            if ("group".equals(childRole) && allowed.contains("group") && GROUPED.containsKey(role)) {
                // "group → menuitem" and the like: the group itself may own only the listed roles
                for (Element inGroup : AccessibilityParent.children(child, page)) {
                    String r = Roles.semantic(inGroup, page);
                    if (!GROUPED.get(role).contains(r)) {
                        if (Roles.explicit(inGroup).isEmpty()) {
                            return Verdict.cantTell("group 中拥有隐含角色为 " + r + " 的元素，浏览器处理不一",
                                    "A group owns an element with implicit role " + r + "; browsers differ");
                        }
                        return Verdict.fail("group 中拥有不允许的角色 " + r + "：" + Selectors.unique(inGroup, page),
                                "A group owns a disallowed role " + r + ": " + Selectors.unique(inGroup, page));
                    }
                }
                continue;
            }
            if (!allowed.contains(childRole)) {
                if (Roles.explicit(child).isEmpty()) {
                    return Verdict.cantTell("拥有隐含角色为 " + childRole + " 的元素，浏览器处理不一",
                            "Owns an element with implicit role " + childRole + "; browsers differ");
                }
                return Verdict.fail("拥有不允许的角色 " + childRole + "：" + Selectors.unique(child, page),
                        "Owns a disallowed role " + childRole + ": " + Selectors.unique(child, page));
            }
        }
        return Verdict.pass("所拥有的元素角色均符合要求", "All owned elements have allowed roles");
    }
}
