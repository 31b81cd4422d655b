package org.yiyue.rules.checks.standards;

import java.util.List;
import java.util.Locale;

import org.jsoup.nodes.Element;
import org.yiyue.rules.aria.Roles;
import org.yiyue.rules.dom.Predicates;
import org.yiyue.rules.engine.Meta;
import org.yiyue.rules.engine.Verdict;
import org.yiyue.rules.model.Confidence;
import org.yiyue.rules.model.Level;
import org.yiyue.rules.model.Text;
import org.yiyue.rules.page.Page;

/**
 * WCAG 2.4.1 bypass blocks: a page that starts with a block of links (a likely repeated navigation block) offers
 * a way past it — a same-page link, a landmark, a heading, or frames. Fails only when none exists at all.
 */
public final class BypassBlocks extends PageCheck {

    /** Links before the main content that suggest a repeated navigation block. */
    static final int NAV_LINKS = 10;

    public BypassBlocks() {
        super(Meta.rule("bypass-blocks")
                .title("提供跳过重复区块的方式", "Page offers a way to bypass repeated blocks")
                .help("在页首加“跳到主要内容”链接，并用 <main> 与标题标出正文",
                        "Add a 'skip to main content' link and mark the content with <main> and headings")
                .wcag(Level.A, "2.4.1").miit("W-O1", "键盘快速定位（全键盘操作）", Confidence.OURS)
                .tags("keyboard", "structure").build());
    }

    @Override
    protected boolean applies(Page page) {
        Element body = page.document().body();
        return body != null && body.select("a[href]").size() >= NAV_LINKS;
    }

    @Override
    protected List<Finding> findings(Page page) {
        Element body = page.document().body();
        boolean skipLink = body.select("a[href^=#]").stream()
                .anyMatch(a -> a.attr("href").length() > 1 && !a.attr("href").equals("#top"));
        // any landmark lets screen-reader users jump between regions (ARIA11), not only main
        boolean main = body.getAllElements().stream()
                .anyMatch(e -> Predicates.hasRoleIn(e, page, org.yiyue.rules.aria.AriaRoles.LANDMARK)
                        && Predicates.isIncludedInAccessibilityTree(e, page));
        boolean heading = body.getAllElements().stream()
                .anyMatch(e -> Predicates.hasRole(e, page, "heading") && Predicates.isIncludedInAccessibilityTree(e, page));
        boolean frames = !page.document().select("frameset, frame").isEmpty();
        if (skipLink || main || heading || frames) {
            return List.of();
        }
        return List.of(new Finding(body, Verdict.fail(
                "页面有 " + body.select("a[href]").size() + " 个链接，但没有跳转链接、main 区域或标题可跳过重复区块",
                "The page has " + body.select("a[href]").size()
                        + " links but no skip link, main landmark or heading to bypass repeated blocks")));
    }

    @Override
    protected Text passMessage() {
        return Text.of("页面提供了跳转链接、main 区域或标题", "The page offers a skip link, main landmark or headings");
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    static String role(Element e, Page page) {
        return Roles.semantic(e, page);
    }
}
