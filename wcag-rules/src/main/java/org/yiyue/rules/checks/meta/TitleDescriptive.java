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

/** ACT c4a8a4: whether the title describes the page is a human judgement; the rule finds the target and asks. */
public final class TitleDescriptive extends AtomicRule {

    public TitleDescriptive() {
        super(Meta.rule("page-title-descriptive")
                .title("HTML 页面标题具有描述性", "HTML page title is descriptive")
                .help("标题应说明页面主题或用途，如“办事指南 - 河源市人民政府”",
                        "The title should state the page's topic or purpose")
                .wcag(Level.A, "2.4.2").act("c4a8a4", true).tags("structure").human().build());
    }

    @Override
    protected Stream<Target> applicability(Page page) {
        for (Element e : page.document().getElementsByTag("title")) {
            if (!Dom.isSvg(e)) {
                return Dom.isBlank(e.text()) ? Stream.empty() : Stream.of(Target.of(e));
            }
        }
        return Stream.empty();
    }

    @Override
    protected Verdict expectation(Target t, Page page) {
        return Verdict.cantTell("需人工判断标题“" + Dom.flat(t.element().text()) + "”是否描述页面主题",
                "A person must judge whether \"" + Dom.flat(t.element().text()) + "\" describes the page");
    }
}
