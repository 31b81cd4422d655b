package org.yiyue.rules.checks.aria;

import java.util.Locale;
import java.util.stream.Stream;

import org.yiyue.rules.aria.AriaRoles;
import org.yiyue.rules.dom.Predicates;
import org.yiyue.rules.engine.AtomicRule;
import org.yiyue.rules.engine.Meta;
import org.yiyue.rules.engine.Target;
import org.yiyue.rules.engine.Verdict;
import org.yiyue.rules.model.Impact;
import org.yiyue.rules.page.Page;

/** ACT 674b10: a non-empty role attribute has at least one valid non-abstract role token. */
public final class RoleAttributeValid extends AtomicRule {

    public RoleAttributeValid() {
        super(Meta.rule("role-valid")
                .title("role 属性值有效", "Role attribute has valid value")
                .help("role 属性至少包含一个 WAI-ARIA 定义的非抽象角色（检查拼写）",
                        "Use at least one non-abstract role defined in WAI-ARIA (check the spelling)")
                .secondary("1.3.1", "4.1.2").act("674b10", true).tags("aria").impact(Impact.SERIOUS).build());
    }


    /** ACT 674b10: "any HTML or SVG element": an SVG image's elements too. */
    @Override
    public java.util.Set<org.yiyue.rules.page.DocumentKind> documentKinds() {
        return HTML_AND_SVG_DOCUMENTS;
    }
    @Override
    protected Stream<Target> applicability(Page page) {
        return page.document().select("[role]").stream()
                .filter(e -> !e.attr("role").isBlank())
                .filter(e -> !Predicates.isProgrammaticallyHidden(e, page))
                .map(e -> Target.attribute(e, "role"));
    }

    @Override
    protected Verdict expectation(Target t, Page page) {
        String value = t.element().attr("role").trim().toLowerCase(Locale.ROOT);
        for (String token : value.split("\\s+")) {
            if (AriaRoles.isValid(token)) {
                return Verdict.pass("有效角色：" + token, "Valid role: " + token);
            }
        }
        return Verdict.fail("role=\"" + value + "\" 不是有效的 WAI-ARIA 角色",
                "role=\"" + value + "\" is not a valid WAI-ARIA role");
    }
}
