package org.yiyue.overlay.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.yiyue.overlay.site.Site;
import org.yiyue.overlay.site.SiteRegistry;

class UrlMapperTest {

    private final Site yth = Site.of("yth", "一体化", URI.create("http://127.0.0.1:8102"), null);
    private final Site zwfw = Site.of("zwfw", "政务服务网", URI.create("http://127.0.0.1:8101"), null);
    private final UrlMapper mapper;

    UrlMapperTest() {
        Map<String, Site> m = new LinkedHashMap<>();
        m.put("yth", yth);
        m.put("zwfw", zwfw);
        mapper = new UrlMapper(yth, SiteRegistry.of(m));
    }

    @Test
    void redirectsStayUnderTheMount() {
        assertEquals("/s/yth/apply/step2", mapper.location("http://127.0.0.1:8102/apply/step2"));
        assertEquals("/s/yth/apply/step2?x=1", mapper.location("/apply/step2?x=1"));
        assertEquals("step2", mapper.location("step2"));
        assertEquals("/s/yth/", mapper.location("http://127.0.0.1:8102"));
        assertEquals("/s/zwfw/index.html", mapper.location("http://127.0.0.1:8101/index.html"), "other configured site");
        assertEquals("/s/yth/x", mapper.location("//127.0.0.1:8102/x"));
    }

    @Test
    void foreignRedirectsAreLeftAlone() {
        assertEquals("https://www.gov.cn/", mapper.location("https://www.gov.cn/"));
    }

    @Test
    void cookiesLoseDomainAndMoveUnderTheMount() {
        assertEquals("YTHSESSIONID=abc; Path=/s/yth; HttpOnly; SameSite=Lax",
                mapper.setCookie("YTHSESSIONID=abc; Path=/; HttpOnly; SameSite=Lax"));
        assertEquals("a=1; Path=/s/yth/apply", mapper.setCookie("a=1; Domain=.127.0.0.1; Path=/apply/"));
        assertEquals("a=1; Max-Age=0; Path=/s/yth", mapper.setCookie("a=1; Max-Age=0"));
    }

    @Test
    void refererMapsBackToTheUpstream() {
        assertEquals(Optional.of("http://127.0.0.1:8102/apply/step1"),
                mapper.refererToUpstream("http://127.0.0.1:8080/s/yth/apply/step1", "http://127.0.0.1:8080"));
        assertTrue(mapper.refererToUpstream("http://127.0.0.1:8080/s/zwfw/", "http://127.0.0.1:8080").isEmpty());
        assertTrue(mapper.refererToUpstream("https://evil.example/s/yth/", "http://127.0.0.1:8080").isEmpty());
    }
}
