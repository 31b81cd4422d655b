package org.yiyue.rules.checks.aria;

import java.util.List;
import java.util.Locale;

import org.jsoup.nodes.Element;
import org.yiyue.rules.aria.AriaRoles;
import org.yiyue.rules.aria.Roles;
import org.yiyue.rules.dom.Focus;
import org.yiyue.rules.dom.Predicates;
import org.yiyue.rules.engine.ElementRule;
import org.yiyue.rules.engine.Meta;
import org.yiyue.rules.engine.Target;
import org.yiyue.rules.engine.Verdict;
import org.yiyue.rules.model.Impact;
import org.yiyue.rules.page.Page;

/** ACT 4e8ab6: an element with an explicit role sets the role's required states and properties. */
public final class RequiredStates extends ElementRule {

    public RequiredStates() {
        super(Meta.rule("aria-required-states")
                .title("带 role 的元素具有必需的状态和属性", "Element with role attribute has required states and properties")
                .help("为该角色补上必需的 aria-* 属性（如 checkbox 的 aria-checked）",
                        "Add the role's required aria-* attributes (e.g. aria-checked on a checkbox)")
                .secondary("1.3.1", "4.1.2").act("4e8ab6", true).tags("aria").impact(Impact.SERIOUS).build());
    }


    /** ACT 4e8ab6: "any HTML or SVG element": an SVG image's elements too. */
    @Override
    public java.util.Set<org.yiyue.rules.page.DocumentKind> documentKinds() {
        return HTML_AND_SVG_DOCUMENTS;
    }
    @Override
    protected String candidates() {
        return "[role]";
    }

    @Override
    protected boolean applies(Element e, Page page) {
        var explicit = Roles.explicit(e);
        return explicit.isPresent() && !explicit.get().equals(Roles.implicit(e))
                && Predicates.isIncludedInAccessibilityTree(e, page);
    }

    @Override
    protected Verdict expectation(Target t, Page page) {
        Element e = t.element();
        String role = Roles.explicit(e).orElseThrow();
        List<String> required = AriaRoles.REQUIRED_STATES.getOrDefault(role, List.of());
        if (role.equals("separator") && Focus.isFocusable(e, page)) {
            required = List.of("aria-valuenow");
        }
        for (String attr : required) {
            if (attr.equals("aria-checked") && nativelyChecked(e)) {
                continue; // a native checkbox or radio supplies its checked state
            }
            if (e.attr(attr).isBlank()) {
                return Verdict.fail("角色 " + role + " 缺少必需的 " + attr, "Role " + role + " lacks required " + attr);
            }
        }
        return Verdict.pass("角色 " + role + " 的必需属性齐全", "Role " + role + " has its required states and properties");
    }

    private static boolean nativelyChecked(Element e) {
        String type = e.attr("type").toLowerCase(Locale.ROOT);
        return e.normalName().equals("input") && (type.equals("checkbox") || type.equals("radio"));
    }
}
