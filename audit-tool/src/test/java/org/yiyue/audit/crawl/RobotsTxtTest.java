package org.yiyue.audit.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class RobotsTxtTest {

    @Test
    void longestMatchWinsAndAllowWinsTies() {
        RobotsTxt r = RobotsTxt.parse("""
                User-agent: *
                Disallow: /admin/
                Allow: /admin/public/
                Disallow: /*.pdf$
                Disallow: /search?
                Sitemap: http://a.cn/sitemap.xml
                """);
        assertFalse(r.allows("/admin/x.html"));
        assertTrue(r.allows("/admin/public/x.html"));
        assertFalse(r.allows("/files/a.pdf"));
        assertTrue(r.allows("/files/a.pdf.html"));
        assertFalse(r.allows("/search?q=1"));
        assertTrue(r.allows("/search.html"));
        assertTrue(r.allows("/"));
        assertEquals(List.of("http://a.cn/sitemap.xml"), r.sitemaps());
    }

    @Test
    void ourOwnGroupReplacesTheStarGroup() {
        RobotsTxt r = RobotsTxt.parse("User-agent: *\nDisallow: /\n\nUser-agent: Yiyue\nDisallow: /private\n");
        assertTrue(r.allows("/index.html"));
        assertFalse(r.allows("/private/a"));
    }

    @Test
    void emptyDisallowAndGarbageAllowEverything() {
        assertTrue(RobotsTxt.parse("User-agent: *\nDisallow:\n").allows("/x"));
        assertTrue(RobotsTxt.parse("<html>not a robots file</html>").allows("/x"));
    }
}
