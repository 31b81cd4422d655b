package org.yiyue.rules.engine;

import org.jsoup.nodes.Element;
import org.yiyue.rules.accname.AccessibleName;
import org.yiyue.rules.model.RuleMeta;
import org.yiyue.rules.page.Page;

/** Expectation shared by the "… has non-empty accessible name" rules. */
public abstract class NameRule extends ElementRule {

    protected NameRule(RuleMeta meta) {
        super(meta);
    }

    @Override
    protected Verdict expectation(Target t, Page page) {
        Element e = t.element();
        String name = AccessibleName.of(e, page);
        if (!name.isEmpty() && !isDefaultName(e, name)) {
            return Verdict.pass("可访问名称为“" + name + "”", "Accessible name is \"" + name + "\"");
        }
        if (generatedText(e, page)) {
            return Verdict.cantTell("名称可能来自 CSS 生成内容（::before/::after），需人工确认",
                    "The name may come from CSS generated content (::before/::after); check by hand");
        }
        return Verdict.fail("元素没有可访问名称，读屏软件无法说明其用途",
                "The element has no accessible name, so screen readers cannot say what it is");
    }

    /** Rendered facts show CSS generated text with letters or digits on the element or inside it. */
    static boolean generatedText(Element e, Page page) {
        if (!page.rendered()) {
            return false;
        }
        for (Element d : e.getAllElements()) {
            String g = org.yiyue.rules.dom.Visibility.facts(d, page)
                    .map(org.yiyue.rules.page.ElementFacts::generatedContent).orElse(null);
            if (g != null && g.codePoints().anyMatch(Character::isLetterOrDigit)) {
                return true;
            }
        }
        return false;
    }

    /** A name the browser supplies by default does not count (e.g. "Submit Query" of an image button). */
    protected boolean isDefaultName(Element e, String name) {
        return false;
    }
}
