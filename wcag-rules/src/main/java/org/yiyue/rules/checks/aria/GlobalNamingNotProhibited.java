package org.yiyue.rules.checks.aria;

import java.util.Locale;
import java.util.stream.Stream;

import org.yiyue.rules.aria.AriaRoles;
import org.yiyue.rules.aria.Roles;
import org.yiyue.rules.dom.Predicates;
import org.yiyue.rules.engine.AtomicRule;
import org.yiyue.rules.engine.Meta;
import org.yiyue.rules.engine.Target;
import org.yiyue.rules.engine.Verdict;
import org.yiyue.rules.page.Page;

/**
 * ACT kb1m8s (proposed): global ARIA attributes are not used where prohibited. Every global state or property
 * specified on an element in the accessibility tree is a test target (the rule text's applicability); in ARIA 1.2 the
 * prohibited ones are aria-label and aria-labelledby on roles that cannot be named, and the role descriptions where
 * there is no role to describe; the other globals always pass.
 */
public final class GlobalNamingNotProhibited extends AtomicRule {

    public GlobalNamingNotProhibited() {
        super(Meta.rule("aria-global-not-prohibited")
                .title("不在禁止的角色上使用全局 ARIA 属性", "ARIA global properties not used where prohibited")
                .help("不要给 generic、paragraph 等不能命名的角色加 aria-label/aria-labelledby；改用可命名的角色或可见文字",
                        "Do not put aria-label/aria-labelledby on roles that cannot be named (generic, paragraph …)")
                .secondary("1.3.1").act("kb1m8s", false).tags("aria").build());
    }

    /** The globals ARIA prohibits on roles that cannot be named. */
    private static final java.util.Set<String> NAMING = java.util.Set.of("aria-label", "aria-labelledby");

    private static final java.util.Set<String> ROLE_DESCRIPTIONS = java.util.Set.of("aria-roledescription",
            "aria-brailleroledescription");


    /** ACT kb1m8s: "any HTML or SVG element": an SVG image's elements too. */
    @Override
    public java.util.Set<org.yiyue.rules.page.DocumentKind> documentKinds() {
        return HTML_AND_SVG_DOCUMENTS;
    }
    @Override
    protected Stream<Target> applicability(Page page) {
        return page.document().getAllElements().stream()
                .filter(e -> (org.yiyue.rules.dom.Dom.isHtml(e) || org.yiyue.rules.dom.Dom.isSvg(e))
                        && Predicates.isIncludedInAccessibilityTree(e, page))
                .flatMap(e -> e.attributes().asList().stream()
                        .map(a -> a.getKey().toLowerCase(Locale.ROOT))
                        .filter(k -> org.yiyue.rules.aria.AriaAttributes.GLOBAL.contains(k))
                        .map(k -> Target.attribute(e, k)));
    }

    @Override
    protected Verdict expectation(Target t, Page page) {
        String role = Roles.semantic(t.element(), page);
        if (ROLE_DESCRIPTIONS.contains(t.attribute())) {
            // a role description describes a role: prohibited where there is none to describe (generic, none)
            String explicit = Roles.explicit(t.element()).orElse("");
            boolean noRole = explicit.equals("none") || explicit.equals("presentation") || "generic".equals(role)
                    || role == null;
            if (noRole && (!explicit.isEmpty() || !t.element().normalName().contains("-"))) {
                return Verdict.fail(t.attribute() + " 禁止用于无语义的元素（" + (explicit.isEmpty() ? role : explicit) + "）",
                        t.attribute() + " is prohibited on an element without a role (" + (explicit.isEmpty() ? role : explicit) + ")");
            }
            if (noRole) {
                return Verdict.cantTell(t.attribute() + " 用在自定义元素上，其角色取决于脚本",
                        t.attribute() + " on a custom element: its role depends on script");
            }
            return Verdict.pass(t.attribute() + " 允许使用", t.attribute() + " is allowed here");
        }
        if (!NAMING.contains(t.attribute())) {
            return Verdict.pass(t.attribute() + " 是全局属性，任何角色都允许", t.attribute() + " is a global property no role prohibits");
        }
        if (role != null && AriaRoles.NAMING_PROHIBITED.contains(role)) {
            if (role.equals("generic") && !Roles.explicit(t.element()).isPresent()) {
                // custom elements and legacy markup: browsers differ; only an explicit generic role is certain
                return Verdict.cantTell(t.attribute() + " 用在通用元素上，是否被忽略取决于浏览器",
                        t.attribute() + " on a generic element: whether it is ignored depends on the browser");
            }
            return Verdict.fail(t.attribute() + " 禁止用于角色 " + role, t.attribute() + " is prohibited on role " + role);
        }
        return Verdict.pass(t.attribute() + " 允许使用", t.attribute() + " is allowed here");
    }
}
