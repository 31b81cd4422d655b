package org.yiyue.rules.checks.aria;

import java.util.Set;

import org.jsoup.nodes.Element;
import org.yiyue.rules.aria.AriaRoles;
import org.yiyue.rules.aria.Roles;
import org.yiyue.rules.dom.Predicates;
import org.yiyue.rules.engine.ElementRule;
import org.yiyue.rules.engine.Meta;
import org.yiyue.rules.engine.Target;
import org.yiyue.rules.engine.Verdict;
import org.yiyue.rules.model.Impact;
import org.yiyue.rules.model.Level;
import org.yiyue.rules.page.Page;

/** ACT ff89c9 (proposed): an element with an explicit role that needs a context role sits in one. */
public final class RequiredContextRole extends ElementRule {

    public RequiredContextRole() {
        super(Meta.rule("aria-required-context")
                .title("ARIA 角色位于必需的上下文角色中", "ARIA required context role")
                .help("把 listitem 放进 list、tab 放进 tablist、option 放进 listbox 等",
                        "Put the element in its required context (listitem in list, tab in tablist, option in listbox …)")
                .wcag(Level.A, "1.3.1").act("ff89c9", false).tags("aria").impact(Impact.SERIOUS).build());
    }

    /** "Any HTML or SVG element": an SVG document's elements too. */
    @Override
    public Set<org.yiyue.rules.page.DocumentKind> documentKinds() {
        return Set.of(org.yiyue.rules.page.DocumentKind.HTML, org.yiyue.rules.page.DocumentKind.XHTML,
                org.yiyue.rules.page.DocumentKind.SVG);
    }

    /** Scripts often build lists and shadow trees: statically a scripted page is never inapplicable. */
    @Override
    public java.util.List<org.yiyue.rules.model.Outcome> evaluate(Page page) {
        return org.yiyue.rules.engine.StaticLimits.unlessScripted(this, page, super.evaluate(page));
    }

    @Override
    protected String candidates() {
        return "[role]";
    }

    @Override
    protected boolean applies(Element e, Page page) {
        var explicit = Roles.explicit(e);
        return explicit.isPresent() && AriaRoles.REQUIRED_CONTEXT.containsKey(explicit.get())
                && !explicit.get().equals(Roles.implicit(e)) && Predicates.isIncludedInAccessibilityTree(e, page);
    }

    @Override
    protected Verdict expectation(Target t, Page page) {
        Element e = t.element();
        String role = Roles.explicit(e).orElseThrow();
        Set<String> context = AriaRoles.REQUIRED_CONTEXT.get(role);
        Element parent = AccessibilityParent.parent(e, page);
        String parentRole = parent == null ? null : Roles.semantic(parent, page);
        if (parentRole != null && context.contains(parentRole)) {
            return Verdict.pass("位于 " + parentRole + " 中", "Inside a " + parentRole);
        }
        return Verdict.fail("角色 " + role + " 需要位于 " + context + " 中，实际父角色为 " + parentRole,
                "Role " + role + " needs a parent with role " + context + ", found " + parentRole);
    }
}
