package org.yiyue.rules.checks.lang;

import org.jsoup.nodes.Element;
import org.yiyue.rules.accname.AccessibleName;
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

    /** "A node document with a content type of text/html": not XHTML. */
    @Override
    public java.util.Set<org.yiyue.rules.page.DocumentKind> documentKinds() {
        return java.util.Set.of(org.yiyue.rules.page.DocumentKind.HTML);
    }

    @Override
    protected boolean applies(Element e, Page page) {
        return !e.attr("lang").isEmpty() && Dom.isHtml(e) && hasInheritingText(e, page);
    }

    /** Attributes that can give an element an accessible name or description of its own (not from content). */
    private static final String[] NAMING = {"alt", "aria-label", "aria-labelledby", "title", "aria-describedby",
        "aria-description", "placeholder"};

    /**
     * The rule text's "text inheriting its programmatic language" from E: text nodes that are visible or in the
     * accessibility tree, and the accessible name and description of elements in the tree, of E itself and of every
     * element inheriting the language from it (a flat-tree child without a non-empty lang of its own, recursively).
     */
    private static boolean hasInheritingText(Element f, Page page) {
        boolean shown = Visibility.visible(f, page) != Tri.NO || Visibility.includedInAccessibilityTree(f, page);
        if (shown && !Dom.textChildren(f).isEmpty()) {
            return true;
        }
        if (hasOwnNameOrDescription(f, page)) {
            return true;
        }
        for (Element c : f.children()) {
            if (c.attr("lang").isEmpty() && !c.normalName().equals("script") && !c.normalName().equals("style")
                    && hasInheritingText(c, page)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasOwnNameOrDescription(Element f, Page page) {
        boolean naming = false;
        for (String a : NAMING) {
            if (!f.attr(a).isBlank()) {
                naming = true;
                break;
            }
        }
        if (!naming || !Visibility.includedInAccessibilityTree(f, page)) {
            return false;
        }
        if (!Dom.isBlank(AccessibleName.of(f, page)) || !f.attr("aria-description").isBlank()
                || !f.attr("title").isBlank()) {
            return true;
        }
        for (Element d : Dom.byIdList(f.ownerDocument(), f.attr("aria-describedby"))) {
            if (!Dom.isBlank(d.text())) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected Verdict expectation(Target t, Page page) {
        return LangVerdicts.of(t.element().attr("lang"));
    }
}
