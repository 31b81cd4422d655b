package org.yiyue.overlay.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.yiyue.demo.ReplicaSites;
import org.yiyue.testkit.Chromium;

/**
 * The four replica government sites through the overlay in Payara Micro, in real Chromium: the toolbar on every
 * page, every link under the mount, the yth application end to end, GBK and gzip decoding, and the CSP site with
 * no violation the toolbar caused. The site configuration is the shipped one with the replicas' ephemeral ports.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReplicaSitesIT {

    /** Records CSP violations from the first moment of every document (DevTools scripts are not subject to CSP). */
    private static final String CSP_RECORDER = "window.__yiyueCsp = [];"
            + "document.addEventListener('securitypolicyviolation', e => window.__yiyueCsp.push("
            + "e.effectiveDirective + ' ' + e.blockedURI + ' ' + (e.sourceFile || '')));";

    private static ReplicaSites replicas;
    private static CorpusOrigin corpus;
    private static Chromium chromium;
    private static JsonObject catalogue;

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive war() throws Exception {
        replicas = ReplicaSites.start();
        corpus = new CorpusOrigin();
        String config;
        try (InputStream in = ReplicaSitesIT.class.getResourceAsStream("/yiyue-sites.json")) {
            config = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int port = 8101;
        for (String id : ReplicaSites.SITE_IDS) {
            config = config.replace("\"http://127.0.0.1:" + port++ + "\"", "\"" + replicas.origin(id) + "\"");
        }
        // the real-page corpus as a fifth, path-mounted site: does the toolbar work on markup we did not write?
        int end = config.lastIndexOf(']');
        config = config.substring(0, end).stripTrailing() + ",\n    {\"id\": \"corpus\", \"name\": \"真实页面\", \"upstream\": \""
                + corpus.origin() + "\"}\n  " + config.substring(end);
        ItSites.write(config);
        return ItSites.rootWar();
    }

    @BeforeAll
    static void browser() throws Exception {
        try (InputStream in = ReplicaSites.class.getResourceAsStream("/sites/sites.json")) {
            catalogue = Json.createReader(new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8))).readObject();
        }
        chromium = Chromium.start();
        chromium.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", CSP_RECORDER));
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (replicas != null) {
            replicas.close();
        }
        if (corpus != null) {
            corpus.close();
        }
    }

    private String overlay() {
        return "http://127.0.0.1:" + base.getPort();
    }

    private ChromeDriver driver() {
        return chromium.driver();
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver()).executeScript(script, args);
    }

    private void waitForToolbar(String where) {
        new WebDriverWait(driver(), Duration.ofSeconds(10)).withMessage("toolbar on " + where).until(d -> Boolean.TRUE.equals(
                js("const h = document.querySelector('yiyue-a11y');"
                        + "return !!(h && h.shadowRoot && h.shadowRoot.querySelector('button'));")));
    }

    @SuppressWarnings("unchecked")
    private List<String> violations() {
        Object v = js("return window.__yiyueCsp || [];");
        return new ArrayList<>((List<String>) v);
    }

    /** Every URL the page refers to must stay on the overlay under a mount (or be foreign); never a replica origin. */
    @SuppressWarnings("unchecked")
    private void assertLinksStayUnderTheMount(String where) {
        List<String> urls = (List<String>) js("const out = [];"
                + "for (const e of document.querySelectorAll('a[href],area[href],link[href],script[src],img[src],"
                + "iframe[src],form[action],input[src],audio[src],video[src],source[src]')) {"
                + "  out.push(e.tagName === 'FORM' ? e.action : (e.href || e.src)); }"
                + "return out;");
        assertFalse(urls.isEmpty(), where);
        for (String u : urls) {
            for (String id : ReplicaSites.SITE_IDS) {
                assertFalse(u.startsWith(replicas.origin(id).toString()), where + " links to the upstream: " + u);
            }
            if (u.startsWith(overlay())) {
                String path = u.substring(overlay().length());
                assertTrue(path.startsWith("/s/") || path.startsWith("/a11y/") || path.startsWith("/api/"),
                        where + " link outside every mount: " + u);
            }
        }
    }

    private List<JsonObject> pages(String site) {
        for (JsonValue s : catalogue.getJsonArray("sites")) {
            if (s.asJsonObject().getString("id").equals(site)) {
                return s.asJsonObject().getJsonArray("pages").getValuesAs(JsonObject.class);
            }
        }
        throw new IllegalArgumentException(site);
    }

    @Test
    void everyPublicPageOfEverySiteShowsTheToolbarKeepsLinksUnderTheMountAndDecodes() {
        int checked = 0;
        for (String site : ReplicaSites.SITE_IDS) {
            for (JsonObject page : pages(site)) {
                if (page.getBoolean("requiresLogin", false)) {
                    continue; // the application flow below covers these
                }
                String where = site + page.getString("path");
                driver().get(overlay() + "/s/" + site + page.getString("path"));
                waitForToolbar(where);
                assertTrue(driver().getCurrentUrl().startsWith(overlay() + "/s/" + site + "/"), where);
                assertEquals(1L, js("return document.querySelectorAll('script[src^=\"/a11y/toolbar.js\"]').length;"), where);
                assertEquals(page.getString("title"), driver().getTitle(), "title decoded correctly: " + where);
                String text = (String) js("return document.body.innerText;");
                assertFalse(text.contains("\uFFFD"), "no replacement characters: " + where);
                assertLinksStayUnderTheMount(where);
                checked++;
            }
        }
        assertTrue(checked >= 35, "pages checked: " + checked);
    }

    @Test
    void gbkGuidePagesShowCorrectChinese() {
        driver().get(overlay() + "/s/zwfw/guide/g001.html");
        waitForToolbar("g001");
        assertEquals("居住证签注（源城区堃华社区服务站）_办事指南_广东政务服务网", driver().getTitle());
        assertEquals("GBK", js("return document.characterSet;"));
        assertTrue(((String) js("return document.body.innerText;")).contains("堃华"), "GBK-only character 堃 intact");
    }

    @Test
    void gzipResponsesDecodeInTheBrowser() throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        java.net.URI.create(overlay() + "/s/portal/index.html")).header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("gzip", r.headers().firstValue("Content-Encoding").orElse(""), "portal answers gzip through the overlay");
        assertTrue(new String(Http.gunzip(r.body()), StandardCharsets.UTF_8).contains("<script src=\"/a11y/toolbar.js"));
        driver().get(overlay() + "/s/portal/index.html");
        waitForToolbar("portal gzip");
        assertEquals(pages("portal").get(0).getString("title"), driver().getTitle());
    }

    @Test
    void cspSiteRunsTheToolbarWithoutAnyNewViolation() {
        for (JsonObject page : pages("gcjs")) {
            String path = page.getString("path");
            driver().get(replicas.origin("gcjs") + path);
            List<String> direct = violations();
            driver().get(overlay() + "/s/gcjs" + path);
            waitForToolbar("gcjs" + path);
            // open the toolbar and switch a setting: styles and state changes must pass the CSP too
            // settings persist per site, so the bar may already be open from the previous page
            js("const l = document.querySelector('yiyue-a11y').shadowRoot.querySelector('button.launcher');"
                    + "if (l.getAttribute('aria-expanded') !== 'true') { l.click(); }");
            new WebDriverWait(driver(), Duration.ofSeconds(5)).withMessage("toolbar opens on gcjs" + path)
                    .until(d -> "true".equals(js("return document.querySelector('yiyue-a11y').shadowRoot"
                            + ".querySelector('button.launcher').getAttribute('aria-expanded');")));
            List<String> proxied = violations();
            List<String> ours = proxied.stream().filter(v -> v.contains("/a11y/") || v.contains("/api/")
                    || !direct.contains(v)).toList();
            assertEquals(List.of(), ours, "violations caused by the overlay on gcjs" + path + " (page's own: " + direct + ")");
            assertTrue(driver().manage().getCookies().stream().noneMatch(c -> c.getName().startsWith("yiyue")),
                    "toolbar settings are not cookies sent to servers");
        }
    }

    @Test
    void toolbarStartsAndOpensOnEveryRealPage() {
        for (String id : corpus.pages().keySet()) {
            driver().get(overlay() + "/s/corpus/" + id + ".html");
            waitForToolbar("corpus " + id);
            js("const l = document.querySelector('yiyue-a11y').shadowRoot.querySelector('button.launcher');"
                    + "if (l.getAttribute('aria-expanded') !== 'true') { l.click(); }");
            new WebDriverWait(driver(), Duration.ofSeconds(5)).withMessage("toolbar opens on " + id)
                    .until(d -> "true".equals(js("return document.querySelector('yiyue-a11y').shadowRoot"
                            + ".querySelector('button.launcher').getAttribute('aria-expanded');")));
        }
    }

    @Test
    void redirectsStayUnderTheMount() {
        driver().get(overlay() + "/s/yth/");
        assertEquals(overlay() + "/s/yth/index.html", driver().getCurrentUrl());
        driver().manage().deleteAllCookies();
        driver().get(overlay() + "/s/yth/apply/step2");
        assertEquals(overlay() + "/s/yth/login", driver().getCurrentUrl());
    }

    @Test
    void ythApplicationCompletesEndToEnd() throws Exception {
        ChromeDriver d = driver();
        d.manage().deleteAllCookies();
        d.get(overlay() + "/s/yth/login");
        waitForToolbar("login");
        d.findElement(By.name("username")).sendKeys("demo");
        d.findElement(By.name("password")).sendKeys("demo123");
        d.findElement(By.name("captcha")).sendKeys("2468");
        d.findElement(By.cssSelector("#loginForm input[type=submit]")).click();
        new WebDriverWait(d, Duration.ofSeconds(10)).until(x -> x.getCurrentUrl().endsWith("/s/yth/apply/step1"));
        Cookie session = d.manage().getCookieNamed("YTHSESSIONID");
        assertNotNull(session, "login cookie set through the overlay");
        assertEquals("/s/yth", session.getPath());

        // validation error shown
        d.findElement(By.cssSelector("#applyForm button[type=submit]")).click();
        new WebDriverWait(d, Duration.ofSeconds(10)).until(x -> !x.findElements(By.cssSelector(".err-box")).isEmpty());
        assertTrue(d.findElement(By.cssSelector(".err-box")).getText().contains("请选择申办事项"));
        assertTrue(d.getCurrentUrl().endsWith("/s/yth/apply/step1"));

        new Select(d.findElement(By.name("matter"))).selectByValue("jzz");
        d.findElement(By.name("name")).sendKeys("张三丰");
        d.findElement(By.name("idNumber")).sendKeys(idNumber("44160219800101001"));
        d.findElement(By.name("phone")).sendKeys("13800138000");
        d.findElement(By.name("address")).sendKeys("河源市源城区新风路1号");
        d.findElement(By.cssSelector("#applyForm button[type=submit]")).click();
        new WebDriverWait(d, Duration.ofSeconds(10)).until(x -> x.getCurrentUrl().endsWith("/s/yth/apply/step2"));
        waitForToolbar("step2");

        // upload (multipart through the proxy)
        Path file = Files.createTempFile("身份证", ".png");
        Files.write(file, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'});
        WebElement input = d.findElement(By.id("f1"));
        js("arguments[0].style.display = 'block';", input);
        input.sendKeys(file.toAbsolutePath().toString());
        d.findElement(By.cssSelector("#uploadForm button[type=submit]")).click();
        new WebDriverWait(d, Duration.ofSeconds(10)).until(x -> x.getCurrentUrl().endsWith("/s/yth/apply/step3"));
        assertTrue(d.getPageSource().contains(file.getFileName().toString()), "uploaded file listed on the confirm page");
        Files.deleteIfExists(file);

        d.findElement(By.id("agree")).click();
        d.findElement(By.cssSelector("#submitForm input[type=image]")).click();
        new WebDriverWait(d, Duration.ofSeconds(10)).until(x -> x.getCurrentUrl().endsWith("/s/yth/apply/receipt"));
        String receipt = d.findElement(By.id("receiptNo")).getText();
        assertTrue(receipt.matches("441600-\\d{8}-\\d{6}"), receipt);
        waitForToolbar("receipt");
        assertLinksStayUnderTheMount("receipt");
    }

    /** Appends the ISO 7064 MOD 11-2 check character of a Chinese resident ID number. */
    static String idNumber(String first17) {
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * w[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }
}
