package org.yiyue.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** embedToolbar(true): the script tag right after head in every HTML response, and /a11y/** from the classpath. */
class EmbedToolbarTest {

    static ReplicaSites sites;
    static HttpClient http = Http.client();

    @BeforeAll
    static void start() {
        sites = ReplicaSites.start(ReplicaSites.options().embedToolbar(true));
    }

    @AfterAll
    static void stop() {
        sites.close();
    }

    static String tag(String site) {
        return "<script src=\"/a11y/toolbar.js\" data-site=\"" + site + "\"></script>";
    }

    @Test
    void everyHtmlResponseCarriesTheTagAfterHead() throws Exception {
        for (String site : sites.siteIds()) {
            for (String path : new String[]{"/index.html", "/missing.html", "/control.html"}) {
                String html = Http.utf8(Http.get(http, URI.create(sites.origin(site) + path)));
                assertTrue(html.contains("<head>" + tag(site)), site + path);
                assertEquals(html.indexOf(tag(site)), html.lastIndexOf(tag(site)), "inserted once");
            }
        }
        String template = Http.utf8(Http.get(http, URI.create(sites.origin("yth") + "/login")));
        assertTrue(template.contains("<head>" + tag("yth")));
    }

    @Test
    void gbkAndGzipPagesStayIntact() throws Exception {
        HttpResponse<byte[]> r = Http.get(http, URI.create(sites.origin("zwfw") + "/guide/g001.html"));
        String html = new String(r.body(), Http.GB18030);
        assertTrue(html.contains("<head>" + tag("zwfw")));
        assertEquals("居住证签注（源城区堃华社区服务站）_办事指南_广东政务服务网", Http.title(html));
        HttpResponse<byte[]> gz = http.send(HttpRequest.newBuilder(URI.create(sites.origin("portal") + "/index.html"))
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertTrue(Http.gunzip(gz.body()).contains("<head>" + tag("portal")));
    }

    @Test
    void nonHtmlIsUntouchedAndAssetsComeFromTheClasspath() throws Exception {
        String css = Http.utf8(Http.get(http, URI.create(sites.origin("gcjs") + "/css/gcjs.css")));
        assertTrue(!css.contains("toolbar.js"));
        HttpResponse<byte[]> js = Http.get(http, URI.create(sites.origin("gcjs") + "/a11y/toolbar.js"));
        assertEquals(200, js.statusCode());
        assertEquals("text/javascript; charset=utf-8", js.headers().firstValue("Content-Type").orElse(""));
        assertTrue(Http.utf8(js).contains("__yiyueFixture"));
        assertEquals(SiteProfile.GCJS_CSP, js.headers().firstValue("Content-Security-Policy").orElse(""));
        assertEquals(404, Http.get(http, URI.create(sites.origin("gcjs") + "/a11y/nothing.js")).statusCode());
        assertTrue(Http.raw(sites.origin("gcjs"), "/a11y/../sites/defects.json").status() == 400);
    }
}
