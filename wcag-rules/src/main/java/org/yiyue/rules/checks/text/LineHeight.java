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
 * ACT 78fd32: important line height in style attributes is at least 1.5. The rule only applies to text that wraps;
 * a short line height fails only when rendered facts show more than one line, otherwise cantTell.
 */
public final class LineHeight extends SpacingRule {
    public LineHeight() {
        super(Meta.rule("line-height-important")
                .title("style 属性中的 !important 行高足够", "Important line height in style attributes is wide enough")
                .help("去掉 !important，或让 line-height ≥ 1.5", "Drop !important or make line-height at least 1.5")
                .wcag(Level.AA, "1.4.12").act("78fd32", true).tags("text-spacing").build(), "line-height", 1.5);
    }

    @Override
    protected Verdict normal(Element e, Page page) {
        return shortfall(e, page, 1.2);
    }

    @Override
    protected Verdict shortfall(Element e, Page page, double ratio) {
        Optional<ElementFacts> f = Visibility.facts(e, page);
        if (f.isPresent() && f.get().lineCount() != null) {
            if (f.get().lineCount() > 1) {
                return super.shortfall(e, page, ratio);
            }
            return Verdict.pass("文字只有一行，不受行高要求约束", "The text does not wrap, so line height does not matter");
        }
        return Verdict.cantTell(String.format("行高为字号的 %.2f 倍；文字是否换行需渲染后判断", ratio),
                String.format("Line height is %.2f times the font size; whether the text wraps needs rendering", ratio));
    }
}
