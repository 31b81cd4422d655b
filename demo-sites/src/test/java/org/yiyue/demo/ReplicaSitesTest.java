package org.yiyue.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The four sites over real loopback HTTP: pages, charsets, gzip, CSP, redirects, 404, hostile paths, concurrency. */
class ReplicaSitesTest {

    static ReplicaSites sites;
    static HttpClient http;
    static ReplicaCatalog catalog;

    @BeforeAll
    static void start() {
        sites = ReplicaSites.start();
        http = Http.client();
        catalog = ReplicaCatalog.load();
    }

    @AfterAll
    static void stop() {
        sites.close();
    }

    static URI url(String site, String path) {
        return URI.create(sites.origin(site) + path);
    }

    @Test
    void fourSitesOnDistinctLoopbackPorts() {
        assertEquals(List.of("zwfw", "yth", "gcjs", "portal"), sites.siteIds());
        Set<Integer> ports = new HashSet<>();
        for (String id : sites.siteIds()) {
            URI o = sites.origin(id);
            assertEquals("127.0.0.1", o.getHost());
            assertEquals("", o.getPath());
            assertTrue(o.getPort() > 0);
            ports.add(o.getPort());
        }
        assertEquals(4, ports.size());
    }

    @Test
    void everyListedPageServesItsTitle() throws Exception {
        int checked = 0;
        for (ReplicaCatalog.Site site : catalog.sites()) {
            assertTrue(site.pages().size() >= 6, site.id() + " has at least 6 pages");
            for (ReplicaCatalog.Page page : site.pages()) {
                if (page.requiresLogin()) {
                    continue; // covered by the yth flow test
                }
                HttpResponse<byte[]> r = Http.get(http, url(site.id(), page.path()));
                assertEquals(200, r.statusCode(), site.id() + page.path());
                Charset cs = page.charset().equals("gb2312") ? Http.GB18030 : StandardCharsets.UTF_8;
                String html = new String(r.body(), cs);
                assertEquals(page.title(), java.util.Objects.requireNonNullElse(Http.title(html), ""), site.id() + page.path());
                assertFalse(html.contains("{{"), "unfilled placeholder in " + site.id() + page.path());
                assertFalse(html.contains("<!--#include"), "unresolved include in " + site.id() + page.path());
                checked++;
            }
        }
        assertTrue(checked >= 35, "pages checked: " + checked);
    }

    @Test
    void guidePagesAreGbkBytesDeclaringGb2312() throws Exception {
        HttpResponse<byte[]> r = Http.get(http, url("zwfw", "/guide/g001.html"));
        assertEquals("text/html; charset=gb2312", r.headers().firstValue("Content-Type").orElse(""));
        String html = new String(r.body(), Http.GB18030);
        assertTrue(html.contains("<meta charset=\"gb2312\">"));
        assertEquals("居住证签注（源城区堃华社区服务站）_办事指南_广东政务服务网", Http.title(html));
        assertTrue(html.contains("黄喆") && html.contains("鑫镕"), "GBK-only characters survive");
        // 堃 is GBK but not GB2312: a strict GB2312 decoder must fail, which is why clients need GB18030
        Charset gb2312 = Charset.forName("GB2312");
        assertThrowsCoding(gb2312, r.body());
        assertThrowsCoding(StandardCharsets.UTF_8, r.body());
        assertFalse(new String(r.body(), StandardCharsets.UTF_8).contains("居住证"));
        // the byte sequence of 堃 in GBK is 0x88 0xD2
        assertTrue(Forms.indexOf(r.body(), new byte[]{(byte) 0x88, (byte) 0xD2}, 0) > 0);
    }

    private static void assertThrowsCoding(Charset cs, byte[] body) {
        try {
            cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException expected) {
            return;
        }
        throw new AssertionError("body decoded cleanly as " + cs + " but should not");
    }

