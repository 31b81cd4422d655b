package org.yiyue.rules.checks.lang;

import java.util.Set;
import java.util.stream.Stream;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.yiyue.rules.accname.AccessibleName;
import org.yiyue.rules.dom.Dom;
import org.yiyue.rules.dom.Predicates;
import org.yiyue.rules.dom.Tri;
import org.yiyue.rules.dom.Visibility;
import org.yiyue.rules.engine.AtomicRule;
import org.yiyue.rules.engine.Meta;
import org.yiyue.rules.engine.Target;
import org.yiyue.rules.engine.Verdict;
import org.yiyue.rules.lang.LanguageTags;
import org.yiyue.rules.model.Level;
import org.yiyue.rules.page.Page;

/**
 * ACT ucwvc8 (proposed): the primary language subtag of the html element matches the default language of the
 * page's text. Decided only from the writing system, where it is unambiguous: Han text (no kana) is Chinese,
 * kana marks Japanese, Hangul Korean. Latin text never passes (the script cannot tell English from French), and a
 * page with little text or mixed scripts answers cantTell.
 */
public final class HtmlLangMatchesContent extends AtomicRule {

    /** Primary subtags of Chinese languages (macrolanguage zh and its members, plus the 639-2 codes). */
    static final Set<String> CHINESE = Set.of("zh", "zho", "chi", "cmn", "yue", "hak", "wuu", "nan", "gan", "hsn",
            "cdo", "cjy", "cpx", "czh", "czo", "mnp", "lzh", "och", "ltc", "cnp", "csp");
    private static final Set<String> JAPANESE = Set.of("ja", "jpn");
    private static final Set<String> KOREAN = Set.of("ko", "kor");
    private static final Set<String> SKIPPED = Set.of("script", "style", "template", "noscript", "head");
    private static final int ENOUGH_LETTERS = 20;

    public HtmlLangMatchesContent() {
        super(Meta.rule("html-lang-matches-content")
                .title("HTML 页面 lang 与内容的默认语言一致", "HTML page language subtag matches default language")
                .help("把 <html lang> 设为页面主要内容的语言，中文页面用 zh-CN",
                        "Set <html lang> to the language of the main content; zh-CN for Chinese pages")
                .wcag(Level.A, "3.1.1").act("ucwvc8", false).tags("language").build());
    }

    /** Only documents with the content type text/html (the rule's applicability). */
    @Override
    public Set<org.yiyue.rules.page.DocumentKind> documentKinds() {
        return Set.of(org.yiyue.rules.page.DocumentKind.HTML);
    }

    /** Letters of the text that takes the page's language, counted by writing system. */
    record ScriptCounts(int han, int kana, int hangul, int latin) {
        int total() {
            return han + kana + hangul + latin;
        }
    }

    @Override
    protected Stream<Target> applicability(Page page) {
        Element root = page.document().firstElementChild();
        if (root == null || !root.normalName().equals("html")
                || LanguageTags.hasKnownPrimaryLanguage(root.attr("lang")) != LanguageTags.Known.YES) {
            return Stream.empty();
        }
        return count(page).total() > 0 || hasNestedDocuments(page) ? Stream.of(Target.of(root)) : Stream.empty();
    }

    /**
     * Frames and embedded objects: their documents' text inherits the html element's language unless they declare
     * their own, and the static page does not hold it.
     */
    private static boolean hasNestedDocuments(Page page) {
        return !page.document().select("iframe, frame, object, embed").isEmpty();
    }

