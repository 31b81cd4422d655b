package org.yiyue.rules.checks.standards;

import java.util.List;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.yiyue.rules.aria.AriaRoles;
import org.yiyue.rules.dom.Predicates;
import org.yiyue.rules.engine.Meta;
import org.yiyue.rules.engine.Verdict;
import org.yiyue.rules.model.Confidence;
import org.yiyue.rules.model.Level;
import org.yiyue.rules.model.Text;
import org.yiyue.rules.page.Page;

/**
 * WCAG 2.4.1 where headings are the only way past the repeated block: legacy pages with no skip link, no landmark
 * and no frames pass {@code bypass-blocks} as soon as any heading exists, yet a heading only bypasses the block when
 * one starts the main content (H69). This rule fails such a page when every heading lies inside the leading block
 * of links (a logo in h1, a 栏目 title in the menu) or after the first run of main text (a footer 友情链接 heading).
 *
 * <p>The main text starts at the first element with {@value #CONTENT_CHARS}+ characters of its own text outside
 * links (not a footer's copyright line); {@value BypassBlocks#NAV_LINKS}+ links before it make a block to bypass, and
 * the nearest heading above it must have fewer than that many links between itself and the text. A page whose text
 * never runs that long (a portal home of link lists) is left to a person: where its content starts is not decided.
 * WCAG has no failure technique for 2.4.1: the cases follow the sufficient techniques G1, G124, ARIA11 and H69.
 */
public final class BypassHeadingStartsContent extends PageCheck {

    /** Own text (outside links) this long marks the start of the main content. */
    static final int CONTENT_CHARS = 50;

    public BypassHeadingStartsContent() {
        super(Meta.rule("bypass-heading-starts-content")
                .title("只靠标题跳过重复区块时，正文以标题开始", "Where headings are the only bypass, one starts the main content")
                .help("在导航之后、正文开头放一个标题（如文章标题用 <h1>），或加“跳到主要内容”链接和 <main> 地标",
                        "Put a heading at the start of the main content (e.g. the article title as <h1>), or add a skip link and a <main> landmark")
                .wcag(Level.A, "2.4.1").miit("W-O1", "键盘快速定位（全键盘操作）", Confidence.OURS)
                .tags("keyboard", "structure").build());
    }

    /** Links before the main text, and the links between the nearest heading above it and the main text (-1: none). */
    private record Layout(Element contentStart, int linksBeforeContent, int linksAfterLastHeading, boolean anyHeading) {
    }

    @Override
    protected boolean applies(Page page) {
        Element body = page.document().body();
        if (body == null || otherBypass(page, body)) {
            return false;
        }
        Layout l = layout(page, body);
        return l.anyHeading() && l.contentStart() != null && l.linksBeforeContent() >= BypassBlocks.NAV_LINKS;
    }

    @Override
    protected List<Finding> findings(Page page) {
        Element body = page.document().body();
        Layout l = layout(page, body);
        if (l.linksAfterLastHeading() >= 0 && l.linksAfterLastHeading() < BypassBlocks.NAV_LINKS) {
            return List.of();
        }
        String why = l.linksAfterLastHeading() < 0 ? "正文之前没有任何标题" : "正文前最近的标题与正文之间还隔着 " + l.linksAfterLastHeading() + " 个链接";
        String whyEn = l.linksAfterLastHeading() < 0 ? "no heading comes before the main text"
                : "the nearest heading above the main text is still " + l.linksAfterLastHeading() + " links away from it";
        return List.of(new Finding(body, Verdict.fail(
                "页面没有跳转链接和地标，只有标题可用来跳过前面的 " + l.linksBeforeContent() + " 个链接，但" + why
                        + "（正文从“" + excerpt(l.contentStart()) + "”开始）",
                "No skip link or landmark: headings are the only way past the " + l.linksBeforeContent() + " links before the main text, but "
                        + whyEn + " (the main text starts at \"" + excerpt(l.contentStart()) + "\")")));
    }

    @Override
    protected Text passMessage() {
        return Text.of("正文以标题开始，可用标题跳过导航区", "A heading starts the main content, so headings bypass the navigation");
    }

    /** A skip link to an existing target, a landmark or frames: bypass-blocks already passes such a page. */
    private static boolean otherBypass(Page page, Element body) {
        for (Element a : body.select("a[href^=#]")) {
            String id = a.attr("href").substring(1);
            if (!id.isEmpty() && !id.equals("top")
                    && (page.document().getElementById(id) != null || !page.document().select("a[name=" + cssString(id) + "]").isEmpty())) {
                return true;
            }
        }
        boolean landmark = body.getAllElements().stream()
                .anyMatch(e -> Predicates.hasRoleIn(e, page, AriaRoles.LANDMARK) && Predicates.isIncludedInAccessibilityTree(e, page));
        return landmark || !page.document().select("frameset, frame").isEmpty();
    }

    private static String cssString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static Layout layout(Page page, Element body) {
        int links = 0;
        int linksAtHeading = -1;
        boolean anyHeading = body.getAllElements().stream()
                .anyMatch(e -> Predicates.hasRole(e, page, "heading") && Predicates.isIncludedInAccessibilityTree(e, page));
        for (Element e : body.getAllElements()) {
            if (!Predicates.isIncludedInAccessibilityTree(e, page)) {
                continue;
            }
            if (Predicates.hasRole(e, page, "heading")) {
                linksAtHeading = links;
            }
            if (e.normalName().equals("a") && e.hasAttr("href")) {
                links++;
            }
            String own = ownText(e);
            if (own.length() >= CONTENT_CHARS && e.closest("a[href]") == null && !FOOTER.matcher(own).find()) {
                return new Layout(e, links, linksAtHeading < 0 ? -1 : links - linksAtHeading, anyHeading);
            }
        }
        return new Layout(null, links, -1, anyHeading);
    }

    /** Text of a page footer (copyright, sponsor, ICP number): never the start of the main content. */
    private static final java.util.regex.Pattern FOOTER = java.util.regex.Pattern.compile(
            "(?i)版权所有|copyright|©|ICP备|网站标识码|主办单位|承办单位|技术支持|网站地图|联系我们|公网安备");

    /** The element's own text: its text nodes and those of inline children that are not links or headings. */
    private static String ownText(Element e) {
        String n = e.normalName();
        if (n.equals("script") || n.equals("style") || n.equals("noscript") || n.equals("template") || n.equals("marquee")
                || n.equals("select") || n.equals("option") || n.equals("textarea")) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (Node c : e.childNodes()) {
            if (c instanceof TextNode t) {
                sb.append(t.text());
            } else if (c instanceof Element ce && inline(ce)) {
                sb.append(ownText(ce));
            }
        }
        return sb.toString().replaceAll("[\\s\\u00a0\\u3000]+", " ").strip();
    }

    private static boolean inline(Element e) {
        return switch (e.normalName()) {
            case "span", "b", "strong", "em", "i", "u", "font", "small", "big", "sub", "sup", "abbr", "code", "mark", "q", "br" -> true;
            default -> false;
        };
    }

    private static String excerpt(Element e) {
        String t = ownText(e);
        return t.length() > 20 ? t.substring(0, 20) + "…" : t;
    }
}
