package org.yiyue.rules.checks.text;

import java.util.List;
import java.util.Optional;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.yiyue.rules.color.Contrast;
import org.yiyue.rules.dom.Dom;
import org.yiyue.rules.dom.Tri;
import org.yiyue.rules.dom.Visibility;
import org.yiyue.rules.engine.ElementRule;
import org.yiyue.rules.engine.Target;
import org.yiyue.rules.engine.Verdict;
import org.yiyue.rules.model.Outcome;
import org.yiyue.rules.model.RuleMeta;
import org.yiyue.rules.page.ElementFacts;
import org.yiyue.rules.page.Page;
import org.yiyue.rules.page.Rgba;

/**
 * Shared shape of the contrast rules (afw4f7, 09o5cg). Test targets are elements with visible text-node children
 * (all characters of one element share colours). Colours need a browser: without rendered facts the page is one
 * cantTell (or inapplicable when the markup holds no target); with them, an unknown background (image, gradient)
 * is cantTell too.
 */
abstract class ContrastRule extends ElementRule {

    private final double normal;
    private final double large;

    ContrastRule(RuleMeta meta, double normal, double large) {
        super(meta);
        this.normal = normal;
        this.large = large;
    }

    /**
     * Statically the rule looks for a target as far as the markup tells (hidden, disabled, same colours inline): one
     * cantTell for the page when there is one, since colours need a browser; inapplicable when there is none (and
     * no script may add text).
     */
    @Override
    public List<Outcome> evaluate(Page page) {
        if (!page.rendered()) {
            List<Outcome> out = applicability(page).findAny().isPresent()
                    ? List.of(new Outcome.CantTell(id(), "html", "", Verdict.needsBrowser().message(), fix()))
                    : List.of(new Outcome.Inapplicable(id()));
            return org.yiyue.rules.engine.StaticLimits.unlessScripted(this, page, out);
        }
        return super.evaluate(page);
    }

    @Override
    protected String candidates() {
        return "body *";
    }

    @Override
    protected boolean applies(Element e, Page page) {
        if (!Dom.isHtml(e)) {
            return false;
        }
        List<TextNode> text = Dom.textChildren(e);
        if (text.isEmpty() || Visibility.visible(e, page) == Tri.NO) {
            return false;
        }
        return !DisabledText.exempt(e, page) && !sameAsBackground(e, page);
    }

    /** Text painted in its background's colour changes no pixel when made transparent: it is not visible. */
    private static boolean sameAsBackground(Element e, Page page) {
        if (!page.rendered()) {
            return InlineColours.sameAsBackground(e, page);
        }
        Optional<ElementFacts> f = Visibility.facts(e, page);
        if (f.isEmpty() || f.get().color() == null) {
            return false;
        }
        List<Rgba> behind = f.get().background() != null ? List.of(f.get().background()) : f.get().backgroundStops();
        return behind != null && !behind.isEmpty()
                && behind.stream().allMatch(b -> Contrast.ratioOver(f.get().color(), b) < 1.0 + 1e-6);
    }

    @Override
    protected Verdict expectation(Target t, Page page) {
        Element e = t.element();
        String text = Dom.flat(Dom.textChildren(e).stream().map(TextNode::getWholeText).reduce("", String::concat));
        if (text.codePoints().noneMatch(Character::isLetterOrDigit)) {
            return Verdict.pass("文字不表达语言内容（符号），不要求对比度", "Text expresses no human language; no minimum applies");
        }
        Optional<ElementFacts> f = Visibility.facts(e, page);
        if (f.isEmpty() || f.get().color() == null || f.get().fontSizePx() == null) {
            return Verdict.cantTell("浏览器未测得此元素的颜色或字号", "The browser did not measure this element's colour or size");
        }
        ElementFacts facts = f.get();
        List<Rgba> behind = facts.background() != null ? List.of(facts.background()) : facts.backgroundStops();
        if (behind == null || behind.isEmpty()) {
            return Verdict.cantTell("背景为图片或无法确定，需人工核对对比度",
                    "The background is an image or unknown; check the contrast by hand");
        }
        // ACT: the highest possible contrast between the text and what lies behind it (gradient stops included)
        double ratio = behind.stream().mapToDouble(b -> Contrast.ratioOver(facts.color(), b)).max().orElseThrow();
        int weight = facts.fontWeight() == null ? 400 : facts.fontWeight();
        boolean largeText = Contrast.largeScale(facts.fontSizePx(), weight);
        double needed = largeText ? large : normal;
        String size = String.format("%.1fpx/%d", facts.fontSizePx(), weight);
        if (ratio + 1e-9 >= needed) {
            return Verdict.pass(String.format("对比度 %.2f:1（要求 %.1f:1，%s）", ratio, needed, size),
                    String.format("Contrast %.2f:1 (needs %.1f:1, %s)", ratio, needed, size));
        }
        return Verdict.fail(String.format("对比度 %.2f:1 低于 %.1f:1（%s）", ratio, needed, size),
                String.format("Contrast %.2f:1 is below %.1f:1 (%s)", ratio, needed, size));
    }
}
