package org.yiyue.audit.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CrawlerTest {

    TestServer server;

    @BeforeEach
    void start() throws Exception {
        server = new TestServer();
        String origin = server.url("").toString();
        server.html("/robots.txt", "User-agent: *\nDisallow: /private/\nSitemap: " + origin + "/sitemap.xml\n")
                .bytes("/robots.txt", "text/plain", ("User-agent: *\nDisallow: /private/\nSitemap: " + origin + "/sitemap.xml\n").getBytes())
                .bytes("/sitemap.xml", "application/xml", ("<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                        + "<url><loc>" + origin + "/only-in-sitemap.html</loc></url></urlset>").getBytes())
                .html("/index.html", "<a href=\"a.html#x\">a</a><a href=\"./a.html\">a again</a><a href=\"/private/p.html\">p</a>"
                        + "<a href=\"b.html\">b</a><a href=\"http://elsewhere.invalid/\">out</a><a href=\"doc.pdf\">pdf</a>"
                        + "<a href=\"javascript:go()\">js</a><a href=\"skip/me.html\">skip</a>")
                .html("/a.html", "<a href=\"deep.html\">deeper</a>")
                .html("/b.html", "<a href=\"index.html\">home</a>")
                .html("/deep.html", "<a href=\"deeper.html\">deeper</a>")
                .html("/deeper.html", "end")
                .html("/only-in-sitemap.html", "from the sitemap")
                .html("/skip/me.html", "excluded")
                .html("/private/p.html", "secret");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private List<String> paths(List<CrawledPage> pages) {
        return pages.stream().map(p -> p.url().getPath()).toList();
    }

    @Test
    void honoursRobotsScopeDedupAndDepth() {
        CrawlOptions o = new CrawlOptions(50, 2, true, List.of(), List.of(Pattern.compile("/skip/")), Duration.ZERO, 2, true, true);
        List<CrawledPage> pages = new Crawler(new Fetcher(), o).crawl(List.of(server.url("/index.html")), p -> { });
        List<String> paths = paths(pages);
        assertEquals(paths.size(), paths.stream().distinct().count(), "each URL once: " + paths);
        assertTrue(paths.containsAll(List.of("/index.html", "/a.html", "/b.html", "/deep.html", "/only-in-sitemap.html")), paths.toString());
        assertFalse(paths.contains("/deeper.html"), "depth 2 stops before depth 3: " + paths);
        assertFalse(paths.contains("/skip/me.html"), "excluded by pattern");
        assertFalse(server.requests.contains("/private/p.html"), "robots.txt disallows /private/");
        assertFalse(paths.contains("/doc.pdf"), "binary links are not crawled");
        assertTrue(pages.stream().noneMatch(p -> p.url().getHost().contains("elsewhere")));
    }

    @Test
    void includePatternAndPageLimit() {
        CrawlOptions o = new CrawlOptions(2, 5, true, List.of(Pattern.compile("index|a\\.html")), List.of(), Duration.ZERO, 1, false, true);
        List<CrawledPage> pages = new Crawler(new Fetcher(), o).crawl(List.of(server.url("/index.html")), p -> { });
        assertEquals(List.of("/index.html", "/a.html"), paths(pages));
    }

    @Test
    void politenessDelaySpacesRequests() {
        CrawlOptions o = new CrawlOptions(4, 3, true, List.of(), List.of(), Duration.ofMillis(150), 2, false, false);
        List<CrawledPage> seen = new ArrayList<>();
        Fetcher fetcher = new Fetcher();
        fetcher.fetch(server.url("/deeper.html")); // warm up: the first connection is slow to arrive, not early
        server.times.clear();
        long start = System.nanoTime();
        new Crawler(fetcher, o).crawl(List.of(server.url("/index.html")), seen::add);
        List<Long> t = new ArrayList<>(server.times);
        assertEquals(4, t.size());
        java.util.Collections.sort(t);
        for (int i = 1; i < t.size(); i++) {
            // request i may start 150 ms after request i-1 started, so never before i x 150 ms into the crawl. Its
            // arrival is measured against the crawl's start, not against the request before: on a loaded machine one
            // request can arrive late and the next on time (the gap between them once measured 1 ms), which is polite
            long sinceStartMs = (t.get(i) - start) / 1_000_000;
            assertTrue(sinceStartMs >= i * 150L - 5, "request " + i + " arrived " + sinceStartMs + " ms into the crawl, before "
                    + (i * 150) + " ms");
        }
        assertEquals(4, seen.size(), "each page reported as it is done");
    }

    @Test
    void pageTypesClusterByTemplate() {
        assertEquals(PageTypes.template(URI.create("http://a.cn/news/2024/123.html")),
                PageTypes.template(URI.create("http://a.cn/news/2025/9.html")));
        assertEquals("/search?q", PageTypes.template(URI.create("http://a.cn/search?q=%E5%B1%85")));
        assertTrue(!PageTypes.template(URI.create("http://a.cn/news/list.html")).equals(PageTypes.template(URI.create("http://a.cn/news/1.html"))));
    }
}