    @Test
    void portalIsGzippedWhenAsked() throws Exception {
        URI home = url("portal", "/zwgk/tjgb2025.html");
        HttpResponse<byte[]> plain = Http.get(http, home);
        HttpResponse<byte[]> gz = http.send(HttpRequest.newBuilder(home).header("Accept-Encoding", "gzip, deflate").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertTrue(plain.headers().firstValue("Content-Encoding").isEmpty());
        assertEquals("gzip", gz.headers().firstValue("Content-Encoding").orElse(""));
        assertEquals("Accept-Encoding", gz.headers().firstValue("Vary").orElse(""));
        assertTrue(gz.body().length < plain.body().length / 3, "compressed " + gz.body().length + " of " + plain.body().length);
        assertEquals(Http.utf8(plain), Http.gunzip(gz.body()));
        // other sites do not compress
        HttpResponse<byte[]> zwfw = http.send(HttpRequest.newBuilder(url("zwfw", "/index.html"))
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertTrue(zwfw.headers().firstValue("Content-Encoding").isEmpty());
    }

    @Test
    void largeStatisticsPageHasOver3000Elements() throws Exception {
        String html = Http.utf8(Http.get(http, url("portal", "/zwgk/tjgb2025.html")));
        Matcher m = Pattern.compile("<[a-zA-Z]").matcher(html);
        int tags = 0;
        while (m.find()) {
            tags++;
        }
        assertTrue(tags >= 3000, "start tags: " + tags);
    }

    @Test
    void gcjsSendsStrictCspAndUsesNoInlineCode() throws Exception {
        for (String path : List.of("/index.html", "/css/gcjs.css", "/nope.html", "/query?code=x")) {
            HttpResponse<byte[]> r = Http.get(http, url("gcjs", path));
            assertEquals(SiteProfile.GCJS_CSP, r.headers().firstValue("Content-Security-Policy").orElse(""), path);
        }
        for (ReplicaCatalog.Page page : catalog.site("gcjs").pages()) {
            String html = Http.utf8(Http.get(http, url("gcjs", page.path())));
            assertFalse(Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>", Pattern.CASE_INSENSITIVE).matcher(html).find(),
                    "inline script in " + page.path());
            assertFalse(Pattern.compile("<style|\\sstyle=|\\son[a-z]+=", Pattern.CASE_INSENSITIVE).matcher(html).find(),
                    "inline style or handler in " + page.path());
        }
        assertTrue(Http.get(http, url("zwfw", "/index.html")).headers().firstValue("Content-Security-Policy").isEmpty());
    }

    @Test
    void redirectsAndNotFound() throws Exception {
        for (String site : List.of("zwfw", "yth", "gcjs")) {
            HttpResponse<byte[]> r = Http.get(http, url(site, "/"));
            assertEquals(302, r.statusCode(), site);
            assertEquals("/index.html", r.headers().firstValue("Location").orElse(""));
        }
        assertEquals(200, Http.get(http, url("portal", "/")).statusCode());
        HttpResponse<byte[]> dir = Http.get(http, url("portal", "/m"));
        assertEquals(301, dir.statusCode());
        assertEquals("/m/", dir.headers().firstValue("Location").orElse(""));
        for (String site : sites.siteIds()) {
            HttpResponse<byte[]> r = Http.get(http, url(site, "/no/such/page.html"));
            assertEquals(404, r.statusCode(), site);
            assertTrue(Http.utf8(r).contains("不存在"), site);
        }
        assertEquals(404, Http.get(http, url("zwfw", "/_tpl/search.html")).statusCode(), "templates are not served");
        assertEquals(404, Http.get(http, url("zwfw", "/_data/matters.tsv")).statusCode());
        assertEquals(404, Http.get(http, url("zwfw", "/zone")).statusCode(), "no directory listings");
    }

    @Test
    void hostilePathsAreRefused() throws Exception {
        URI o = sites.origin("zwfw");
        for (String target : List.of("/../defects.json", "/../../../../etc/passwd", "/zone/../../sites.json",
                "/%2e%2e/defects.json", "/%2E%2E%2Fdefects.json", "/guide/..%2f..%2fsites.json", "/guide%5c..%5cindex.html",
                "/./index.html", "/index.html%00.png", "/%c0%ae%c0%ae/defects.json", "//etc/passwd", "/a\\..\\b")) {
            Http.RawResponse r = Http.raw(o, target);
            assertTrue(r.status() == 400 || r.status() == 404, target + " -> " + r.status());
            assertFalse(r.text().contains("\"defects\"") || r.text().contains("\"sites\"") || r.text().contains("root:"), target);
        }
        assertEquals(200, Http.raw(o, "/index.html").status(), "control: a good path works over the raw socket");
    }

    @Test
    void originPlaceholderBecomesTheSiteOrigin() throws Exception {
        String html = Http.utf8(Http.get(http, url("zwfw", "/index.html")));
        assertTrue(html.contains("href=\"" + sites.origin("zwfw") + "/index.html\""), "absolute link to own origin");
        assertTrue(html.contains("href=\"/zone/zndb.html\""), "relative link kept");
        String gbk = new String(Http.get(http, url("zwfw", "/guide/g002.html")).body(), Http.GB18030);
        assertTrue(gbk.contains(sites.origin("zwfw") + "/index.html"));
    }

    @Test
    void siblingPlaceholdersLinkTheSitesTogether() throws Exception {
        String portal = Http.utf8(Http.get(http, url("portal", "/index.html")));
        assertTrue(portal.contains("href=\"" + sites.origin("zwfw") + "/index.html\""), "portal links to zwfw");
        assertTrue(portal.contains("href=\"" + sites.origin("yth") + "/index.html\""), "portal links to yth");
        String gbk = new String(Http.get(http, url("zwfw", "/guide/g003.html")).body(), Http.GB18030);
        assertTrue(gbk.contains("href=\"" + sites.origin("gcjs") + "/index.html\""), "zwfw header links to gcjs");
        assertFalse(gbk.contains("{{ORIGIN"));
    }

    @Test
    void aTakenPortIsAClearErrorAndLeavesNothingRunning() throws Exception {
        int taken = sites.origin("zwfw").getPort();
        java.io.UncheckedIOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.UncheckedIOException.class,
                () -> ReplicaSites.start(ReplicaSites.options().basePort(taken)));
        assertTrue(e.getMessage().contains("could not bind"), e.getMessage());
        assertEquals(200, Http.get(http, url("zwfw", "/index.html")).statusCode(), "the running instance is unharmed");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> ReplicaSites.options().basePort(65534));
    }

