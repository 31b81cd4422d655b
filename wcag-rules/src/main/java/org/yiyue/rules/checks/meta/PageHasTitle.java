package org.yiyue.rules.checks.meta;

import java.util.stream.Stream;

import org.jsoup.nodes.Element;
import org.yiyue.rules.dom.Dom;
import org.yiyue.rules.engine.AtomicRule;
import org.yiyue.rules.engine.Meta;
import org.yiyue.rules.engine.Target;
import org.yiyue.rules.engine.Verdict;
import org.yiyue.rules.model.Level;
import org.yiyue.rules.page.Page;

/** ACT 2779a5: the page has a title element whose text is not only whitespace. */
public final class PageHasTitle extends AtomicRule {

    public PageHasTitle() {
        super(Meta.rule("page-title")
                .title("HTML 页面有非空标题", "HTML page has non-empty title")
                .help("在 <head> 中加入描述页面主题的 <title>", "Add a <title> in <head> describing the page")
                .wcag(Level.A, "2.4.2").act("2779a5", true).tags("structure").build());
    }

    @Override
    protected Stream<Target> applicability(Page page) {
        Element root = page.document().firstElementChild();
        return root != null && root.normalName().equals("html") ? Stream.of(Target.of(root)) : Stream.empty();
    }

    @Override
    protected Verdict expectation(Target t, Page page) {
        Element title = null;
        for (Element e : t.element().getElementsByTag("title")) {
            if (!Dom.isSvg(e) && !Dom.inShadowTree(e)) { // the document title is the document tree's first title
                title = e;
                break;
            }
        }
        if (title == null) {
            return Verdict.fail("页面没有 <title> 元素", "The page has no <title> element");
        }
        boolean text = title.textNodes().stream().anyMatch(n -> !Dom.isBlank(n.getWholeText()));
        return text ? Verdict.pass("页面标题为“" + Dom.flat(title.text()) + "”", "Title is \"" + Dom.flat(title.text()) + "\"")
                : Verdict.fail("第一个 <title> 为空", "The first <title> is empty");
    }
}
