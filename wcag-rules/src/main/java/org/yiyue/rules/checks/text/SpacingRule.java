package org.yiyue.rules.checks.text;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.jsoup.nodes.Element;
import org.yiyue.rules.css.CssKeywords;
import org.yiyue.rules.css.InlineStyle;
import org.yiyue.rules.css.Length;
import org.yiyue.rules.dom.Dom;
import org.yiyue.rules.dom.Tri;
import org.yiyue.rules.dom.Visibility;
import org.yiyue.rules.engine.AtomicRule;
import org.yiyue.rules.engine.Target;
import org.yiyue.rules.engine.Verdict;
import org.yiyue.rules.model.RuleMeta;
import org.yiyue.rules.page.ElementFacts;
import org.yiyue.rules.page.Page;

/**
 * Shared shape of the 1.4.12 text-spacing rules (24afc2, 9e45ec, 78fd32). Applicability: an HTML element with
 * visible text-node children whose computed value of the property comes from an important declaration in a style
 * attribute (its own or, by inheritance, an ancestor's — see {@link SpacingSource}); users' own stylesheets cannot
 * override such a value. Expectation: the computed value is at least a factor of the element's computed font size.
 * Rendered facts give both computed values; statically the declared value is resolved where the style attributes
 * say enough, otherwise cantTell.
 */
abstract class SpacingRule extends AtomicRule {

    private final String property;
    private final double factor;

    SpacingRule(RuleMeta meta, String property, double factor) {
        super(meta);
        this.property = property;
        this.factor = factor;
    }

    @Override
    protected Stream<Target> applicability(Page page) {
        // The value can only come from an important style-attribute declaration of the property on the element or an
        // ancestor (SpacingSource), so only the subtrees of such declarations are candidates; walking every element's
        // ancestors instead cost the largest real page 2 ms per run.
        List<Element> declaring = page.document().select("[style*=" + property + "]").stream()
                .filter(e -> InlineStyle.of(e).get(property).map(InlineStyle.Declaration::important).orElse(false))
                .toList();
        Set<Element> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        return declaring.stream()
                .flatMap(d -> d.getAllElements().stream())
                .filter(seen::add) // a declaration nested in another's subtree is visited once, in document order
                .filter(e -> applies(e, page))
                .map(Target::of);
    }

    private boolean applies(Element e, Page page) {
        if (!Dom.isHtml(e) || Dom.textChildren(e).isEmpty() || Visibility.visible(e, page) == Tri.NO) {
            return false;
        }
        return source(e, page).declared() != Tri.NO && appliesFurther(e, page);
    }

    /** A further applicability condition of one rule (line height: the text wraps). */
    protected boolean appliesFurther(Element e, Page page) {
        return true;
    }

    SpacingSource source(Element e, Page page) {
        return page.memo("spacing-source:" + property, e, () -> SpacingSource.of(e, property, page));
    }

    @Override
    protected Verdict expectation(Target t, Page page) {
        Element e = t.element();
        SpacingSource s = source(e, page);
        if (s.declared() == Tri.UNKNOWN) {
            return Verdict.cantTell("样式表可能决定 " + property + " 是否来自 style 属性中的 !important 声明，需渲染后人工核对",
                    "Stylesheets may decide whether " + property + " comes from an important style-attribute declaration");
        }
        Optional<Double> rendered = renderedRatio(e, page);
        if (rendered.isPresent()) {
            return judge(e, page, rendered.get());
        }
        String value = s.value();
        if (value.equals("normal") || CssKeywords.isInitial(value)) {
            return normal(e, page);
        }
        return declaredRatio(e, s, value, page).map(r -> judge(e, page, r)).orElseGet(() ->
                Verdict.cantTell("无法确定字号或 " + property + " 的计算值", "Cannot resolve the font size or the computed " + property));
    }

