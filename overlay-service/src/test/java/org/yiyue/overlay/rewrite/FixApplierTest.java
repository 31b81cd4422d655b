package org.yiyue.overlay.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.yiyue.overlay.site.DeclaredFix;
import org.yiyue.overlay.site.PagePattern;

class FixApplierTest {

    private static final PagePattern ALL = PagePattern.ALL;

    private static String run(String page, DeclaredFix... fixes) {
        FixApplier.Result r = FixApplier.apply(page.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8,
                List.of(fixes), "http://127.0.0.1/");
        return new String(r.page(), StandardCharsets.UTF_8);
    }

    @Test
    void setLang() {
        assertEquals("<!doctype html><html lang=\"zh-CN\"><head></head><body>你好</body></html>",
                run("<!doctype html><html><head></head><body>你好</body></html>",
                        new DeclaredFix.SetLang("set-lang#0", ALL, "zh-CN")));
        assertTrue(run("<html lang=en><body>x</body></html>", new DeclaredFix.SetLang("set-lang#0", ALL, "zh-CN"))
                .contains("lang=\"zh-CN\""));
    }

    @Test
    void allowZoomRemovesOnlyTheBlockingParts() {
        String out = run("<html><head><meta name=\"viewport\" content=\"width=device-width, initial-scale=1.0, "
                + "maximum-scale=1.0, user-scalable=no\"></head><body></body></html>",
                new DeclaredFix.AllowZoom("allow-zoom#0", ALL));
        assertTrue(out.contains("content=\"width=device-width, initial-scale=1.0\""), out);
    }

    @Test
    void setAttributeOnTheNamedElementsOnly() {
        String out = run("<html><body><div id=logo><img src=a.png></div><img src=b.png></body></html>",
                new DeclaredFix.SetAttribute("set-attribute#0", ALL, "#logo img", "alt", "广东政务服务网"));
        assertTrue(out.contains("<img src=\"a.png\" alt=\"广东政务服务网\">"), out);
        assertTrue(out.contains("<img src=\"b.png\">"), out);
    }

    @Test
    void skipLinkOnlyWhenTheTargetExists() {
        DeclaredFix skip = new DeclaredFix.SkipLink("skip-link#0", ALL, "#main", null);
        String out = run("<html><body><nav>菜单</nav><div id=main>正文</div></body></html>", skip);
        assertTrue(out.contains("<body><a href=\"#main\" class=\"yiyue-skip-link\">跳到主要内容</a><nav>"), out);
        FixApplier.Result none = FixApplier.apply("<html><body>无</body></html>".getBytes(StandardCharsets.UTF_8),
                StandardCharsets.UTF_8, List.of(skip), "http://x/");
        assertEquals(0, none.applied().get(0).elements());
        assertFalse(none.changed());
    }

    @Test
    void layoutTableGetsPresentationRoleAndCountsAreReported() {
        FixApplier.Result r = FixApplier.apply(
                "<table class=layout><tr><td>a</td></tr></table><table class=layout></table><table class=data></table>"
                        .getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8,
                List.of(new DeclaredFix.LayoutTable("layout-table#0", ALL, "table.layout")), "http://x/");
        String out = new String(r.page(), StandardCharsets.UTF_8);
        assertEquals(2, r.applied().get(0).elements());
        assertEquals("layout-table", r.applied().get(0).type());
        assertTrue(out.contains("<table class=\"data\">"), out);
    }

    @Test
    void unchangedPageKeepsItsOriginalBytes() {
        byte[] page = "<html lang='zh-CN'><body>  原样  </body></html>".getBytes(StandardCharsets.UTF_8);
        FixApplier.Result r = FixApplier.apply(page, StandardCharsets.UTF_8,
                List.of(new DeclaredFix.SetLang("set-lang#0", ALL, "zh-CN")), "http://x/");
        assertSame(page, r.page());
    }

    @Test
    void gbkPageDeclaringGb2312IsReserializedInGbkBytes() {
        Charset gb18030 = Charset.forName("GB18030");
        String text = "居住证签注（源城区堃华社区服务站）朱镕基";
        byte[] page = ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head>"
                + "<body><p>" + text + "</p></body></html>").getBytes(gb18030);
        Charset cs = PageCharset.of("text/html; charset=gb2312", page);
        assertEquals("GB18030", cs.name());
        FixApplier.Result r = FixApplier.apply(page, cs, List.of(new DeclaredFix.SetLang("set-lang#0", ALL, "zh-CN")),
                "http://x/");
        String out = new String(r.page(), gb18030);
        assertTrue(out.contains("<p>" + text + "</p>"), out);
        assertTrue(out.contains("charset=gb2312"), "the declaration is kept: GBK bytes are valid GB18030");
        byte[] expectedText = text.getBytes(Charset.forName("GBK"));
        assertTrue(indexOf(r.page(), expectedText) >= 0, "text bytes identical to GBK");
    }

    static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
