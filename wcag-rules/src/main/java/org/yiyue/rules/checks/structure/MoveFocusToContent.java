package org.yiyue.rules.checks.structure;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.jsoup.nodes.Element;
import org.yiyue.rules.dom.BeyondMarkup;
import org.yiyue.rules.dom.Dom;
import org.yiyue.rules.engine.AtomicRule;
import org.yiyue.rules.engine.Meta;
import org.yiyue.rules.engine.Target;
import org.yiyue.rules.engine.Verdict;
import org.yiyue.rules.model.Confidence;
import org.yiyue.rules.model.Impact;
import org.yiyue.rules.page.Page;

/**
 * ACT ye5d6e (proposed): Document has an instrument to move focus to non-repeated content. Applies to every HTML
 * page; expects an instrument in it that moves focus just before a node of non-repeated content after repeated
 * content (a skip link, G1/G123/G124). Which content is repeated takes other pages and a person, so a page with a
 * candidate instrument answers cantTell; it fails only when the page has no instrument that can move focus within
 * it at all: no link to a fragment of the page that exists, no label, access key or popover/command button, no form
 * posting to a fragment — and no script or content outside the markup that could add one.
 */
public final class MoveFocusToContent extends AtomicRule {

    public MoveFocusToContent() {
        super(Meta.rule("move-focus-to-content")
                .title("页面有跳到主要内容的方式（跳转链接）", "Document has an instrument to move focus to non-repeated content")
                .help("在页首提供“跳到主要内容”链接，指向正文开始处（如 <a href=\"#main\">跳到主要内容</a>）",
                        "Provide a 'skip to main content' link at the top pointing at the start of the content (e.g. <a href=\"#main\">)")
                .secondary("2.4.1").miit("W-O1", "键盘快速定位（全键盘操作）", Confidence.OURS)
                .act("ye5d6e", false).tags("keyboard", "structure").impact(Impact.MODERATE).build());
    }

    @Override
    protected Stream<Target> applicability(Page page) {
        Element root = page.document().firstElementChild();
        return root == null ? Stream.empty() : Stream.of(Target.of(root));
    }

    @Override
    protected Verdict expectation(Target t, Page page) {
        Optional<Element> instrument = page.document().getAllElements().stream()
                .filter(e -> !Dom.inNonRenderedContainer(e) && movesFocusWithinPage(e, page)).findFirst();
        if (instrument.isPresent()) {
            return Verdict.cantTell("请人工确认该元素是否把焦点移到重复区块之后的正文开始处：" + Dom.flat(instrument.get().text()),
                    "Check by hand whether this moves focus to where the non-repeated content starts: "
                            + Dom.flat(instrument.get().text()));
        }
        if (BeyondMarkup.mayRunScript(page)) {
            return Verdict.cantTell("页面脚本可能提供移动焦点的控件，需人工确认",
                    "The page's scripts may provide an instrument that moves focus; check by hand");
        }
        return Verdict.fail("页面上没有任何可把焦点移到页面内某处的链接或控件（如“跳到主要内容”）",
                "Nothing on the page can move focus within it (no working 'skip to main content' link or similar)");
    }

    /** An instrument that, when activated, may move focus to some node of this page. */
    static boolean movesFocusWithinPage(Element e, Page page) {
        String tag = e.normalName();
        if ((tag.equals("a") || tag.equals("area")) && (e.hasAttr("href") || e.hasAttr("xlink:href"))) {
            String href = e.hasAttr("href") ? e.attr("href") : e.attr("xlink:href");
            return fragmentOfThisPage(href, page).map(f -> resolves(f, page)).orElse(false);
        }
        if (tag.equals("form")) {
            return e.attr("action").contains("#");
        }
        if (tag.equals("label")) {
            return (e.hasAttr("for") && Dom.byId(page.document(), e.attr("for")) != null)
                    || !e.select("input, select, textarea, button, meter, output, progress").isEmpty();
        }
        return e.hasAttr("accesskey") || e.hasAttr("popovertarget") || e.hasAttr("commandfor");
    }

    /** The decoded fragment when the URL points into this same document, else empty. */
    static Optional<String> fragmentOfThisPage(String href, Page page) {
        String h = href.strip();
        int hash = h.indexOf('#');
        if (hash < 0) {
            return Optional.empty();
        }
        String before = h.substring(0, hash);
        if (!before.isEmpty() && !sameDocument(before, page.url())) {
            return Optional.empty();
        }
        return Optional.of(URLDecoder.decode(h.substring(hash + 1).replace("+", "%2B"), StandardCharsets.UTF_8));
    }

    private static boolean sameDocument(String url, String pageUrl) {
        try {
            URI base = URI.create(pageUrl.replace(" ", "%20"));
            URI target = base.resolve(url.replace(" ", "%20"));
            return Optional.ofNullable(target.getScheme()).orElse("").equalsIgnoreCase(Optional.ofNullable(base.getScheme()).orElse(""))
                    && Optional.ofNullable(target.getRawAuthority()).orElse("").equalsIgnoreCase(Optional.ofNullable(base.getRawAuthority()).orElse(""))
                    && Optional.ofNullable(target.getRawPath()).orElse("").equals(Optional.ofNullable(base.getRawPath()).orElse(""))
                    && Optional.ofNullable(target.getRawQuery()).orElse("").equals(Optional.ofNullable(base.getRawQuery()).orElse(""));
        } catch (IllegalArgumentException e) {
            return true; // cannot tell: count it as this page (conservative)
        }
    }

    /**
     * HTML "find a potential indicated element": an element with that id, else an a element with that name. The
     * empty fragment and "top" scroll to the top of the document, which is before any repeated content, so never
     * just before non-repeated content after it.
     */
    static boolean resolves(String fragment, Page page) {
        return !fragment.isEmpty() && indicatable(page).contains(fragment);
    }

    /** The ids of the page's elements and the names of its a elements, once per page. */
    private static Set<String> indicatable(Page page) {
        return page.memo("move-focus-targets", page.document(), () -> {
            Set<String> out = new HashSet<>();
            for (Element e : page.document().getAllElements()) {
                if (Dom.inNonRenderedContainer(e)) {
                    continue;
                }
                if (!e.id().isEmpty()) {
                    out.add(e.id());
                }
                if (e.normalName().equals("a") && e.hasAttr("name")) {
                    out.add(e.attr("name"));
                }
            }
            return out;
        });
    }
}
