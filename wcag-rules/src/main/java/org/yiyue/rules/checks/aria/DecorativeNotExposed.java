package org.yiyue.rules.checks.aria;

import org.jsoup.nodes.Element;
import org.yiyue.rules.aria.Roles;
import org.yiyue.rules.dom.Predicates;
import org.yiyue.rules.engine.ElementRule;
import org.yiyue.rules.engine.Meta;
import org.yiyue.rules.engine.Target;
import org.yiyue.rules.engine.Verdict;
import org.yiyue.rules.page.Page;

/** ACT 46ca7f: an element marked as decorative is not exposed (no presentational role conflict). */
public final class DecorativeNotExposed extends ElementRule {

    public DecorativeNotExposed() {
        super(Meta.rule("decorative-not-exposed")
                .title("标记为装饰的元素不暴露给辅助技术", "Element marked as decorative is not exposed")
                .help("装饰性元素不要可聚焦，也不要带 aria-label 等全局 ARIA 属性",
                        "Keep decorative elements unfocusable and free of global ARIA attributes such as aria-label")
                .secondary("1.1.1", "1.3.1").act("46ca7f", true).tags("aria").build());
    }


    /** ACT 46ca7f: the rule text names any element or attribute, whatever the document. */
    @Override
    public java.util.Set<org.yiyue.rules.page.DocumentKind> documentKinds() {
        return ANY_DOCUMENT;
    }
    @Override
    protected boolean applies(Element e, Page page) {
        return Roles.markedDecorative(e);
    }

    @Override
    protected Verdict expectation(Target t, Page page) {
        Element e = t.element();
        if (!Predicates.isIncludedInAccessibilityTree(e, page)) {
            return Verdict.pass("元素不在无障碍树中", "The element is not in the accessibility tree");
        }
        String role = Roles.semantic(e, page);
        if (role == null || role.equals("none") || role.equals("presentation")) {
            return Verdict.pass("语义角色为 none/presentation", "Semantic role is none or presentation");
        }
        if (role.equals("generic")) {
            return Verdict.cantTell("装饰标记被忽略，但通用角色是否暴露取决于浏览器",
                    "The decoration is ignored; whether a generic element is exposed depends on the browser");
        }
        return Verdict.fail("元素可聚焦或带全局 ARIA 属性，装饰标记被忽略，暴露为 " + role,
                "Focusable or carrying a global ARIA attribute, so the decoration is ignored and it is exposed as " + role);
    }
}
