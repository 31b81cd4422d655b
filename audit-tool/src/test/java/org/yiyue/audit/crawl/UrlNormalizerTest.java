package org.yiyue.audit.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class UrlNormalizerTest {

    private static final URI BASE = URI.create("http://Example.gov.cn:80/a/b/page.html?x=1");

    private static String n(String href) {
        return UrlNormalizer.normalize(BASE, href).map(URI::toString).orElse("(refused)");
    }

    @Test
    void resolvesAndCanonicalises() {
        assertEquals("http://example.gov.cn/a/b/other.html", n("other.html#top"));
        assertEquals("http://example.gov.cn/a/c.html", n("../c.html"));
        assertEquals("http://example.gov.cn/", n("HTTP://EXAMPLE.gov.cn:80"));
        assertEquals("https://example.gov.cn/x", n("https://example.gov.cn:443/./x"));
        assertEquals("http://example.gov.cn/a/b/page.html?y=2", n("?y=2"));
        assertEquals("http://example.gov.cn/", n("/../../"));
    }

    @Test
    void percentEncodesWhatRealPagesWrite() {
        assertEquals("http://example.gov.cn/a/b/%E5%8A%9E%E4%BA%8B%20%E6%8C%87%E5%8D%97.html", n("办事 指南.html"));
    }

    @Test
    void refusesWhatIsNotAWebPage() {
        for (String href : new String[] {"javascript:void(0)", "mailto:a@b.cn", "tel:12345", "data:text/html,x", "#frag", "", "   ", "http://"}) {
            assertEquals("(refused)", n(href), href);
        }
        assertEquals(Optional.empty(), UrlNormalizer.normalize(BASE, null));
    }

    @Test
    void sameSiteMeansSchemeHostAndPort() {
        assertTrue(UrlNormalizer.sameSite(URI.create("http://a.cn/x"), URI.create("http://A.cn:80/y")));
        assertFalse(UrlNormalizer.sameSite(URI.create("http://a.cn/x"), URI.create("http://a.cn:8080/y")));
        assertFalse(UrlNormalizer.sameSite(URI.create("http://a.cn/x"), URI.create("https://a.cn/y")));
    }
}
