package org.yiyue.rules.checks.standards;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.yiyue.rules.dom.Dom;
import org.yiyue.rules.dom.Tri;
import org.yiyue.rules.dom.Visibility;
import org.yiyue.rules.engine.Meta;
import org.yiyue.rules.engine.Verdict;
import org.yiyue.rules.model.Confidence;
import org.yiyue.rules.model.Outcome;
import org.yiyue.rules.model.Text;
import org.yiyue.rules.page.ElementFacts;
import org.yiyue.rules.page.Page;

/**
 * MIIT W-P3: mobile web pages offer body text of at least 18 CSS px. The body text size is the size carrying the
 * most characters. Below 18 px fails on 适老化 pages; elsewhere it is cantTell (the page may offer a larger mode).
 */
public final class MobileBodyTextSize extends PageCheck {

    public MobileBodyTextSize() {
        super(Meta.rule("mobile-body-text-size")
                .title("移动网页正文字号不小于 18px", "Mobile body text is at least 18 CSS px")
                .help("移动端（适老版）正文字号至少 18px，最大字号建议 30px",
                        "Make mobile (elder-mode) body text at least 18 px; largest text around 30 px")
                .miit("W-P3", "移动网页至少提供一档 ≥ 18 CSS px 的大字号", Confidence.S)
                .tags("elder", "miit", "mobile").rendered().build());
    }

    @Override
    protected boolean applies(Page page) {
        return ElderPage.mobile(page) && page.document().body() != null;
    }

    @Override
    public List<Outcome> evaluate(Page page) {
        if (applies(page) && !page.rendered()) {
            return List.of(new Outcome.CantTell(id(), "html", "", Verdict.needsBrowser().message(), meta().help()));
        }
        return super.evaluate(page);
    }

    @Override
    protected List<Finding> findings(Page page) {
        Map<Double, Integer> chars = new TreeMap<>();
        for (Element e : page.document().body().getAllElements()) {
            List<TextNode> text = Dom.textChildren(e);
            if (text.isEmpty() || Visibility.visible(e, page) == Tri.NO) {
                continue;
            }
            Double size = Visibility.facts(e, page).map(ElementFacts::fontSizePx).orElse(null);
            if (size == null) {
                continue;
            }
            int n = text.stream().mapToInt(t -> Dom.flat(t.getWholeText()).length()).sum();
            chars.merge(Math.round(size * 10) / 10.0, n, Integer::sum);
        }
        Element body = page.document().body();
        if (chars.isEmpty()) {
            return List.of(new Finding(body, Verdict.cantTell("未测得正文字号", "Body text size was not measured")));
        }
        double bodySize = chars.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        if (bodySize >= 18) {
            return List.of(new Finding(body, Verdict.pass("正文字号 " + bodySize + "px", "Body text is " + bodySize + " px")));
        }
        if (ElderPage.is(page)) {
            return List.of(new Finding(body, Verdict.fail("适老化移动页面正文字号仅 " + bodySize + "px（要求 ≥ 18px）",
                    "Elder-mode mobile page body text is only " + bodySize + " px (needs ≥ 18 px)")));
        }
        return List.of(new Finding(body, Verdict.cantTell("正文字号 " + bodySize + "px；需确认页面是否提供 ≥ 18px 的大字模式",
                "Body text is " + bodySize + " px; check whether the page offers a ≥ 18 px large-text mode")));
    }

    @Override
    protected Text passMessage() {
        return Text.of("正文字号符合要求", "Body text size is sufficient");
    }
}
