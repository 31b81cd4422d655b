package org.yiyue.rules.checks.lang;

import java.util.stream.Stream;

import org.jsoup.nodes.Element;
import org.yiyue.rules.dom.Dom;
import org.yiyue.rules.engine.AtomicRule;
import org.yiyue.rules.engine.Meta;
import org.yiyue.rules.engine.Target;
import org.yiyue.rules.engine.Verdict;
import org.yiyue.rules.model.Level;
import org.yiyue.rules.page.Page;

/** ACT bf051a: the html element's lang attribute has a known primary language tag. */
public final class HtmlLangValid extends AtomicRule {

    public HtmlLangValid() {
        super(Meta.rule("html-lang-valid")
                .title("HTML 页面 lang 属性为有效语言标签", "HTML page lang attribute has valid language tag")
                .help("使用 BCP 47 语言标签，如 zh-CN、zh-Hans、en", "Use a BCP 47 language tag such as zh-CN, zh-Hans, en")
                .wcag(Level.A, "3.1.1").act("bf051a", true).tags("language").build());
    }

    /** "A node document with a content type of text/html": not XHTML (application/xhtml+xml). */
    @Override
    public java.util.Set<org.yiyue.rules.page.DocumentKind> documentKinds() {
        return java.util.Set.of(org.yiyue.rules.page.DocumentKind.HTML);
    }

    @Override
    protected Stream<Target> applicability(Page page) {
        Element root = page.document().firstElementChild();
        return root != null && root.normalName().equals("html") && !Dom.isAsciiBlank(root.attr("lang"))
                ? Stream.of(Target.of(root)) : Stream.empty();
    }

    @Override
    protected Verdict expectation(Target t, Page page) {
        return LangVerdicts.of(t.element().attr("lang"));
    }
}