    @Override
    protected Verdict expectation(Target t, Page page) {
        String lang = t.element().attr("lang").trim();
        String primary = LanguageTags.primarySubtag(lang);
        ScriptCounts c = count(page);
        if (hasNestedDocuments(page)) {
            return Verdict.cantTell("页面内嵌的框架文档也继承此语言，需人工判断默认语言",
                    "Documents in frames on the page inherit this language too; a person must judge the default language");
        }
        if (c.total() < ENOUGH_LETTERS) {
            return Verdict.cantTell("页面文字太少，无法判断内容语言", "Too little text to tell the content's language");
        }
        String content = dominant(c);
        if (content == null) {
            return Verdict.cantTell("页面混用多种文字，需人工判断默认语言",
                    "The page mixes writing systems; a person must judge its default language");
        }
        boolean cjkTag = CHINESE.contains(primary) || JAPANESE.contains(primary) || KOREAN.contains(primary);
        if (content.equals("latin")) {
            return cjkTag
                    ? Verdict.fail("页面内容以拉丁字母为主，lang=\"" + lang + "\" 与之不符",
                            "The text is mostly Latin script, which lang=\"" + lang + "\" does not match")
                    : Verdict.cantTell("拉丁字母文字无法仅凭字符判断具体语言",
                            "Latin-script text: the script alone cannot tell which language it is");
        }
        Set<String> matching = switch (content) {
            case "zh" -> CHINESE;
            case "ja" -> JAPANESE;
            default -> KOREAN;
        };
        if (matching.contains(primary)) {
            return Verdict.pass("lang=\"" + lang + "\" 与页面文字一致", "lang=\"" + lang + "\" matches the page's text");
        }
        if (content.equals("zh") && JAPANESE.contains(primary)) {
            return Verdict.cantTell("只有汉字、没有假名：可能是中文也可能是日文",
                    "Han characters without kana: could be Chinese or Japanese");
        }
        String name = switch (content) {
            case "zh" -> "中文";
            case "ja" -> "日文";
            default -> "韩文";
        };
        return Verdict.fail("页面内容是" + name + "，但 lang=\"" + lang + "\"",
                "The page's text is " + content + " but lang=\"" + lang + "\"");
    }

    /** zh, ja, ko, latin, or null when no writing system clearly dominates. */
    static String dominant(ScriptCounts c) {
        double total = c.total();
        if (c.kana() >= 0.2 * total) {
            return "ja";
        }
        if (c.hangul() >= 0.5 * total) {
            return "ko";
        }
        if (c.han() >= 0.6 * total && c.kana() == 0) {
            return "zh";
        }
        if (c.latin() >= 0.9 * total && c.han() + c.kana() + c.hangul() == 0) {
            return "latin";
        }
        return null;
    }

    static ScriptCounts count(Page page) {
        return page.memo("ucwvc8-scripts", page.document(), () -> {
            int[] n = new int[4];
            Element title = page.document().selectFirst("title");
            if (title != null) {
                tally(title.text(), n); // the page title: E is the document element of a top-level browsing context
            }
            Element body = page.document().body();
            if (body != null && !hasOwnLanguage(body)) {
                walk(body, page, n);
            }
            return new ScriptCounts(n[0], n[1], n[2], n[3]);
        });
    }

    /**
     * ACT "text inheriting its programmatic language" from the html element: text nodes that are visible or
     * included in the accessibility tree, and the accessible name and description of elements included in the
     * accessibility tree, for every element reached without crossing a non-empty lang attribute. Names from content
     * are those same text nodes again; names given by attribute (aria-label, alt, title, aria-labelledby …) are added.
     */
    private static void walk(Element e, Page page, int[] n) {
        boolean exposed = Predicates.isIncludedInAccessibilityTree(e, page);
        boolean visible = Predicates.isVisible(e, page) != Tri.NO;
        if (exposed && hasAttributeText(e)) {
            tally(AccessibleName.of(e, page), n);
            tally(e.attr("aria-description"), n);
            for (Element d : Dom.byIdList(page.document(), e.attr("aria-describedby"))) {
                tally(d.text(), n);
            }
        }
        for (Node child : e.childNodes()) {
            if (child instanceof TextNode text) {
                if (exposed || visible) {
                    tally(text.getWholeText(), n);
                }
            } else if (child instanceof Element el && !SKIPPED.contains(el.normalName()) && !hasOwnLanguage(el)
                    && !Visibility.notRendered(el, page)) {
                walk(el, page, n);
            }
        }
    }

    /** A non-empty lang (or xml:lang) attribute: the element and its content take that language instead. */
    private static boolean hasOwnLanguage(Element e) {
        return !e.attr("lang").isBlank() || !e.attr("xml:lang").isBlank();
    }

    private static boolean hasAttributeText(Element e) {
        for (String a : new String[] {"aria-label", "aria-labelledby", "alt", "title", "aria-describedby",
                "aria-description", "placeholder"}) {
            if (e.hasAttr(a)) {
                return true;
            }
        }
        return false;
    }

    private static void tally(String s, int[] n) {
        s.codePoints().forEach(cp -> {
            switch (Character.UnicodeScript.of(cp)) {
                case HAN -> n[0]++;
                case HIRAGANA, KATAKANA -> n[1]++;
                case HANGUL -> n[2]++;
                case LATIN -> n[3]++;
                default -> { }
            }
        });
    }
}
