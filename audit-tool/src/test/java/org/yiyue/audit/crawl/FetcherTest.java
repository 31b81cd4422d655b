package org.yiyue.audit.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every way a server can misbehave ends as a named FetchResult, never as an exception. */
class FetcherTest {

    static TestServer server;
    static Fetcher fetcher;

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer()
                .html("/ok.html", "<!DOCTYPE html><html lang=\"zh-CN\"><title>好</title><p>正文")
                .html("/malformed.html", "<html><body><div><p>unclosed <table><tr><td>x</div></span></html><<>>")
                .redirect("/loop-a", "/loop-b").redirect("/loop-b", "/loop-a")
                .redirect("/hop", "/ok.html")
                .slow("/slow.html", 3000)
                .bytes("/file.pdf", "application/pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII))
                .html("/gbk.html", "<html><head><meta charset=\"gb2312\"><title>堃华社区</title></head></html>",
                        Charset.forName("GBK"), "text/html")
                .bytes("/huge.html", "text/html", new byte[300_000])
                .route("/cookie", ex -> TestServer.send(ex, 200, "text/html", ("<title>" + ex.getRequestHeaders().getFirst("Cookie") + "</title>")
                        .getBytes(StandardCharsets.UTF_8)));
        fetcher = new Fetcher(Duration.ofSeconds(1), 200_000, Map.of("SID", "abc"), Set.of(Fetcher.hostKey(server.url("/"))));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void htmlIsDecodedAndRedirectsFollowed() {
        FetchResult.Html h = assertInstanceOf(FetchResult.Html.class, fetcher.fetch(server.url("/hop")));
        assertEquals(server.url("/ok.html"), h.finalUrl());
        assertTrue(h.html().contains("正文"));
    }

    @Test
    void malformedHtmlIsStillAPage() {
        assertInstanceOf(FetchResult.Html.class, fetcher.fetch(server.url("/malformed.html")));
    }

    @Test
    void notFoundIsAnHttpError() {
        FetchResult.HttpError e = assertInstanceOf(FetchResult.HttpError.class, fetcher.fetch(server.url("/missing.html")));
        assertEquals(404, e.status());
    }

    @Test
    void redirectLoopIsNamed() {
        FetchResult.Failure f = assertInstanceOf(FetchResult.Failure.class, fetcher.fetch(server.url("/loop-a")));
        assertEquals("redirect-loop", f.kind());
        assertEquals(2, f.redirects().size());
    }

    @Test
    void slowPageTimesOut() {
        FetchResult.Failure f = assertInstanceOf(FetchResult.Failure.class, fetcher.fetch(server.url("/slow.html")));
        assertEquals("timeout", f.kind());
    }

    @Test
    void nonHtmlIsNotParsed() {
        FetchResult.NotHtml n = assertInstanceOf(FetchResult.NotHtml.class, fetcher.fetch(server.url("/file.pdf")));
        assertEquals("application/pdf", n.contentType());
    }

    @Test
    void hugeBodyIsRefused() {
        assertEquals("too-large", fetcher.fetch(server.url("/huge.html")).kind());
    }

    @Test
    void gbkPageDeclaringGb2312Decodes() {
        FetchResult.Html h = assertInstanceOf(FetchResult.Html.class, fetcher.fetch(server.url("/gbk.html")));
        assertEquals("GB18030", h.charset());
        assertTrue(h.html().contains("堃华社区"));
    }

    @Test
    void refusedConnectionIsAnOutcome() {
        FetchResult r = fetcher.fetch(java.net.URI.create("http://127.0.0.1:1/x"));
        assertEquals("connection-refused", r.kind());
    }

    @Test
    void cookiesGoOnlyToTheAuditedSite() {
        FetchResult.Html h = assertInstanceOf(FetchResult.Html.class, fetcher.fetch(server.url("/cookie")));
        assertTrue(h.html().contains("SID=abc"));
        Fetcher other = new Fetcher(Duration.ofSeconds(1), 200_000, Map.of("SID", "abc"), Set.of("elsewhere.cn:80"));
        FetchResult.Html h2 = assertInstanceOf(FetchResult.Html.class, other.fetch(server.url("/cookie")));
        assertTrue(h2.html().contains("<title>null</title>"), h2.html());
    }
}
