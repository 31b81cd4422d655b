package org.yiyue.rules.checks.aria;

import java.util.Locale;
import java.util.stream.Stream;

import org.yiyue.rules.aria.AriaAttributes;
import org.yiyue.rules.engine.AtomicRule;
import org.yiyue.rules.engine.Meta;
import org.yiyue.rules.engine.Target;
import org.yiyue.rules.engine.Verdict;
import org.yiyue.rules.page.Page;

/** ACT 5f99a7: every aria-* attribute is defined in WAI-ARIA. */
public final class AriaAttributeDefined extends AtomicRule {

    public AriaAttributeDefined() {
        super(Meta.rule("aria-attribute-defined")
                .title("ARIA 属性在 WAI-ARIA 中有定义", "ARIA attribute is defined in WAI-ARIA")
                .help("删除或更正拼错的 aria-* 属性", "Remove or correct misspelt aria-* attributes")
                .secondary("1.3.1", "4.1.2").act("5f99a7", true).tags("aria").build());
    }


    /** ACT 5f99a7: the rule text names any element or attribute, whatever the document. */
    @Override
    public java.util.Set<org.yiyue.rules.page.DocumentKind> documentKinds() {
        return ANY_DOCUMENT;
    }
    @Override
    protected Stream<Target> applicability(Page page) {
        return page.document().getAllElements().stream().flatMap(e -> e.attributes().asList().stream()
                .filter(a -> a.getKey().toLowerCase(Locale.ROOT).startsWith("aria-"))
                .map(a -> Target.attribute(e, a.getKey().toLowerCase(Locale.ROOT))));
    }

    @Override
    protected Verdict expectation(Target t, Page page) {
        return AriaAttributes.isDefined(t.attribute())
                ? Verdict.pass(t.attribute() + " 已定义", t.attribute() + " is defined")
                : Verdict.fail(t.attribute() + " 不是 WAI-ARIA 定义的属性", t.attribute() + " is not defined in WAI-ARIA");
    }
}
