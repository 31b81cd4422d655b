package org.yiyue.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.yiyue.demo.ReplicaCatalog;
import org.yiyue.demo.ReplicaSites;

/** The replicas in real headless Chromium: GBK title, gzip + large page, CSP without violations, axe on controls. */
@ExtendWith(ReplicaSitesExtension.class)
class ReplicaBrowserTest {

    static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice");
    static Chromium browser;
    static ChromeDriver driver;

    @BeforeAll
    static void startBrowser() {
        browser = Chromium.start();
        driver = browser.driver();
    }

    @AfterAll
    static void quitBrowser() {
        browser.close();
    }

    @Test
    void gbkGuidePageShowsItsChineseTitle(ReplicaSites sites) {
        driver.get(sites.origin("zwfw") + "/guide/g001.html");
        assertEquals("居住证签注（源城区堃华社区服务站）_办事指南_广东政务服务网", driver.getTitle());
        assertEquals("GBK", driver.executeScript("return document.characterSet"));
        String text = (String) driver.executeScript("return document.body.innerText");
        assertTrue(text.contains("窗口负责人：黄喆") && text.contains("鑫镕五金店"), "GBK-only characters render");
    }

    @Test
    void gzippedLargePortalPageRenders(ReplicaSites sites) {
        driver.get(sites.origin("portal") + "/zwgk/tjgb2025.html");
        assertEquals("2025年河源市国民经济和社会发展统计公报 - 河源市人民政府门户网站", driver.getTitle());
        long elements = (Long) driver.executeScript("return document.getElementsByTagName('*').length");
        assertTrue(elements >= 3000, "elements: " + elements);
        Object encoding = driver.executeScript(
                "var e = performance.getEntriesByType('navigation')[0]; return e.encodedBodySize < e.decodedBodySize");
        assertEquals(Boolean.TRUE, encoding, "the document travelled compressed");
    }

    @Test
    void gcjsLoadsUnderItsCspWithoutViolations(ReplicaSites sites) {
        driver.manage().logs().get("browser"); // drain earlier entries
        for (String path : List.of("/index.html", "/stages.html", "/register.html",
                "/query?code=2026-441600-48-01-302517", "/control.html")) {
            driver.get(sites.origin("gcjs") + path);
            List<String> csp = cspMessages();
            assertEquals(List.of(), csp, path);
        }
        driver.get(sites.origin("gcjs") + "/index.html");
        assertEquals("rgb(18, 132, 95)", driver.executeScript(
                "return getComputedStyle(document.getElementById('mainNav')).backgroundColor"), "external CSS applied");
        assertTrue(((String) driver.executeScript("return document.getElementById('gc-clock').textContent")).endsWith("日"),
                "external JS ran");
        // control: an inline script is blocked and reported, so the empty lists above mean something
        Object inline = driver.executeScript("var s = document.createElement('script'); s.textContent = 'window.__inl = 1;';"
                + "document.head.appendChild(s); return window.__inl;");
        assertNull(inline, "CSP must block inline script");
        assertFalse(cspMessages().isEmpty(), "the blocked inline script shows up in the browser log");
    }

    private static List<String> cspMessages() {
        return driver.manage().logs().get("browser").getAll().stream().map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy")).collect(Collectors.toList());
    }

    @Test
    void axeFindsNothingOnControlPagesAndSomethingOnHomePages(ReplicaSites sites, ReplicaCatalog catalog) {
        for (ReplicaCatalog.ControlPage c : catalog.controlPages()) {
            driver.get(sites.origin(c.site()) + c.page());
            Results results = new AxeBuilder().withTags(WCAG_TAGS).analyze(driver);
            assertFalse(results.isErrored(), c.site() + ": axe errored");
            assertEquals(List.of(), describe(results.getViolations()), c.site() + c.page());
            assertFalse(results.getPasses().isEmpty(), "axe actually ran on " + c.site());
        }
        for (String site : ReplicaSites.SITE_IDS) {
            driver.get(sites.origin(site) + "/index.html");
            List<String> found = describe(new AxeBuilder().withTags(WCAG_TAGS).analyze(driver).getViolations());
            assertFalse(found.isEmpty(), site + " home page should have violations");
        }
    }

    private static List<String> describe(List<Rule> violations) {
        return violations.stream().map(r -> r.getId() + " " + r.getNodes().stream()
                .map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", "))).collect(Collectors.toList());
    }

    @Test
    void ythFlowPagesOpenInTheBrowserWithTheSessionCookie(ReplicaSites sites) {
        YthFlow flow = YthFlow.readyFor(sites, 3);
        driver.get(sites.origin("yth") + "/index.html");
        driver.manage().addCookie(new Cookie.Builder(YthFlow.COOKIE, flow.sessionId()).path("/").isHttpOnly(true).build());
        driver.get(sites.origin("yth") + "/apply/step3");
        assertEquals("确认提交 - 河源市一体化政务服务平台", driver.getTitle());
        driver.manage().deleteAllCookies();
        driver.get(sites.origin("yth") + "/apply/step3");
        assertEquals("用户登录 - 河源市一体化政务服务平台", driver.getTitle(), "without the cookie the flow sends us to login");
    }
}