    /** Computed value over computed font size, both measured by the browser. */
    private Optional<Double> renderedRatio(Element e, Page page) {
        Optional<ElementFacts> f = Visibility.facts(e, page);
        if (f.isEmpty() || f.get().fontSizePx() == null || f.get().fontSizePx() <= 0) {
            return Optional.empty();
        }
        Double px = switch (property) {
            case "letter-spacing" -> f.get().letterSpacingPx();
            case "word-spacing" -> f.get().wordSpacingPx();
            default -> f.get().lineHeightPx();
        };
        return px == null ? Optional.empty() : Optional.of(px / f.get().fontSizePx());
    }

    /**
     * The declared value as a ratio to the element's font size: em (and a unitless or percentage line height)
     * resolves against the declaring element's font size, and is inherited as that length — except a unitless line
     * height, which is inherited as the number.
     */
    private Optional<Double> declaredRatio(Element e, SpacingSource s, String value, Page page) {
        Optional<Length> len = Length.parse(value);
        if (len.isEmpty()) {
            return Optional.empty();
        }
        Length l = len.get();
        boolean lineHeight = property.equals("line-height");
        if (lineHeight && l.unit().isEmpty()) {
            return Optional.of(l.value());
        }
        Double perFontSize = l.unit().equals("em") ? Double.valueOf(l.value())
                : lineHeight && l.unit().equals("%") ? Double.valueOf(l.value() / 100) : null;
        if (perFontSize != null) {
            if (s.owner() == e || sameFontSize(e, s.owner(), page)) {
                return Optional.of(perFontSize);
            }
            Optional<Double> ownerFs = fontSize(s.owner(), page);
            Optional<Double> fs = fontSize(e, page);
            return ownerFs.isPresent() && fs.isPresent() ? Optional.of(perFontSize * ownerFs.get() / fs.get()) : Optional.empty();
        }
        Optional<Double> px = l.toPx(null);
        Optional<Double> fs = fontSize(e, page);
        return px.isPresent() && fs.isPresent() ? Optional.of(px.get() / fs.get()) : Optional.empty();
    }

    /** Elements whose own font size may differ from their parent's by user-agent styles. */
    private static final Set<String> UA_FONT_SIZE = Set.of("h1", "h2", "h3", "h4", "h5", "h6", "small", "big", "sub",
            "sup", "code", "pre", "kbd", "samp", "tt", "input", "select", "textarea", "button", "font");

    /**
     * The element inherits its ancestor's font size unchanged: nothing between them sets one (no inline font size,
     * no user-agent size, and no stylesheet on the page that could).
     */
    private static boolean sameFontSize(Element e, Element ancestor, Page page) {
        if (page.rendered() || !page.document().select("style, link[rel~=(?i)stylesheet]").isEmpty()) {
            return false;
        }
        for (Element p = e; p != null && p != ancestor; p = p.parent()) {
            if (InlineStyle.of(p).get("font-size").isPresent() || InlineStyle.of(p).get("font").isPresent()
                    || UA_FONT_SIZE.contains(p.normalName())) {
                return false;
            }
        }
        return true;
    }

    /** Font size in px: rendered fact, else inline px/pt declarations on the element or its ancestors, else unknown. */
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

    protected Verdict judge(Element e, Page page, double ratio) {
        if (ratio >= factor - 1e-9) {
            return Verdict.pass(String.format("%s 为字号的 %.2f 倍", property, ratio),
                    String.format("%s is %.2f times the font size", property, ratio));
        }
        return shortfall(e, page, ratio);
    }

    /** The initial value "normal": no extra letter or word spacing. */
    protected Verdict normal(Element e, Page page) {
        return Verdict.fail(property + ": normal !important 小于要求", property + ": normal !important is below the minimum");
    }

    protected Verdict shortfall(Element e, Page page, double ratio) {
        return Verdict.fail(String.format("%s 仅为字号的 %.2f 倍（要求 ≥ %.2f），且 !important 阻止用户调整",
                        property, ratio, factor),
                String.format("%s is only %.2f times the font size (needs ≥ %.2f) and !important blocks user styles",
                        property, ratio, factor));
    }
}
