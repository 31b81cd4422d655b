package org.yiyue.rules.checks.aria;

import java.util.Locale;
import java.util.stream.Stream;

import org.yiyue.rules.aria.AriaAttributes;
import org.yiyue.rules.engine.AtomicRule;
import org.yiyue.rules.engine.Meta;
import org.yiyue.rules.engine.Target;
import org.yiyue.rules.engine.Verdict;
import org.yiyue.rules.model.Impact;
import org.yiyue.rules.page.Page;

/** ACT 6a7281: a non-empty ARIA state or property value is valid for its value type. */
public final class AriaValueValid extends AtomicRule {

    public AriaValueValid() {
        super(Meta.rule("aria-value-valid")
                .title("ARIA 状态或属性值有效", "ARIA state or property has valid value")
                .help("按 WAI-ARIA 值类型填写（如 true/false、整数、规定的词）",
                        "Use a value of the attribute's WAI-ARIA type (true/false, integer, allowed token …)")
                .secondary("1.3.1", "4.1.2").act("6a7281", true).tags("aria").impact(Impact.SERIOUS).build());
    }


    /** ACT 6a7281: "any HTML or SVG element": an SVG image's elements too. */
    @Override
    public java.util.Set<org.yiyue.rules.page.DocumentKind> documentKinds() {
        return HTML_AND_SVG_DOCUMENTS;
    }
    @Override
    protected Stream<Target> applicability(Page page) {
        return page.document().getAllElements().stream().flatMap(e -> e.attributes().asList().stream()
                .filter(a -> AriaAttributes.isDefined(a.getKey()) && !a.getValue().isEmpty())
                .map(a -> Target.attribute(e, a.getKey().toLowerCase(Locale.ROOT))));
    }

    @Override
    protected Verdict expectation(Target t, Page page) {
        String value = t.element().attr(t.attribute());
        return AriaAttributes.isValidValue(t.attribute(), value)
                ? Verdict.pass(t.attribute() + "=\"" + value + "\" 有效", t.attribute() + "=\"" + value + "\" is valid")
                : Verdict.fail(t.attribute() + "=\"" + value + "\" 不符合其值类型",
                        t.attribute() + "=\"" + value + "\" is not valid for its value type");
    }
}
