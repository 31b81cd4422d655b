package org.yiyue.rules.checks.lang;

import java.util.stream.Stream;

import org.jsoup.nodes.Element;
import org.yiyue.rules.dom.Dom;
import org.yiyue.rules.engine.AtomicRule;
import org.yiyue.rules.engine.Meta;
import org.yiyue.rules.engine.Target;
import org.yiyue.rules.engine.Verdict;
import org.yiyue.rules.model.Confidence;
import org.yiyue.rules.model.Level;
import org.yiyue.rules.page.Page;

/** ACT b5c3f8: the html element of the page has a non-empty lang attribute. */
public final class HtmlHasLang extends AtomicRule {

    public HtmlHasLang() {
        super(Meta.rule("html-has-lang")
                .title("HTML 页面有 lang 属性", "HTML page has lang attribute")
                .help("在 <html> 上声明页面语言，如 lang=\"zh-CN\"", "Declare the page language on <html>, e.g. lang=\"zh-CN\"")
                .wcag(Level.A, "3.1.1").act("b5c3f8", true).tags("language").miit("W-P6", "读屏/语音朗读需要正确的页面语言", Confidence.OURS).build());
    }

    /** "A node document with a content type of text/html": not XHTML (application/xhtml+xml). */
    @Override
    public java.util.Set<org.yiyue.rules.page.DocumentKind> documentKinds() {
        return java.util.Set.of(org.yiyue.rules.page.DocumentKind.HTML);
    }

    @Override
    protected Stream<Target> applicability(Page page) {
        Element root = page.document().firstElementChild();
        return root != null && root.normalName().equals("html") ? Stream.of(Target.of(root)) : Stream.empty();
    }

    @Override
    protected Verdict expectation(Target t, Page page) {
        String lang = t.element().attr("lang");
        return Dom.isAsciiBlank(lang)
                ? Verdict.fail("<html> 没有声明语言", "<html> declares no language")
                : Verdict.pass("页面语言为 " + lang.trim(), "Page language is " + lang.trim());
    }
}
