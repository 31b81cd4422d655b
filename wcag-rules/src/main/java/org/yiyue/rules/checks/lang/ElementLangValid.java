package org.yiyue.rules.checks.lang;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.yiyue.rules.dom.Dom;
import org.yiyue.rules.dom.Tri;
import org.yiyue.rules.dom.Visibility;
import org.yiyue.rules.engine.ElementRule;
import org.yiyue.rules.engine.Meta;
import org.yiyue.rules.engine.Target;
import org.yiyue.rules.engine.Verdict;
import org.yiyue.rules.model.Level;
import org.yiyue.rules.page.Page;

/**
 * ACT de46e4: an element in body with a non-empty lang, from which some non-blank text inherits its language,
 * has a known primary language tag. Text counts if visible or in the accessibility tree.
 */
public final class ElementLangValid extends ElementRule {

    public ElementLangValid() {
        super(Meta.rule("element-lang-valid")
                .title("带 lang 属性的元素使用有效语言标签", "Element with lang attribute has valid language tag")
                .help("改正 lang 值为有效的 BCP 47 标签", "Correct the lang value to a valid BCP 47 tag")
                .wcag(Level.AA, "3.1.2").act("de46e4", true).tags("language").build());
    }

    @Override
    protected String candidates() {
        return "body [lang], body[lang]";
    }

    @Override
    protected boolean applies(Element e, Page page) {
        return !e.attr("lang").isEmpty() && Dom.isHtml(e) && hasInheritingText(e, e, page);
    }

    private static boolean hasInheritingText(Element root, Element e, Page page) {
        for (Node n : e.childNodes()) {
            if (n instanceof TextNode t && !Dom.isBlank(t.getWholeText())) {
                if (Visibility.visible(e, page) != Tri.NO || Visibility.includedInAccessibilityTree(e, page)) {
                    return true;
                }
            } else if (n instanceof Element c && !c.hasAttr("lang") && !c.normalName().equals("script")
                    && !c.normalName().equals("style")) {
                if (hasInheritingText(root, c, page)) {
                    return true;
                }
                // text alternatives (alt, aria-label, title) also inherit the language
                if ((!c.attr("alt").isBlank() || !c.attr("aria-label").isBlank())
                        && Visibility.includedInAccessibilityTree(c, page)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    protected Verdict expectation(Target t, Page page) {
        return LangVerdicts.of(t.element().attr("lang"));
    }
}
