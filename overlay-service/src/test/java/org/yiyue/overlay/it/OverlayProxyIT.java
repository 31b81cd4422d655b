package org.yiyue.overlay.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The overlay in a real Payara Micro in front of loopback origins: proxy rules, rewriting, fixes, fail-open, cache,
 * the real-page corpus, speech and operations. One deployment for all of it (each boot costs seconds).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OverlayProxyIT {

    private static LoopbackOrigin origin;
    private static CorpusOrigin corpus;
    private static final Pattern TAG = Pattern.compile("<script src=\"/a11y/toolbar\\.js\\?v=[0-9a-f]+\"[^>]*></script>");

    @ArquillianResource
    URL base;
    private Http http;

    @Deployment(testable = false)
    static WebArchive war() throws Exception {
        origin = new LoopbackOrigin();
        corpus = new CorpusOrigin();
        String lab = origin.origin();
        ItSites.write("""
                {"sites": [
                  {"id": "lab", "name": "测试站点", "upstream": "%s", "adSelectors": ["#float-ad"],
                   "fixes": [
                     {"type": "set-lang", "lang": "zh-CN", "pages": ["/fixes.html", "/gbk.html", "/bad-charset.html"]},
                     {"type": "allow-zoom", "pages": ["/fixes.html"]},
                     {"type": "set-attribute", "pages": ["/fixes.html"], "selector": "#logo img", "attribute": "alt", "value": "河源市人民政府"},
                     {"type": "skip-link", "pages": ["/fixes.html"], "target": "#main"},
                     {"type": "layout-table", "pages": ["/fixes.html"], "selector": "table.layout"}
                   ]},
                  {"id": "hosted", "name": "自定义主机头", "upstream": "%s", "hostHeader": "www.heyuan.gov.cn"},
                  {"id": "dead", "name": "无人应答的站点", "upstream": "http://127.0.0.1:%d"},
                  {"id": "corpus", "name": "真实页面", "upstream": "%s", "host": "corpus.localhost"}
                ]}
                """.formatted(lab, lab, ItSites.deadPort(), corpus.origin()));
        return ItSites.rootWar();
    }

    @AfterAll
    static void stopOrigins() {
        origin.close();
        corpus.close();
    }

    @BeforeEach
    void client() {
        http = new Http(base.getPort());
    }

    private static String s(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    // ---- operations -------------------------------------------------------------------------------------------

    @Test
    void healthReportsReadinessAndUpstreamReachability() throws Exception {
        assertEquals(200, http.get("/health/live").statusCode());
        HttpResponse<byte[]> ready = http.get("/health/ready");
        String body = s(ready);
        assertEquals(200, ready.statusCode(), body);
        assertTrue(body.contains("yiyue-upstreams"), body);
        assertTrue(body.matches("(?s).*\"lab\"\\s*:\\s*\"reachable\".*"), body);
        assertTrue(body.matches("(?s).*\"dead\"\\s*:\\s*\"unreachable\".*"), body);
    }

    @Test
    void openApiDescribesTheApi() throws Exception {
        HttpResponse<byte[]> r = http.get("/openapi");
        String body = s(r);
        assertEquals(200, r.statusCode(), body);
        assertTrue(body.contains("/api/tts"), body);
        assertTrue(body.contains("/api/sites/{id}/fixes"), body);
    }

    @Test
    void infoAndSitesListTheConfiguration() throws Exception {
        String info = http.text("/api/info");
        assertTrue(info.contains("\"id\":\"lab\"") && info.contains("测试站点"), info);
        String lab = http.text("/api/sites/lab");
        assertTrue(lab.contains("\"mount\":\"/s/lab\"") && lab.contains("#float-ad"), lab);
        assertEquals(404, http.get("/api/sites/nope").statusCode());
    }

    @Test
    void toolbarIsServedAsUtf8JavaScriptWithAHashAndSri() throws Exception {
        String manifest = http.text("/a11y/manifest.json");
        Matcher url = Pattern.compile("\"url\":\"([^\"]+)\"").matcher(manifest);
        Matcher sri = Pattern.compile("\"integrity\":\"sha384-([^\"]+)\"").matcher(manifest);
        assertTrue(url.find() && sri.find(), manifest);
        HttpResponse<byte[]> js = http.get(url.group(1));
        assertEquals(200, js.statusCode());
        assertEquals("text/javascript; charset=utf-8", js.headers().firstValue("Content-Type").orElse("").toLowerCase()
                .replace("text/javascript;charset=utf-8", "text/javascript; charset=utf-8"));
        assertTrue(js.headers().firstValue("Cache-Control").orElse("").contains("max-age=31536000"));
        assertEquals(sri.group(1), Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-384").digest(js.body())));
        assertTrue(js.headers().firstValue("Cache-Control").orElse("").contains("immutable"));
        // the optional parts the toolbar loads on first use (拼音 table, reader view), and nothing beside them
        for (String part : List.of("pinyin", "reader")) {
            HttpResponse<byte[]> optional = http.get("/a11y/data/" + part + ".js");
            assertEquals(200, optional.statusCode(), part);
            assertTrue(optional.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"), part);
            assertTrue(new String(optional.body(), StandardCharsets.US_ASCII).contains("__yiyueA11yData"), part);
        }
        assertEquals(404, http.get("/a11y/data/pinyin.json").statusCode());
        assertEquals(404, http.get("/a11y/data/nope.js").statusCode());
    }

    // ---- proxy and rewriting ----------------------------------------------------------------------------------

    @Test
    void htmlGetsTheToolbarAfterHeadAndLinksStayUnderTheMount() throws Exception {
        String page = http.text("/s/lab/page.html");
        assertTrue(page.contains("<head><script src=\"/a11y/toolbar.js?v="), page);
        assertTrue(page.contains("data-site=\"lab\""), page);
        assertTrue(page.contains("data-ad-selectors=\"#float-ad\""), page);
        assertTrue(page.contains("data-tts=\"/api/tts\""), page);
        assertTrue(page.contains("integrity=\"sha384-"), page);
        assertTrue(page.contains("<a id=rel href=\"/s/lab/news/a.html\">"), page);
        assertTrue(page.contains("<a id=abs href=\"/s/lab/news/b.html\">"), page);
        assertTrue(page.contains("<a id=gov href=\"https://www.gov.cn/\">"), page);
        assertEquals("<p>没有 head 的页面</p>", http.text("/s/lab/no-head.html"),
                "a fragment without document structure is left alone (issue 12; it used to get the tag at the start)");
        HttpResponse<byte[]> bare = http.get("/s/lab");
        assertEquals(301, bare.statusCode());
        assertEquals("/s/lab/", bare.headers().firstValue("Location").orElse(""));
    }

    @Test
    void requestHeadersAreForwardedSensibly() throws Exception {
        String echo = s(http.send(http.request("/s/lab/echo?a=1&b=%E4%B8%AD").header("Cookie", "k=v")
                .header("X-Forwarded-For", "6.6.6.6").header("Accept-Language", "zh-CN").GET()));
        assertTrue(echo.contains("query=a=1&b=%E4%B8%AD"), echo);
        assertTrue(echo.contains("h:x-forwarded-for=127.0.0.1\n"), "client's X-Forwarded-For replaced: " + echo);
        assertTrue(echo.contains("h:x-forwarded-proto=http"), echo);
        assertTrue(echo.contains("h:x-forwarded-prefix=/s/lab"), echo);
        assertTrue(echo.contains("h:x-forwarded-host=yiyue.test\n"), "configured public host, not the client's: " + echo);
        assertTrue(echo.contains("h:host=127.0.0.1:" + origin.port()), echo);
        assertTrue(echo.contains("h:cookie=k=v"), echo);
        assertTrue(echo.contains("h:accept-language=zh-CN"), echo);
        String hosted = http.text("/s/hosted/echo");
        assertTrue(hosted.contains("h:host=www.heyuan.gov.cn\n"), "Host per configuration: " + hosted);
        // the server may keep this connection open (it did for 15 s): read the one complete answer, not until the close
        String raw = http.rawResponse("GET /s/lab/echo HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close, X-Secret\r\n"
                + "X-Secret: hop\r\nKeep-Alive: timeout=5\r\nTE: trailers\r\n\r\n");
        assertTrue(raw.contains("method=GET"), raw);
        assertFalse(raw.contains("h:x-secret"), "Connection-listed header dropped: " + raw);
        assertFalse(raw.contains("h:keep-alive"), raw);
        assertFalse(raw.contains("h:te="), raw);
    }

    @Test
    void responseStatusAndHeadersArePreservedButHopByHopDropped() throws Exception {
        HttpResponse<byte[]> r = http.get("/s/lab/headers");
        assertEquals(204, r.statusCode());
        assertEquals("yes", r.headers().firstValue("X-Kept").orElse(""));
        assertTrue(r.headers().firstValue("X-Hop").isEmpty());
        assertTrue(r.headers().firstValue("Strict-Transport-Security").isEmpty());
        assertEquals(404, http.get("/s/lab/missing.html").statusCode());
    }

    @Test
    void everyMethodIsForwardedWithItsBody() throws Exception {
        for (String m : List.of("PUT", "PATCH", "DELETE", "POST")) {
            String echo = s(http.send(http.request("/s/lab/echo").header("Content-Type", "application/json")
                    .method(m, HttpRequest.BodyPublishers.ofString("{\"事项\":\"" + m + "\"}"))));
            assertTrue(echo.contains("method=" + m), echo);
            assertTrue(echo.contains("body={\"事项\":\"" + m + "\"}"), echo);
        }
        String options = s(http.send(http.request("/s/lab/echo").method("OPTIONS", HttpRequest.BodyPublishers.noBody())));
        assertTrue(options.contains("method=OPTIONS"), options);
        HttpResponse<byte[]> head = http.send(http.request("/s/lab/page.html").method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, head.statusCode());
        assertEquals(0, head.body().length);
        assertTrue(http.raw("TRACE /s/lab/echo HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").matches("(?s)HTTP/1.1 40[05].*"));
    }

    @Test
    void redirectsStayUnderTheMount() throws Exception {
        HttpResponse<byte[]> abs = http.get("/s/lab/redirect");
        assertEquals(302, abs.statusCode());
        assertEquals("/s/lab/page.html", abs.headers().firstValue("Location").orElse(""));
        HttpResponse<byte[]> root = http.get("/s/lab/redirect-root");
        assertEquals(301, root.statusCode());
        assertEquals("/s/lab/page.html?from=root", root.headers().firstValue("Location").orElse(""));
    }

    @Test
    void loginCookieAndPostRedirectGet() throws Exception {
        HttpResponse<byte[]> login = http.send(http.request("/s/lab/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("user=demo&password=x")));
        assertEquals(303, login.statusCode());
        assertEquals("/s/lab/account", login.headers().firstValue("Location").orElse(""));
        String cookie = login.headers().firstValue("Set-Cookie").orElse("");
        assertEquals("SID=s3cr3t; Path=/s/lab; HttpOnly", cookie);
        HttpResponse<byte[]> without = http.get("/s/lab/account");
        assertEquals("/s/lab/login", without.headers().firstValue("Location").orElse(""));
        HttpResponse<byte[]> with = http.send(http.request("/s/lab/account").header("Cookie", "SID=s3cr3t").GET());
        assertEquals(200, with.statusCode());
        assertTrue(s(with).contains("欢迎 demo"));
        assertEquals("BYPASS", with.headers().firstValue("X-Yiyue-Cache").orElse(""), "private page is not cached");
    }

    @Test
    void multipartUploadArrivesByteForByte() throws Exception {
        byte[] file = new byte[300_000];
        new Random(7).nextBytes(file);
        String boundary = "----yiyue" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\n张三\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"身份证.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(file);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        byte[] sent = body.toByteArray();
        String echo = s(http.send(http.request("/s/lab/upload")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(sent))));
        assertTrue(echo.contains("length=" + sent.length), echo);
        assertTrue(echo.contains("sha256=" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sent))), echo);
        assertTrue(echo.contains("boundary=" + boundary), echo);
    }

    @Test
    void gzipAndDeflatePagesAreDecodedInjectedAndRecompressed() throws Exception {
        for (String coding : List.of("gzip", "deflate")) {
            HttpResponse<byte[]> zipped = http.send(http.request("/s/lab/" + coding + ".html")
                    .header("Accept-Encoding", "gzip, deflate, br").GET());
            assertEquals("gzip", zipped.headers().firstValue("Content-Encoding").orElse(""), coding);
            assertEquals(String.valueOf(zipped.body().length), zipped.headers().firstValue("Content-Length").orElse(""));
            String page = new String(Http.gunzip(zipped.body()), StandardCharsets.UTF_8);
            assertTrue(page.contains("<head><script src=\"/a11y/toolbar.js") && page.contains("压缩页面 " + coding), page);
            assertTrue(zipped.headers().allValues("Vary").toString().contains("Accept-Encoding"));
            HttpResponse<byte[]> plain = http.send(http.request("/s/lab/" + coding + ".html")
                    .header("Accept-Encoding", "identity").GET());
            assertTrue(plain.headers().firstValue("Content-Encoding").isEmpty());
            assertTrue(s(plain).contains("压缩页面 " + coding));
        }
    }

    @Test
    void cspKeepsItsMeaningAndTheTagCarriesThePageNonce() throws Exception {
        HttpResponse<byte[]> r = http.get("/s/lab/csp.html");
        String page = s(r);
        assertEquals(List.of(LoopbackOrigin.CSP), r.headers().allValues("Content-Security-Policy"),
                "strict-dynamic policy needs no new source: the tag uses the page's nonce");
        assertEquals(List.of("default-src 'none'; report-uri /r"),
                r.headers().allValues("Content-Security-Policy-Report-Only"), "report-only untouched");
        assertTrue(page.matches("(?s).*<script src=\"/a11y/toolbar\\.js[^>]*nonce=\"pageNonce123\"></script>.*"), page);
        assertTrue(page.contains("content=\"connect-src 'self'\""), "meta CSP allows our API: " + page);
    }

    @Test
    void declaredFixesAreAppliedAndCountedPerPage() throws Exception {
        String page = http.text("/s/lab/fixes.html");
        assertTrue(page.contains("<html lang=\"zh-CN\">"), page);
        assertTrue(page.contains("content=\"width=device-width, initial-scale=1.0\""), page);
        assertTrue(page.contains("<img src=\"/s/lab/logo.png\" alt=\"河源市人民政府\">"), page);
        assertTrue(page.contains("<a href=\"#main\" class=\"yiyue-skip-link\">跳到主要内容</a>"), page);
        assertTrue(page.contains("<table class=\"layout\" role=\"presentation\">"), page);
        String untouched = http.text("/s/lab/page.html");
        assertFalse(untouched.contains("yiyue-skip-link"), "fixes only where configured");
        String ledger = http.text("/api/sites/lab/fixes");
        for (String fix : List.of("set-lang#0", "allow-zoom#1", "set-attribute#2", "skip-link#3", "layout-table#4")) {
            assertTrue(ledger.contains("\"page\":\"/fixes.html\",\"fix\":\"" + fix + "\""), fix + " in " + ledger);
        }
        assertTrue(ledger.matches("(?s).*\"totalApplications\":[1-9].*"), ledger);
    }

    @Test
    void aRewriteErrorServesTheOriginalBytes() throws Exception {
        HttpResponse<byte[]> r = http.get("/s/lab/bad-charset.html");
        assertEquals(200, r.statusCode());
        assertArrayEquals("<html><head><title>fail open</title></head><body>原样</body></html>".getBytes(StandardCharsets.UTF_8),
                r.body());
        assertEquals("BYPASS", r.headers().firstValue("X-Yiyue-Cache").orElse(""));
        assertTrue(http.text("/api/metrics").matches("(?s).*\"failOpen\":[1-9].*"));
    }

    @Test
    void gbkPageKeepsItsChineseThroughJsoupFixes() throws Exception {
        HttpResponse<byte[]> r = http.get("/s/lab/gbk.html");
        String page = new String(r.body(), LoopbackOrigin.GBK);
        assertTrue(page.contains("<p id=\"t\">" + LoopbackOrigin.GBK_TEXT + "</p>"), page);
        assertTrue(page.contains("lang=\"zh-CN\""), page);
        assertTrue(page.contains("href=\"/s/lab/gbk2.html\""), page);
        assertTrue(r.headers().firstValue("Content-Type").orElse("").contains("gb2312"));
    }

    @Test
    void deadUpstreamGivesAChinese502WithRetry() throws Exception {
        HttpResponse<byte[]> r = http.get("/s/dead/index.html?x=1");
        String page = s(r);
        assertEquals(502, r.statusCode());
        assertTrue(page.contains("上游网站暂时无法访问") && page.contains("<a href=\"/s/dead/index.html?x=1\">重试"), page);
        HttpResponse<byte[]> slow = http.get("/s/lab/slow");
        assertEquals(504, slow.statusCode());
        assertTrue(s(slow).contains("上游网站响应超时"));
    }

    @Test
    void unknownSitesAndHostilePathsAreRefused() throws Exception {
        assertEquals(404, http.get("/s/evil/").statusCode());
        int before = origin.seen.size();
        for (String target : List.of("/s/lab/../../etc/passwd", "/s/lab/%2e%2e/%2e%2e/etc/passwd",
                "/s/lab//evil.example/x", "/s/lab/@evil.example/x", "/s/lab/x%0d%0aSet-Cookie:%20a=1",
                "/s/lab/a%2f..%2fb", "/s/lab/http://evil.example/", "/s/lab/a\\..\\b")) {
            String resp = http.raw("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            int status = Http.rawStatus(resp);
            assertTrue(status == 400 || status == 404, target + " → " + resp);
        }
        String crlf = http.raw("GET /s/lab/echo HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Evil: a\rSet-Cookie: b=1\r\n"
                + "Connection: close\r\n\r\n");
        assertFalse(crlf.contains("h:set-cookie"), crlf);
        String absolute = http.raw("GET http://evil.example/ HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
        assertFalse(absolute.contains("evil.example</"), absolute);
        List<String> seenNow = new ArrayList<>(origin.seen.subList(before, origin.seen.size()));
        for (String seen : seenNow) {
            assertFalse(seen.contains("..") || seen.contains("evil") || seen.contains("%0d") || seen.contains("@"),
                    "reached the upstream: " + seen);
        }
    }

    @Test
    void scriptBuiltRootUrlsFindTheirWayBackUnderTheMount() throws Exception {
        HttpResponse<byte[]> r = http.send(http.request("/data/list.json?p=1")
                .header("Referer", "http://127.0.0.1:" + base.getPort() + "/s/lab/page.html").GET());
        assertEquals(302, r.statusCode());
        assertEquals("/s/lab/data/list.json?p=1", r.headers().firstValue("Location").orElse(""));
        assertEquals(404, http.get("/data/list.json").statusCode(), "no referer, no guessing");
    }

    // ---- cache ------------------------------------------------------------------------------------------------

    @Test
    void noStoreAndPrivateAreNeverCached() throws Exception {
        for (String p : List.of("/s/lab/nostore.html", "/s/lab/private.html")) {
            HttpResponse<byte[]> a = http.get(p);
            HttpResponse<byte[]> b = http.get(p);
            assertFalse(s(a).equals(s(b)), "fetched twice from the upstream: " + p);
            assertEquals("BYPASS", b.headers().firstValue("X-Yiyue-Cache").orElse(""));
        }
    }

    @Test
    void aPageWithoutValidatorsIsFetchedEveryTimeAndItsRewriteReusedWhileTheBytesAreTheSame() throws Exception {
        long fetchesBefore = origin.seen.stream().filter(x -> x.endsWith("/dynamic.html")).count();
        long reusedBefore = reused();
        HttpResponse<byte[]> a = http.get("/s/lab/dynamic.html");
        HttpResponse<byte[]> b = http.get("/s/lab/dynamic.html");
        assertTrue(s(a).contains("第一版") && s(a).contains("toolbar.js"), s(a));
        assertEquals(s(a), s(b));
        assertEquals("BYPASS", b.headers().firstValue("X-Yiyue-Cache").orElse(""));
        assertEquals(reusedBefore + 1, reused(), "the second view reused the first one's rewrite");
        origin.dynamicText = "第二版";
        HttpResponse<byte[]> c = http.get("/s/lab/dynamic.html");
        assertTrue(s(c).contains("第二版") && !s(c).contains("第一版"), "changed upstream bytes are rewritten anew: " + s(c));
        assertEquals(reusedBefore + 1, reused());
        assertEquals(fetchesBefore + 3, origin.seen.stream().filter(x -> x.endsWith("/dynamic.html")).count(),
                "every view asked the upstream");
    }

    private long reused() throws Exception {
        Matcher m = Pattern.compile("\"reused\":(\\d+)").matcher(http.text("/api/metrics"));
        assertTrue(m.find());
        return Long.parseLong(m.group(1));
    }

    @Test
    void maxAgeIsHonouredThenExpires() throws Exception {
        HttpResponse<byte[]> a = http.get("/s/lab/maxage.html");
        HttpResponse<byte[]> b = http.get("/s/lab/maxage.html");
        assertEquals(s(a), s(b));
        assertEquals("HIT", b.headers().firstValue("X-Yiyue-Cache").orElse(""));
        assertTrue(b.headers().firstValue("Age").isPresent());
        Thread.sleep(2300);
        HttpResponse<byte[]> c = http.get("/s/lab/maxage.html");
        assertFalse(s(a).equals(s(c)), "refetched after max-age=2");
    }

    @Test
    void staleEntriesAreRevalidatedWithTheirEtag() throws Exception {
        HttpResponse<byte[]> first = http.get("/s/lab/etag.css");
        assertTrue(s(first).contains("url(/s/lab/bg.png)"), s(first));
        assertEquals("HIT", http.get("/s/lab/etag.css").headers().firstValue("X-Yiyue-Cache").orElse(""));
        Thread.sleep(1300);
        HttpResponse<byte[]> third = http.get("/s/lab/etag.css");
        assertEquals("REVALIDATED", third.headers().firstValue("X-Yiyue-Cache").orElse(""));
        assertEquals(s(first), s(third));
        assertEquals(1, origin.etagFull.get());
        assertEquals(1, origin.etagNotModified.get());
    }

    @Test
    void purgeDropsTheSitesEntries() throws Exception {
        http.get("/s/lab/page.html");
        assertEquals("HIT", http.get("/s/lab/page.html").headers().firstValue("X-Yiyue-Cache").orElse(""));
        assertEquals(401, http.send(http.request("/api/sites/lab/cache").DELETE()).statusCode(),
                "loopback alone is not trusted: a balancer on the same host would make every caller loopback");
        // the demo administrator (管理员 may purge any site; AccessControlIT covers the other roles)
        HttpResponse<byte[]> purge = http.send(http.request("/api/sites/lab/cache").DELETE().header("Authorization",
                "Basic " + java.util.Base64.getEncoder().encodeToString("guanli:Yiyue-Admin-2026".getBytes(StandardCharsets.UTF_8))));
        assertEquals(200, purge.statusCode(), s(purge));
        assertTrue(s(purge).matches(".*\"purged\":[1-9].*"), s(purge));
        assertEquals("MISS", http.get("/s/lab/page.html").headers().firstValue("X-Yiyue-Cache").orElse(""));
        assertTrue(http.text("/api/metrics").matches("(?s).*\"hits\":[1-9].*"));
    }

    // ---- streaming --------------------------------------------------------------------------------------------

    @Test
    void nonHtmlIsStreamedNotBuffered() throws Exception {
        HttpResponse<InputStream> r = http.client.send(http.request("/s/lab/stream.bin").GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = r.body()) {
            // the origin holds back everything after the first 64 KiB until we have seen those through the proxy
            byte[] first = CompletableFuture.supplyAsync(() -> {
                try {
                    return in.readNBytes(65536);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).get(10, TimeUnit.SECONDS);
            assertEquals(65536, first.length);
            assertEquals('a', first[65535]);
            origin.streamGate.countDown();
            assertEquals(31 * 65536, in.readAllBytes().length);
        }
    }

    @Test
    void pagesOverTheBufferLimitAreStreamedWithTheToolbar() throws Exception {
        byte[] body = http.get("/s/lab/large.html").body();
        String page = new String(body, StandardCharsets.UTF_8);
        Matcher m = TAG.matcher(page);
        assertTrue(m.find(), page.substring(0, 300));
        String without = page.substring(0, m.start()) + page.substring(m.end());
        assertArrayEquals(origin.largeHtml, without.getBytes(StandardCharsets.UTF_8));
    }

    // ---- real pages -------------------------------------------------------------------------------------------

    @Test
    void realPagesPassThroughWithOnlyTheTagAdded() throws Exception {
        assertTrue(corpus.pages().size() >= 10, "corpus present: " + corpus.pages().keySet());
        for (var e : corpus.pages().entrySet()) {
          for (boolean gzip : new boolean[] {false, true}) {
            // raw request: the JDK client will not send a Host header of our choosing
            Http.Raw r = http.rawBytes("GET /" + e.getKey() + ".html HTTP/1.1\r\nHost: corpus.localhost:" + base.getPort()
                    + (gzip ? "\r\nAccept-Encoding: gzip" : "") + "\r\nConnection: close\r\n\r\n");
            assertEquals(200, r.status(), e.getKey() + ": " + r.head());
            boolean zipped = r.head().toLowerCase().contains("content-encoding: gzip");
            assertEquals(gzip, zipped, e.getKey() + " coding: " + r.head());
            byte[] got = zipped ? Http.gunzip(r.body()) : r.body();
            String latin = new String(got, StandardCharsets.ISO_8859_1);
            Matcher m = TAG.matcher(latin);
            assertTrue(m.find(), "tag in " + e.getKey());
            byte[] without = new byte[got.length - (m.end() - m.start())];
            System.arraycopy(got, 0, without, 0, m.start());
            System.arraycopy(got, m.end(), without, m.start(), got.length - m.end());
            assertArrayEquals(e.getValue(), without, "bytes outside the tag unchanged: " + e.getKey());
            String before = latin.substring(Math.max(0, m.start() - 6), m.start()).toLowerCase();
            assertTrue(m.start() == 0 || before.contains("<head") || before.endsWith(">"), e.getKey() + ": " + before);
          }
        }
    }

    // ---- speech -----------------------------------------------------------------------------------------------

    private HttpResponse<byte[]> tts(String json) throws Exception {
        return http.send(http.request("/api/tts").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    /** Seconds of audio, after checking it is a 16-bit mono PCM WAV with real (non-silent) samples. */
    private static double playableSeconds(HttpResponse<byte[]> r) {
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        assertEquals("audio/wav", r.headers().firstValue("Content-Type").orElse(""));
        byte[] wav = r.body();
        ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals("RIFF", new String(wav, 0, 4, StandardCharsets.US_ASCII));
        assertEquals("WAVE", new String(wav, 8, 4, StandardCharsets.US_ASCII));
        assertEquals(1, b.getShort(20), "PCM");
        assertEquals(16, b.getShort(34), "16 bit");
        int rate = b.getInt(24);
        int dataLen = b.getInt(40);
        assertEquals(wav.length - 44, dataLen);
        int loud = 0;
        for (int i = 44; i + 1 < wav.length; i += 2) {
            if (Math.abs(b.getShort(i)) > 500) {
                loud++;
            }
        }
        assertTrue(loud > dataLen / 2 / 20, "at least 5 % of samples carry sound: " + loud);
        return dataLen / 2.0 / rate;
    }

    @Test
    @Order(90)
    void speechInChineseAndEnglishIsPlayableCachedAndLimited() throws Exception {
        String zh1 = "河源市人民政府欢迎您。";
        double shortZh = playableSeconds(tts("{\"text\":\"" + zh1 + "\",\"lang\":\"zh-CN\",\"rate\":1.0}"));
        double longZh = playableSeconds(tts("{\"text\":\"" + zh1.repeat(3) + "\",\"lang\":\"zh-CN\",\"rate\":1.0}"));
        assertTrue(shortZh > 0.8 && shortZh < 6, "zh seconds " + shortZh);
        assertTrue(longZh / shortZh > 2.2 && longZh / shortZh < 4.0, "3x text → ~3x audio: " + shortZh + " vs " + longZh);
        String en1 = "Welcome to the Heyuan city government website.";
        HttpResponse<byte[]> en = tts("{\"text\":\"" + en1 + "\",\"lang\":\"en\",\"rate\":1.0}");
        assertEquals("freetts/kevin16", en.headers().firstValue("X-Yiyue-Tts-Engine").orElse(""));
        double shortEn = playableSeconds(en);
        double longEn = playableSeconds(tts("{\"text\":\"" + (en1 + " ").repeat(3) + "\",\"lang\":\"en\"}"));
        assertTrue(shortEn > 1 && shortEn < 8, "en seconds " + shortEn);
        assertTrue(longEn / shortEn > 2.2 && longEn / shortEn < 4.0, shortEn + " vs " + longEn);
        HttpResponse<byte[]> again = tts("{\"text\":\"" + zh1 + "\",\"lang\":\"zh-CN\",\"rate\":1.0}");
        assertEquals("HIT", again.headers().firstValue("X-Yiyue-Tts-Cache").orElse(""));
        assertEquals("espeak-ng/cmn-latn-pinyin", again.headers().firstValue("X-Yiyue-Tts-Engine").orElse(""));
        HttpResponse<byte[]> tooLong = tts("{\"text\":\"" + "长".repeat(1001) + "\",\"lang\":\"zh-CN\"}");
        assertEquals(413, tooLong.statusCode());
        assertTrue(s(tooLong).contains("text-too-long"));
        String voices = http.text("/api/tts/voices");
        assertTrue(voices.contains("\"voice\":\"cmn-latn-pinyin\",\"available\":true"), voices);
        assertTrue(voices.contains("\"voice\":\"kevin16\",\"available\":true"), voices);
    }

    @Test
    @Order(99)
    void speechIsRateLimitedPerClient() throws Exception {
        HttpResponse<byte[]> last = null;
        for (int i = 0; i < 40; i++) {
            last = tts("{\"text\":\"限流测试。\",\"lang\":\"zh-CN\"}");
            if (last.statusCode() == 429) {
                break;
            }
        }
        assertEquals(429, last.statusCode());
        assertTrue(last.headers().firstValue("Retry-After").isPresent());
        assertTrue(http.text("/api/metrics").matches("(?s).*\"rejected\":[1-9].*"));
    }
}
