package org.yiyue.overlay.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.yiyue.overlay.site.DeclaredFix;
import org.yiyue.overlay.site.PagePattern;
import org.yiyue.overlay.site.Site;
import org.yiyue.overlay.site.ToolbarDefaults;

class HtmlRewriterTest {

    private final HtmlRewriter.Toolbar toolbar = new HtmlRewriter.Toolbar("/a11y/toolbar.js?v=1", Optional.empty());

    private static Site site(List<DeclaredFix> fixes) {
        return new Site("portal", "门户", URI.create("http://127.0.0.1:8104"), null, Optional.empty(), Optional.empty(),
                new ToolbarDefaults("zh-CN", "bottom-left", Map.of("toggle", "Alt+Shift+Y"), false),
                List.of("#piaochuang", ".浮动广告"), fixes);
    }

    @Test
    void tagCarriesTheSiteDefaultsInAsciiOnly() {
        HtmlRewriter.Output out = HtmlRewriter.rewrite(new HtmlRewriter.Input(site(List.of()), "/", "text/html",
                "<html><head><title>门户</title></head></html>".getBytes(StandardCharsets.UTF_8), List.of(), List.of(),
                toolbar, "n"));
        String s = new String(out.page(), StandardCharsets.UTF_8);
        String tag = s.substring(s.indexOf("<script"), s.indexOf("</script>") + 9);
        assertTrue(tag.chars().allMatch(c -> c < 0x7f), tag);
        assertTrue(tag.contains("data-site=\"portal\" data-lang=\"zh-CN\" data-position=\"bottom-left\" data-engine=\"browser\""), tag);
        assertTrue(tag.contains("data-ad-selectors=\"#piaochuang, .&#x6d6e;&#x52a8;&#x5e7f;&#x544a;\""), tag);
        assertTrue(tag.contains("data-shortcuts=\"toggle:Alt+Shift+Y\""), tag);
        assertTrue(s.startsWith("<html><head><script src=\"/a11y/toolbar.js?v=1\""), s);
    }

    @Test
    void fixesRunOnlyOnTheirPagesAndCspGetsTheNonce() {
        Site site = site(List.of(new DeclaredFix.SetLang("set-lang#0", PagePattern.of(List.of("/news/**")), "zh-CN")));
        byte[] page = "<html><head></head><body>x</body></html>".getBytes(StandardCharsets.UTF_8);
        HtmlRewriter.Output home = HtmlRewriter.rewrite(new HtmlRewriter.Input(site, "/index.html", "text/html", page,
                List.of("script-src 'nonce-abc' 'strict-dynamic'"), List.of(), toolbar, "fresh"));
        assertTrue(home.applied().isEmpty());
        assertTrue(new String(home.page(), StandardCharsets.UTF_8).contains("nonce=\"abc\"></script>"));
        HtmlRewriter.Output news = HtmlRewriter.rewrite(new HtmlRewriter.Input(site, "/news/2026/a.html", "text/html",
                page, List.of(), List.of(), toolbar, "fresh"));
        assertEquals(1, news.applied().get(0).elements());
        assertTrue(new String(news.page(), StandardCharsets.UTF_8).startsWith("<html lang=\"zh-CN\"><head><script"));
    }
}