    @Test
    void zwfwSearchFindsMattersInUtf8AndGbkQueries() throws Exception {
        String utf8 = Http.utf8(Http.get(http, url("zwfw", "/search?q=%E5%B1%85%E4%BD%8F%E8%AF%81")));
        assertTrue(utf8.contains("<a href=\"/guide/g001.html\">居住证签注</a>"), utf8);
        assertTrue(utf8.contains("<em id=\"hit-count\">1</em>"));
        // the search box on a GBK guide page submits GBK bytes: 居住 = BE D3 D7 A1
        String gbk = Http.utf8(Http.get(http, url("zwfw", "/search?q=%BE%D3%D7%A1")));
        assertTrue(gbk.contains("/guide/g001.html"), gbk);
        String none = Http.utf8(Http.get(http, url("zwfw", "/search?q=%3Cscript%3E")));
        assertTrue(none.contains("未找到") && none.contains("&lt;script&gt;") && !none.contains("<script>alert"));
        assertTrue(Http.utf8(Http.get(http, url("zwfw", "/search"))).contains("请输入事项名称"));
    }

    @Test
    void gcjsProgressQueryAndRegistration() throws Exception {
        String found = Http.utf8(Http.get(http, url("gcjs", "/query?code=2026-441600-48-01-302517")));
        assertTrue(found.contains("<table class=\"result\">"));
        assertTrue(found.contains("建筑工程施工许可证核发") && found.contains("办理中"));
        String bad = Http.utf8(Http.get(http, url("gcjs", "/query?code=abc")));
        assertTrue(bad.contains("项目代码格式不正确") && bad.contains("<table class=\"hidden\">"));
        HttpResponse<byte[]> invalid = Http.postForm(http, url("gcjs", "/register"), "projectName=x&creditCode=1");
        assertEquals(200, invalid.statusCode());
        assertTrue(Http.utf8(invalid).contains("统一社会信用代码应为18位"));
        HttpResponse<byte[]> ok = Http.postForm(http, url("gcjs", "/register"),
                "projectName=" + enc("东源县仙湖茶产业园一期") + "&company=" + enc("河源市绿源茶业有限公司")
                        + "&creditCode=91441625MA4UXXXX0K&county=" + enc("东源县") + "&investment=3200.5");
        assertEquals(303, ok.statusCode(), Http.utf8(ok));
        String location = ok.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith("/register/done?no=GCJS"));
        String done = Http.utf8(Http.get(http, url("gcjs", location)));
        assertTrue(done.contains("东源县仙湖茶产业园一期") && done.contains("3200.5"));
    }

    @Test
    void portalFeedbackPostRedirectGet() throws Exception {
        HttpResponse<byte[]> invalid = Http.postForm(http, url("portal", "/hdjl/feedback"), "name=&phone=123");
        assertEquals(200, invalid.statusCode());
        String page = Http.utf8(invalid);
        assertTrue(page.contains("请填写姓名") && page.contains("联系电话格式不正确") && page.contains("value=\"123\""));
        HttpResponse<byte[]> ok = Http.postForm(http, url("portal", "/hdjl/feedback"),
                "name=" + enc("李婆婆") + "&phone=13800762000&topic=" + enc("建议") + "&title=" + enc("公交加密")
                        + "&content=" + enc("建议增加万绿湖方向周末公交班次，方便老年人出行。"));
        assertEquals(303, ok.statusCode());
        assertEquals("/hdjl/thanks.html", ok.headers().firstValue("Location").orElse(""));
        assertEquals(200, Http.get(http, url("portal", "/hdjl/thanks.html")).statusCode());
    }

    @Test
    void methodsHeadAndLimits() throws Exception {
        HttpResponse<Void> head = http.send(HttpRequest.newBuilder(url("zwfw", "/index.html"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(200, head.statusCode());
        HttpResponse<byte[]> put = http.send(HttpRequest.newBuilder(url("zwfw", "/index.html"))
                .PUT(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(405, put.statusCode());
        byte[] huge = new byte[Request.MAX_BODY + 1024];
        HttpResponse<byte[]> big = http.send(HttpRequest.newBuilder(url("portal", "/hdjl/feedback"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofByteArray(huge)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(413, big.statusCode());
        assertEquals(200, Http.get(http, url("portal", "/index.html")).statusCode(), "still serving after a huge body");
    }

    @Test
    void servesConcurrentRequests() throws Exception {
        List<CompletableFuture<HttpResponse<byte[]>>> all = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String site = sites.siteIds().get(i % 4);
            String path = site.equals("portal") ? "/zwgk/tjgb2025.html" : "/index.html";
            all.add(http.sendAsync(HttpRequest.newBuilder(url(site, path)).build(), HttpResponse.BodyHandlers.ofByteArray()));
        }
        for (CompletableFuture<HttpResponse<byte[]>> f : all) {
            assertEquals(200, f.get().statusCode());
        }
    }

    @Test
    void noToolbarUnlessAsked() throws Exception {
        assertFalse(Http.utf8(Http.get(http, url("portal", "/index.html"))).contains("/a11y/toolbar.js"));
        assertEquals(404, Http.get(http, url("portal", "/a11y/toolbar.js")).statusCode());
        assertFalse(sites.embedsToolbar());
    }

    @Test
    void unknownSiteIdIsAClearError() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> sites.origin("nope"));
        assertTrue(e.getMessage().contains("nope"));
        assertNotEquals(sites.origin("zwfw"), sites.origin("portal"));
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
