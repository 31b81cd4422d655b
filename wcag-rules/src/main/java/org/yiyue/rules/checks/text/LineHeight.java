package org.yiyue.rules.checks.text;

import java.util.Optional;

import org.jsoup.nodes.Element;
import org.yiyue.rules.dom.Visibility;
import org.yiyue.rules.engine.Meta;
import org.yiyue.rules.engine.Verdict;
import org.yiyue.rules.model.Level;
import org.yiyue.rules.page.ElementFacts;
import org.yiyue.rules.page.Page;

/**
 * ACT 78fd32: important line height in style attributes is at least 1.5. The rule only applies to text that wraps
 * (a soft wrap break): rendered facts count the lines; without them a short line height is cantTell.
 */
public final class LineHeight extends SpacingRule {
    public LineHeight() {
        super(Meta.rule("line-height-important")
                .title("style 属性中的 !important 行高足够", "Important line height in style attributes is wide enough")
                .help("去掉 !important，或让 line-height ≥ 1.5", "Drop !important or make line-height at least 1.5")
                .wcag(Level.AA, "1.4.12").act("78fd32", true).tags("text-spacing").build(), "line-height", 1.5);
    }

    /** ACT: only text that includes a soft wrap break; unknown without rendered facts (then decided below). */
    @Override
    protected boolean appliesFurther(Element e, Page page) {
        Optional<ElementFacts> f = Visibility.facts(e, page);
        return f.isEmpty() || f.get().lineCount() == null || f.get().lineCount() > 1;
    }

    @Override
    protected Verdict normal(Element e, Page page) {
        return shortfall(e, page, 1.2);
    }

    @Override
    protected Verdict shortfall(Element e, Page page, double ratio) {
        Optional<ElementFacts> f = Visibility.facts(e, page);
        if (f.isPresent() && f.get().lineCount() != null) {
            if (f.get().lineCount() <= e.select("br").size() + 1) {
                // ACT asks for a soft wrap break: lines that forced breaks (br) alone can account for may have none
                return Verdict.cantTell(String.format("行高为字号的 %.2f 倍；多行可能都来自强制换行（br），未必有自动换行", ratio),
                        String.format("Line height is %.2f times the font size; the lines may all come from forced"
                                + " breaks (br), without a soft wrap break", ratio));
            }
            return super.shortfall(e, page, ratio); // more lines than forced breaks make: some line wraps softly
        }
        return Verdict.cantTell(String.format("行高为字号的 %.2f 倍；文字是否换行需渲染后判断", ratio),
                String.format("Line height is %.2f times the font size; whether the text wraps needs rendering", ratio));
    }
}
