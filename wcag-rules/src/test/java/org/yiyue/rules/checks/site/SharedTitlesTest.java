package org.yiyue.rules.checks.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * Titles shared across a site's sample (2.4.2). The failing case is F25's own example: a site that gives every page
 * the site's name as its title.
 */
class SharedTitlesTest {

    private static SharedTitles.SitePage page(String path, String title, String content) {
        return new SharedTitles.SitePage("https://www.heyuan.gov.cn" + path, "https://www.heyuan.gov.cn" + path.replaceAll("\\?.*", ""), title, content);
    }

    private static Map<String, String> outcomes(List<SharedTitles.SitePage> pages) {
        return SharedTitles.check(pages).stream().collect(Collectors.toMap(SharedTitles.Result::url, SharedTitles.Result::outcome));
    }

    @Test
    void everyPageTitledWithTheSiteNameFailsF25() {
        List<SharedTitles.SitePage> pages = List.of(page("/", "河源市人民政府", "home"), page("/zwgk/", "河源市人民政府 ", "open"),
                page("/ywdt/a001.html", "河源市人民政府", "news"), page("/hdjl/", "互动交流 - 河源市人民政府", "talk"));
        Map<String, String> r = outcomes(pages);
        assertEquals("failed", r.get("https://www.heyuan.gov.cn/"));
        assertEquals("failed", r.get("https://www.heyuan.gov.cn/zwgk/"), "whitespace does not make a title different");
        assertEquals("failed", r.get("https://www.heyuan.gov.cn/ywdt/a001.html"));
        assertEquals("passed", r.get("https://www.heyuan.gov.cn/hdjl/"));
        SharedTitles.Result home = SharedTitles.check(pages).get(0);
        assertTrue(home.message().zh().contains("F25") && home.others().size() == 2, home.toString());
    }

    @Test
    void oneQueryPathWithManyAnswersNeedsAPerson() {
        Map<String, String> r = outcomes(List.of(page("/search?q=a", "搜索结果 - 广东政务服务网", "a"),
                page("/search?q=b", "搜索结果 - 广东政务服务网", "b")));
        assertEquals("cantTell", r.get("https://www.heyuan.gov.cn/search?q=a"));
    }

    @Test
    void oneContentUnderTwoUrlsAndMissingTitlesAreNotShared() {
        Map<String, String> r = outcomes(List.of(page("/index.html", "首页 - 网站", "same"), page("/", "首页 - 网站", "same"),
                page("/a.html", "", "x"), page("/b.html", "", "y")));
        assertEquals(Map.of("https://www.heyuan.gov.cn/index.html", "passed", "https://www.heyuan.gov.cn/", "passed"), r);
    }
}
