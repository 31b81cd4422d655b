package org.yiyue.overlay.rewrite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class LinkRewriterTest {

    private static final List<LinkRewriter.OriginMapping> ORIGINS = List.of(
            new LinkRewriter.OriginMapping("127.0.0.1:8101", "/s/zwfw"),
            new LinkRewriter.OriginMapping("127.0.0.1:8102", "/s/yth"));

    private static String html(String page) {
        return new String(LinkRewriter.html(page.getBytes(StandardCharsets.UTF_8), "/s/zwfw", ORIGINS),
                StandardCharsets.UTF_8);
    }

    @Test
    void rootRelativeLinksMoveUnderTheMount() {
        assertEquals("<a href=\"/s/zwfw/zone/a.html\">专区</a><img src='/s/zwfw/img/x.svg'><form action=/s/zwfw/search>",
                html("<a href=\"/zone/a.html\">专区</a><img src='/img/x.svg'><form action=/search>"));
    }

    @Test
    void upstreamOriginsBecomeMountsAndForeignLinksStay() {
        assertEquals("<a href=\"/s/yth/login\">登录</a><a href=\"https://www.gov.cn/\">国务院</a><a href=\"/s/zwfw/\">首页</a>",
                html("<a href=\"http://127.0.0.1:8102/login\">登录</a><a href=\"https://www.gov.cn/\">国务院</a>"
                        + "<a href=\"http://127.0.0.1:8101\">首页</a>"));
    }

    @Test
    void schemeRelativeAndLookalikePortsAreHandled() {
        assertEquals("<script src=\"//cdn.example/x.js\"></script><a href=\"http://127.0.0.1:81012/\">x</a>",
                html("<script src=\"//cdn.example/x.js\"></script><a href=\"http://127.0.0.1:81012/\">x</a>"));
        assertEquals("<a href=\"/s/zwfw/x\">x</a>", html("<a href=\"//127.0.0.1:8101/x\">x</a>"));
    }

    @Test
    void cssUrlsSrcsetAndMetaRefresh() {
        assertEquals("<div style=\"background:url(/s/zwfw/img/bg.png)\"></div>",
                html("<div style=\"background:url(/img/bg.png)\"></div>"));
        assertEquals("<img srcset=\"/s/zwfw/a.png 1x, /s/zwfw/b.png 2x\">", html("<img srcset=\"/a.png 1x, /b.png 2x\">"));
        assertEquals("<meta http-equiv=\"refresh\" content=\"900;url=/s/zwfw/logout\">",
                html("<meta http-equiv=\"refresh\" content=\"900;url=/logout\">"));
        assertEquals("@import \"/s/zwfw/base.css\"; a{background:url('/s/zwfw/i.png')}", new String(LinkRewriter.stylesheet(
                "@import \"/base.css\"; a{background:url('/i.png')}".getBytes(StandardCharsets.US_ASCII), "/s/zwfw",
                ORIGINS), StandardCharsets.US_ASCII));
    }

    @Test
    void attributeSpellingsAndLookalikes() {
        assertEquals("<A HREF = '/s/zwfw/x'><img data-src=/s/zwfw/y.png><input value=\"/not-a-link\">"
                        + "<a href=\"/\\evil\">x</a><div xhref=\"/z\" onclick=\"location='/q'\"></div>",
                html("<A HREF = '/x'><img data-src=/y.png><input value=\"/not-a-link\">"
                        + "<a href=\"/\\evil\">x</a><div xhref=\"/z\" onclick=\"location='/q'\"></div>"));
        assertEquals("<meta http-equiv=refresh content=\"0; URL=/s/zwfw/next\"><p>a=/b</p>",
                html("<meta http-equiv=refresh content=\"0; URL=/next\"><p>a=/b</p>"));
        assertEquals("<style>a{background:URL( \"/s/zwfw/i.png\" )}</style>",
                html("<style>a{background:URL( \"/i.png\" )}</style>"));
    }

    @Test
    void gbkBytesSurviveAndUntouchedPagesAreTheSameArray() {
        Charset gbk = Charset.forName("GB18030");
        byte[] page = "<p>居住证签注 朱镕基 堃华社区</p><a href=\"/guide/g002.html\">高龄老人津贴</a>".getBytes(gbk);
        byte[] out = LinkRewriter.html(page, "/s/zwfw", ORIGINS);
        assertEquals("<p>居住证签注 朱镕基 堃华社区</p><a href=\"/s/zwfw/guide/g002.html\">高龄老人津贴</a>", new String(out, gbk));
        byte[] plain = "<p>没有链接</p>".getBytes(gbk);
        assertSame(plain, LinkRewriter.html(plain, "/s/zwfw", ORIGINS));
    }

    @Test
    void hostMountedSitesKeepRootLinks() {
        byte[] page = "<a href=\"/x\">x</a>".getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(page, LinkRewriter.html(page, "", List.of()));
    }
}
