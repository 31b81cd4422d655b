package org.yiyue.rules.checks.names;

import java.text.Normalizer;
import java.util.List;
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
        String label = visibleText(e, page);
        if (label.isEmpty()) {
            return false;
        }
        // the rule does not apply where the label or the name abbreviates a word the other spells out
        return !abbreviates(label, AccessibleName.of(e, page));
    }

    static String visibleText(Element e, Page page) {
        StringBuilder b = new StringBuilder();
        collect(e, page, b);
        return Dom.flat(b.toString());
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

    /**
     * ACT label-in-name tokenizing: drop parenthesised text, case-fold and NFKD, every character that is not a
     * letter or digit becomes a space, split into words (each Han character is a word: Chinese has no spaces).
     */
    static List<String> tokens(String s) {
        String t = s;
        String before;
        do {
            before = t;
            t = t.replaceAll("\\([^()]*\\)", " ");
        } while (!t.equals(before));
        t = Normalizer.normalize(t.toLowerCase(Locale.ROOT), Normalizer.Form.NFKD);
        StringBuilder b = new StringBuilder();
        t.codePoints().forEach(c -> {
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                b.append(' ').appendCodePoint(c).append(' ');
            } else {
                b.append(Character.isLetterOrDigit(c) ? Character.toString(c) : " ");
            }
        });
        String flat = b.toString().trim();
        return flat.isEmpty() ? List.of() : List.of(flat.split("\\s+"));
    }

    /** The label's words are a contiguous run of the name's words. */
    static boolean contains(List<String> name, List<String> label) {
        if (label.isEmpty()) {
            return true;
        }
        for (int i = 0; i + label.size() <= name.size(); i++) {
            if (name.subList(i, i + label.size()).equals(label)) {
                return true;
            }
        }
        return false;
    }

    private static final java.util.regex.Pattern ABBREVIATION = java.util.regex.Pattern.compile("(\\p{L}+)\\.(?=\\s|$)");

    /** A word written with a full stop on one side ("Ave.") that begins a longer word of the other ("Avenue"). */
    static boolean abbreviates(String label, String name) {
        return shortened(label, tokens(name)) || shortened(name, tokens(label));
    }

    private static boolean shortened(String text, List<String> other) {
        java.util.regex.Matcher m = ABBREVIATION.matcher(text);
        while (m.find()) {
            String w = m.group(1).toLowerCase(Locale.ROOT);
            if (!other.contains(w) && other.stream().anyMatch(full -> full.length() > w.length() && full.startsWith(w))) {
                return true;
            }
        }
        return false;
    }

    /** Statically, author CSS may hide part of the text: a mismatch is then not known without the browser. */
    private static boolean authorCss(Page page) {
        return page.memo("author-css", page.document(), () -> !page.document().select("style, link[rel~=(?i)stylesheet]").isEmpty());
    }

    @Override
    protected Verdict expectation(Target t, Page page) {
        String label = visibleText(t.element(), page);
        String name = AccessibleName.of(t.element(), page);
        if (contains(tokens(name), tokens(label))) {
            return Verdict.pass("名称“" + name + "”包含可见文字“" + label + "”", "Name \"" + name + "\" contains the visible text \"" + label + "\"");
        }
        if (!page.rendered() && authorCss(page)) {
            return Verdict.cantTell("可见文字“" + label + "”似乎不在名称中，但样式表可能隐藏部分文字，需浏览器判断",
                    "Visible text \"" + label + "\" seems missing from the name, but style sheets may hide part of it: needs the browser");
        }
        return Verdict.fail("可见文字“" + label + "”不在可访问名称“" + name + "”中",
                "Visible text \"" + label + "\" is not in the accessible name \"" + name + "\"");
    }
}
