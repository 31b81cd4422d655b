package org.yiyue.rules.checks.text;

import java.util.Optional;

import org.jsoup.nodes.Element;
import org.yiyue.rules.css.InlineStyle;
import org.yiyue.rules.css.Length;
import org.yiyue.rules.dom.Dom;
import org.yiyue.rules.dom.Tri;
import org.yiyue.rules.dom.Visibility;
import org.yiyue.rules.engine.ElementRule;
import org.yiyue.rules.engine.Target;
import org.yiyue.rules.engine.Verdict;
import org.yiyue.rules.model.RuleMeta;
import org.yiyue.rules.page.ElementFacts;
import org.yiyue.rules.page.Page;

/**
 * Shared shape of the 1.4.12 text-spacing rules (24afc2, 9e45ec, 78fd32): an !important spacing declared in the
 * style attribute must be at least a factor of the font size, because users' own stylesheets cannot override it.
 */
abstract class SpacingRule extends ElementRule {

    private final String property;
    private final double factor;

    SpacingRule(RuleMeta meta, String property, double factor) {
        super(meta);
        this.property = property;
        this.factor = factor;
    }

    @Override
    protected String candidates() {
        return "[style]";
    }

    @Override
    protected boolean applies(Element e, Page page) {
        Optional<InlineStyle.Declaration> d = InlineStyle.of(e).get(property);
        if (d.isEmpty() || !d.get().important() || Dom.textChildren(e).isEmpty()) {
            return false;
        }
        return Visibility.visible(e, page) != Tri.NO;
    }

    /** Font size in px: rendered fact, else inline px/pt declarations on the element or its ancestors, else 16. */
    static Optional<Double> fontSize(Element e, Page page) {
        Optional<ElementFacts> f = Visibility.facts(e, page);
        if (f.isPresent() && f.get().fontSizePx() != null) {
            return Optional.of(f.get().fontSizePx());
        }
        for (Element p = e; p != null; p = p.parent()) {
            Optional<String> v = InlineStyle.of(p).value("font-size");
            if (v.isPresent()) {
                return Length.parse(v.get()).flatMap(l -> l.toPx(null));
            }
        }
        // no inline font size anywhere: stylesheets or UA defaults (headings) decide, so only rendered facts can say
        return Optional.empty();
    }

    /** The used value in px, or a ratio to the font size for unitless/em values. */
    protected Verdict judge(Element e, Page page, String value) {
        if (value.equals("normal")) {
            return normal(e, page);
        }
        Optional<Length> len = Length.parse(value);
        if (len.isEmpty()) {
            return Verdict.cantTell(property + " 的值无法解析：" + value, "Cannot parse " + property + ": " + value);
        }
        Length l = len.get();
        double ratio;
        if (l.unit().equals("em") || (l.unit().isEmpty() && property.equals("line-height"))) {
            ratio = l.value();
        } else if (l.unit().equals("%") && property.equals("line-height")) {
            ratio = l.value() / 100;
        } else {
            Optional<Double> px = l.toPx(null);
            Optional<Double> fs = fontSize(e, page);
            if (px.isEmpty() || fs.isEmpty()) {
                return Verdict.cantTell("无法确定字号或长度单位", "Cannot resolve the font size or unit");
            }
            ratio = px.get() / fs.get();
        }
        if (ratio >= factor - 1e-9) {
            return Verdict.pass(String.format("%s 为字号的 %.2f 倍", property, ratio),
                    String.format("%s is %.2f times the font size", property, ratio));
        }
        return shortfall(e, page, ratio);
    }

    protected Verdict normal(Element e, Page page) {
        return Verdict.fail(property + ": normal !important 小于要求", property + ": normal !important is below the minimum");
    }

    protected Verdict shortfall(Element e, Page page, double ratio) {
        return Verdict.fail(String.format("%s 仅为字号的 %.2f 倍（要求 ≥ %.2f），且 !important 阻止用户调整",
                        property, ratio, factor),
                String.format("%s is only %.2f times the font size (needs ≥ %.2f) and !important blocks user styles",
                        property, ratio, factor));
    }

    @Override
    protected Verdict expectation(Target t, Page page) {
        String value = InlineStyle.of(t.element()).get(property).orElseThrow().value().toLowerCase(java.util.Locale.ROOT);
        return judge(t.element(), page, value);
    }
}
