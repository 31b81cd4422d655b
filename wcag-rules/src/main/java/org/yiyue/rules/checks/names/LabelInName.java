package org.yiyue.rules.checks.names;

import java.util.Locale;
import java.util.Set;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.yiyue.rules.accname.AccessibleName;
import org.yiyue.rules.dom.Dom;
import org.yiyue.rules.dom.Predicates;
import org.yiyue.rules.dom.Tri;
import org.yiyue.rules.dom.Visibility;
import org.yiyue.rules.engine.ElementRule;
import org.yiyue.rules.engine.Meta;
import org.yiyue.rules.engine.Target;
import org.yiyue.rules.engine.Verdict;
import org.yiyue.rules.model.Confidence;
import org.yiyue.rules.model.Level;
import org.yiyue.rules.page.Page;

/**
 * ACT 2ee8b8 (proposed): a widget named by aria-label/aria-labelledby includes its visible text in the name, so
 * speech-input users can say what they see. Comparison is case-insensitive with punctuation ignored; Latin text
 * must match whole words, Chinese text as a substring (no word spaces).
 */
public final class LabelInName extends ElementRule {

    private static final Set<String> WIDGETS = Set.of("button", "checkbox", "gridcell", "link", "menuitem",
            "menuitemcheckbox", "menuitemradio", "option", "radio", "switch", "tab", "treeitem", "doc-backlink",
            "doc-biblioref", "doc-glossref", "doc-noteref");

    public LabelInName() {
        super(Meta.rule("label-in-name")
                .title("可见标签包含在可访问名称中", "Visible label is part of accessible name")
                .help("aria-label 应以按钮或链接上显示的文字开头或包含它", "Make aria-label contain (ideally start with) the visible text")
                .wcag(Level.A, "2.5.3").act("2ee8b8", false).tags("names", "speech")
                .miit("W-C1", "支持语音识别操作（名称与可见文字一致）", Confidence.N).build());
    }

    @Override
    protected boolean applies(Element e, Page page) {
        if (!(e.hasAttr("aria-label") || e.hasAttr("aria-labelledby")) || !Predicates.hasRoleIn(e, page, WIDGETS)) {
            return false;
        }
        return !visibleText(e, page).isEmpty();
    }

    static String visibleText(Element e, Page page) {
        StringBuilder b = new StringBuilder();
        collect(e, page, b);
        return normalise(b.toString());
    }

    private static void collect(Element e, Page page, StringBuilder b) {
        for (Node n : e.childNodes()) {
            if (n instanceof TextNode t) {
                if (Visibility.visible(e, page) != Tri.NO) {
                    b.append(t.getWholeText());
                }
            } else if (n instanceof Element c && !c.normalName().equals("script") && !c.normalName().equals("style")) {
                b.append(' ');
                collect(c, page, b);
                b.append(' ');
            }
        }
    }

    static String normalise(String s) {
        return Dom.flat(s.toLowerCase(Locale.ROOT).replaceAll("[\\p{P}\\p{S}]", " "));
    }

    static boolean contains(String name, String label) {
        if (label.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
            return name.replace(" ", "").contains(label.replace(" ", ""));
        }
        return (" " + name + " ").contains(" " + label + " ");
    }

    @Override
    protected Verdict expectation(Target t, Page page) {
        String label = visibleText(t.element(), page);
        String name = normalise(AccessibleName.of(t.element(), page));
        if (contains(name, label)) {
            return Verdict.pass("名称“" + name + "”包含可见文字“" + label + "”", "Name \"" + name + "\" contains the visible text \"" + label + "\"");
        }
        return Verdict.fail("可见文字“" + label + "”不在可访问名称“" + name + "”中",
                "Visible text \"" + label + "\" is not in the accessible name \"" + name + "\"");
    }
}
