package org.yiyue.overlay.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.yiyue.demo.ReplicaSites;
import org.yiyue.testkit.Chromium;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

/**
 * The audit service in Payara Micro against the four replica sites (ephemeral ports): access control, the rule
 * catalogue, refused requests, an audit followed by SSE to its end with every report format, history, manual
 * results, comparison, and two audits of different sites at once (one of them in Chromium).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditServiceIT {

    static ReplicaSites replicas;
    static Path dataDir;
    static String firstRun;

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive war() {
        replicas = ReplicaSites.start();
        ItDeployment.write(Path.of(System.getProperty("yiyue.it.sites")), ItDeployment.sitesJson(replicas));
        dataDir = ItDeployment.freshDataDir("service");
        return ItDeployment.rootWar("yiyue.data.dir=" + dataDir + "\nyiyue.audit.crawl-delay-ms=0\n"
                + ItDeployment.databaseConfig("service")
                + "\nyiyue.audit.schedule.gcjs=PT1H\nyiyue.audit.schedule.gcjs.first=PT2S"
                + "\nyiyue.audit.schedule.gcjs.static-only=true\nyiyue.audit.schedule.gcjs.max-pages=2");
    }

    @AfterAll
    static void stop() {
        if (replicas != null) {
            replicas.close();
        }
    }

    Api api() {
        return new Api(base.getPort());
    }

    @Test
    @Order(1)
    void evaluatorsOnly_toolbarAndTtsStayPublic() throws Exception {
        Api api = api();
        for (String path : List.of("/api/audits", "/api/rules", "/api/sites/zwfw/audits", "/api/audits/x/report.json")) {
            HttpResponse<String> r = api.anon(api.as(path, null).GET());
            assertEquals(401, r.statusCode(), path);
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), path);
            assertTrue(r.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"), path);
            assertEquals(401, Api.object(r.body()).getInt("status"));
        }
        HttpResponse<String> wrong = api.anon(api.as("/api/audits", Api.basic(Api.USER, "wrong")).GET());
        assertEquals(401, wrong.statusCode());
        HttpResponse<String> unknown = api.anon(api.as("/api/audits", Api.basic("nobody", Api.PASSWORD)).GET());
        assertEquals(401, unknown.statusCode());
        HttpResponse<String> post = api.anon(api.as("/api/audits", null).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"site\":\"zwfw\"}")));
        assertEquals(401, post.statusCode());

        HttpResponse<String> console = api.anon(api.as("/console", null).GET());
        assertEquals(401, console.statusCode());
        assertTrue(console.body().contains("name=\"password\""), "the 401 page is the login form");
        assertEquals(401, api.anon(api.as("/console/runs/abc", null).GET()).statusCode());

        assertEquals(200, api.anon(api.as("/a11y/toolbar.js", null).GET()).statusCode());
        assertEquals(200, api.anon(api.as("/console/static/console.css", null).GET()).statusCode());
        assertEquals(200, api.anon(api.as("/api/info", null).GET()).statusCode());
        assertNotEquals(401, api.anon(api.as("/api/tts/voices", null).GET()).statusCode());
        int site = api.anon(api.as("/s/zwfw/index.html", null).GET()).statusCode();
        assertEquals(200, site, "proxied site is public");

        assertEquals(200, api.get("/api/audits").statusCode(), "the evaluator gets in");
        HttpResponse<String> crossSite = api.send(api.as("/api/audits", null).header("Sec-Fetch-Site", "cross-site")
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("{\"site\":\"zwfw\"}")));
        assertEquals(403, crossSite.statusCode(), "session cookie alone does not let another site start audits");
    }

    @Test
    @Order(2)
    void ruleCatalogue() throws Exception {
        HttpResponse<String> r = api().get("/api/rules");
        assertEquals(200, r.statusCode());
        JsonArray rules = Api.array(r.body());
        assertTrue(rules.size() > 40, "rules: " + rules.size());
        JsonObject first = rules.getJsonObject(0);
        assertFalse(first.getString("id").isBlank());
        assertTrue(first.containsKey("sc") && first.containsKey("title"));
        HttpResponse<String> openapi = api().anon(api().as("/openapi", null).header("Accept", "application/json").GET());
        assertEquals(200, openapi.statusCode());
        assertTrue(openapi.body().contains("/api/audits/{id}/report.{format}"), "the audit API is documented");
    }

    @Test
    @Order(3)
    void badInputIsRefusedWithAProblemAndStartsNothing() throws Exception {
        Api api = api();
        int before = byEvaluator(api);
        record Case(String body, int status, String field) {
        }
        List<Case> cases = List.of(
                new Case("{\"site\":\"nosuchsite\"}", 404, "site"),
                new Case("{\"site\":\"zwfw\",\"urls\":[\"http://example.com/x.html\"]}", 422, "urls[0]"),
                new Case("{\"site\":\"zwfw\",\"urls\":[\"" + replicas.origin("portal") + "/index.html\"]}", 422, "urls[0]"),
                new Case("{\"site\":\"zwfw\",\"maxPages\":100000000}", 422, "maxPages"),
                new Case("{\"site\":\"zwfw\",\"maxPages\":0}", 422, "maxPages"),
                new Case("{\"site\":\"zwfw\",\"maxDepth\":-1}", 422, "maxDepth"),
                new Case("{\"site\":\"zwfw\",\"workers\":99}", 422, "workers"),
                new Case("{\"site\":\"zwfw\",\"standards\":[\"iso9999\"]}", 422, "standards"),
                new Case("{\"site\":\"zwfw\",\"maxPages\":\"many\"}", 422, "maxPages"),
                new Case("{\"site\":\"zwfw\", \"maxPages\": 3", 400, null),
                new Case("[1,2]", 400, null),
                new Case("", 400, null));
        for (Case c : cases) {
            HttpResponse<String> r = api.post("/api/audits", c.body());
            assertEquals(c.status(), r.statusCode(), c.body() + " -> " + r.body());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), c.body());
            JsonObject p = Api.object(r.body());
            assertEquals(c.status(), p.getInt("status"));
            assertTrue(p.getString("type").startsWith("urn:yiyue:problem:"));
            assertFalse(p.getJsonObject("zh").getString("title").isBlank());
            assertFalse(p.getJsonObject("en").getString("title").isBlank());
            if (c.field() != null) {
                String fields = p.getJsonArray("invalid-params").stream()
                        .map(v -> v.asJsonObject().getString("name")).collect(Collectors.joining(","));
                assertTrue(fields.contains(c.field()), c.body() + " names " + fields);
            }
        }
        HttpResponse<String> en = api.send(api.evaluator("/api/audits").header("Accept-Language", "en-GB,en;q=0.9")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"site\":\"nosuchsite\"}")));
        assertEquals("Unknown site", Api.object(en.body()).getString("title"));
        assertEquals("en", en.headers().firstValue("Content-Language").orElse(""));
        HttpResponse<String> zh = api.post("/api/audits", "{\"site\":\"nosuchsite\"}");
        assertEquals("未知站点", Api.object(zh.body()).getString("title"));

        assertEquals(before, byEvaluator(api), "a refused request started no job");
        assertEquals(404, api.get("/api/audits/no-such-run").statusCode());
    }

    /** Runs the evaluator started (the scheduler may add its own at any time). */
    private static int byEvaluator(Api api) throws Exception {
        return (int) Api.array(api.get("/api/audits").body()).stream()
                .filter(v -> Api.USER.equals(v.asJsonObject().getString("createdBy", ""))).count();
    }

    @Test
    @Order(4)
    void auditFollowedToTheEndWithEveryReportAndHistory() throws Exception {
        Api api = api();
        String id = api.start("{\"site\":\"zwfw\",\"staticOnly\":true,\"maxPages\":6,\"maxDepth\":1}");
        Api.SseResult sse = api.follow(id);
        assertEquals("succeeded", sse.end().getString("status"), sse.end().toString());
        JsonObject run = Api.object(api.get("/api/audits/" + id).body());
        assertEquals("succeeded", run.getString("status"));
        int pages = run.getInt("pagesDone");
        assertTrue(pages >= 2 && pages <= 6, "pages " + pages);
        assertEquals(pages, run.getInt("pagesTotal"));
        assertTrue(run.getJsonNumber("failures").longValue() > 0, "zwfw replica has known defects");

        HttpResponse<byte[]> html = api.bytes("/api/audits/" + id + "/report.html");
        assertEquals(200, html.statusCode());
        assertTrue(html.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(new String(html.body(), StandardCharsets.UTF_8).contains("<html"));

        HttpResponse<byte[]> json = api.bytes("/api/audits/" + id + "/report.json");
        assertEquals(200, json.statusCode());
        JsonObject report = Api.object(new String(json.body(), StandardCharsets.UTF_8));
        assertEquals("zwfw", report.getString("siteId"));
        assertEquals(pages, report.getJsonArray("pages").size());

        HttpResponse<byte[]> earl = api.bytes("/api/audits/" + id + "/report.earl");
        assertEquals(200, earl.statusCode());
        assertTrue(earl.headers().firstValue("Content-Type").orElse("").startsWith("application/ld+json"));
        String earlText = new String(earl.body(), StandardCharsets.UTF_8);
        assertTrue(earlText.contains("@context") && earlText.contains("earl:"), earlText.substring(0, Math.min(300, earlText.length())));

        HttpResponse<byte[]> csv = api.bytes("/api/audits/" + id + "/report.csv");
        assertEquals(200, csv.statusCode());
        String csvText = new String(csv.body(), StandardCharsets.UTF_8);
        assertTrue(csvText.lines().count() > 1, "header and at least one finding");
        assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").contains(".csv"));

        HttpResponse<byte[]> junit = api.bytes("/api/audits/" + id + "/report.junit");
        assertEquals(200, junit.statusCode());
        assertTrue(new String(junit.body(), StandardCharsets.UTF_8).contains("<testsuite"));

        HttpResponse<byte[]> sarif = api.bytes("/api/audits/" + id + "/report.sarif");
        assertEquals(200, sarif.statusCode());
        assertTrue(sarif.headers().firstValue("Content-Type").orElse("").startsWith("application/sarif+json"));
        JsonObject sarifLog = Api.object(new String(sarif.body(), StandardCharsets.UTF_8));
        assertEquals("2.1.0", sarifLog.getString("version"));
        assertEquals(1, sarifLog.getJsonArray("runs").size());
        assertTrue(sarif.headers().firstValue("Content-Disposition").orElse("").contains(".sarif"));

        HttpResponse<byte[]> pdf = api.bytes("/api/audits/" + id + "/report.pdf");
        assertEquals(200, pdf.statusCode());
        assertEquals("%PDF", new String(pdf.body(), 0, 4, StandardCharsets.US_ASCII));
        assertTrue(pdf.body().length > 5000, "pdf bytes " + pdf.body().length);

        assertEquals(404, api.get("/api/audits/" + id + "/report.docx").statusCode());
        assertEquals(409, api.send(api.evaluator("/api/audits/" + id).DELETE()).statusCode(), "finished: nothing to cancel");

        JsonArray history = Api.array(api.get("/api/sites/zwfw/audits").body());
        assertTrue(history.stream().anyMatch(v -> v.asJsonObject().getString("id").equals(id)), "run in the site's history");
        assertEquals(404, api.get("/api/sites/nosuchsite/audits").statusCode());
        firstRun = id;
    }

    @Test
    @Order(5)
    void manualResultsCompleteTheReportAndRunsCompare() throws Exception {
        Api api = api();
        JsonObject report = Api.object(new String(api.bytes("/api/audits/" + firstRun + "/report.json").body(), StandardCharsets.UTF_8));
        String item = null;
        for (JsonValue v : report.getJsonArray("requirements")) {
            JsonObject r = v.asJsonObject();
            if ("wcag22-aa".equals(r.getString("standard")) && "NOT_TESTED".equals(r.getString("verdict"))) {
                item = r.getString("id");
                break;
            }
        }
        assertTrue(item != null, "the report leaves items to an evaluator");
        HttpResponse<String> bad = api.send(api.evaluator("/api/audits/" + firstRun + "/manual/" + item)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"outcome\":\"great\"}")));
        assertEquals(422, bad.statusCode());
        HttpResponse<String> put = api.send(api.evaluator("/api/audits/" + firstRun + "/manual/" + item)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"outcome\":\"passed\",\"note\":\"读屏软件 NVDA 实测\"}")));
        assertEquals(200, put.statusCode(), put.body());
        JsonObject after = Api.object(new String(api.bytes("/api/audits/" + firstRun + "/report.json").body(), StandardCharsets.UTF_8));
        String finalItem = item;
        JsonObject judged = after.getJsonArray("requirements").stream().map(JsonValue::asJsonObject)
                .filter(r -> "wcag22-aa".equals(r.getString("standard")) && finalItem.equals(r.getString("id"))).findFirst().orElseThrow();
        assertEquals("PASSED_BY_EVALUATOR", judged.getString("verdict"));
        assertEquals(Api.USER, judged.getJsonObject("manual").getString("checkedBy"));

        String second = api.start("{\"site\":\"zwfw\",\"staticOnly\":true,\"urls\":[\"/index.html\"],\"maxPages\":1}");
        assertEquals("succeeded", api.await(second, Duration.ofSeconds(60)).getString("status"));
        JsonObject cmp = Api.object(api.get("/api/audits/" + second + "/compare/" + firstRun).body());
        int unchanged = cmp.getJsonArray("unchanged").size();
        int fixed = cmp.getJsonArray("fixed").size();
        assertTrue(unchanged > 0, "index.html failures are in both runs");
        assertTrue(fixed > 0, "failures of pages not audited the second time count as fixed");
        assertEquals(0, cmp.getJsonArray("new").size(), "the same page cannot gain failures between two runs");
    }

    @Test
    @Order(6)
    void twoSitesAtOnceBothComplete_oneInChromium() throws Exception {
        Api api = api();
        String a = api.start("{\"site\":\"portal\",\"staticOnly\":true,\"maxPages\":8,\"maxDepth\":1}");
        String b = api.start("{\"site\":\"gcjs\",\"staticOnly\":false,\"urls\":[\"/index.html\"],\"maxPages\":1,\"locale\":\"en\"}");
        // a browser audit takes seconds: its event stream shows progress before the end
        Api.SseResult sse = api.follow(b);
        assertTrue(sse.progressEvents() >= 1, "progress events: " + sse.progressEvents());
        List<String> seenRunning = new ArrayList<>();
        long until = System.nanoTime() + Duration.ofSeconds(150).toNanos();
        JsonObject ra = null;
        JsonObject rb = null;
        while (System.nanoTime() < until) {
            ra = Api.object(api.get("/api/audits/" + a).body());
            rb = Api.object(api.get("/api/audits/" + b).body());
            if (ra.getString("status").equals("running") && rb.getString("status").equals("running")) {
                seenRunning.add("both");
            }
            if (!List.of("queued", "running").contains(ra.getString("status"))
                    && !List.of("queued", "running").contains(rb.getString("status"))) {
                break;
            }
            Thread.sleep(200);
        }
        assertEquals("succeeded", ra.getString("status"), ra.toString());
        assertEquals("succeeded", rb.getString("status"), rb.toString());
        JsonObject rendered = Api.object(new String(api.bytes("/api/audits/" + b + "/report.json").body(), StandardCharsets.UTF_8));
        assertFalse(rendered.getJsonObject("scope").getBoolean("staticOnly"));
        assertTrue(rendered.getJsonObject("environment").getString("browser").toLowerCase().contains("chrom"),
                rendered.getJsonObject("environment").toString());
        assertEquals("en", rendered.getString("locale"));
    }

    @Test
    @Order(7)
    void cancelMidRunThenResumeAuditsOnlyTheRest() throws Exception {
        Api api = api();
        String id = api.start("{\"site\":\"portal\",\"staticOnly\":false,\"maxPages\":3,\"maxDepth\":1}");
        long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (Api.object(api.get("/api/audits/" + id).body()).getInt("pagesDone") < 1) {
            assertTrue(System.nanoTime() < until, "no page finished in time");
            Thread.sleep(100);
        }
        HttpResponse<String> cancel = api.send(api.evaluator("/api/audits/" + id).DELETE());
        assertEquals(202, cancel.statusCode(), "still running after its first page: " + cancel.body());
        JsonObject end = api.await(id, Duration.ofSeconds(60));
        assertEquals("cancelled", end.getString("status"), end.toString());
        assertEquals(409, api.get("/api/audits/" + id + "/report.json").statusCode(), "no report for a cancelled run");
        Thread.sleep(1500); // a worker finishing its page after the cancel must not store it
        JsonArray kept = Api.array(api.get("/api/audits/" + id + "/pages").body());
        assertTrue(kept.size() >= 1 && kept.size() < end.getInt("pagesTotal"), kept + " of " + end);

        assertEquals(202, api.post("/api/audits/" + id + "/resume", "").statusCode());
        JsonObject resumed = api.await(id, Duration.ofSeconds(150));
        assertEquals("succeeded", resumed.getString("status"), resumed.toString());
        JsonArray all = Api.array(api.get("/api/audits/" + id + "/pages").body());
        assertEquals(resumed.getInt("pagesTotal"), all.size(), all.toString());
        assertEquals(all.size(), all.stream().map(v -> v.asJsonObject().getString("url")).distinct().count(),
                "no page audited twice: " + all);
        for (int i = 0; i < kept.size(); i++) {
            assertEquals(kept.get(i), all.get(i), "pages finished before the cancel are kept as they were");
        }
        JsonObject report = Api.object(new String(api.bytes("/api/audits/" + id + "/report.json").body(), StandardCharsets.UTF_8));
        assertEquals(all.size(), report.getJsonArray("pages").size());
    }

    @Test
    @Order(8)
    void scheduledAuditRuns() throws Exception {
        Api api = api();
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < until) {
            List<JsonObject> scheduled = Api.array(api.get("/api/sites/gcjs/audits").body()).stream().map(JsonValue::asJsonObject)
                    .filter(r -> "scheduler".equals(r.getString("createdBy", ""))).toList();
            assertTrue(scheduled.size() <= 1, "one run per period (PT1H): " + scheduled);
            if (!scheduled.isEmpty() && scheduled.get(0).getString("status").equals("succeeded")) {
                assertTrue(scheduled.get(0).getJsonObject("request").getBoolean("staticOnly"));
                return;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("the scheduled audit of gcjs did not run");
    }

    @Test
    @Order(9)
    void consoleInChromium_loginAuditReportManualCompare_axeClean() throws Exception {
        try (Chromium chromium = Chromium.start()) {
            ChromeDriver d = chromium.driver();
            // the run page reloads itself when its audit ends: elements may go stale under a wait
            WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(120));
            wait.ignoring(StaleElementReferenceException.class);
            String console = "http://127.0.0.1:" + base.getPort() + "/console";
            List<String> violations = new ArrayList<>();

            d.get(console + "?lang=zh-CN"); // headless Chromium asks for English; the evaluator picks Chinese
            assertTrue(d.findElement(By.tagName("h1")).getText().contains("登录"), d.getPageSource());
            axe(d, "login (401)", violations);
            d.findElement(By.id("username")).sendKeys(Api.USER);
            d.findElement(By.id("password")).sendKeys("wrong");
            d.findElement(By.cssSelector("form[action='/console/login'] button")).click();
            // the click starts a form post: wait for its answer page like every other step here (the read raced it)
            wait.until(x -> !x.findElements(By.cssSelector("[role=alert]")).isEmpty());
            assertTrue(d.findElement(By.cssSelector("[role=alert]")).getText().contains("不正确"));
            axe(d, "login failed", violations);
            d.findElement(By.id("username")).sendKeys(Api.USER);
            d.findElement(By.id("password")).sendKeys(Api.PASSWORD);
            d.findElement(By.cssSelector("form[action='/console/login'] button")).click();
            wait.until(x -> x.getCurrentUrl().endsWith("/console"));
            assertEquals("zh-CN", d.findElement(By.tagName("html")).getAttribute("lang"));
            assertTrue(d.findElements(By.cssSelector("script[src^='/a11y/toolbar.js']")).size() == 1, "console carries the toolbar");
            axe(d, "dashboard", violations);

            String first = startFromConsole(d, wait, "yth", "3");
            axe(d, "run page (finished)", violations);
            d.findElement(By.id("open-report")).click();
            wait.until(x -> x.getCurrentUrl().endsWith("/report.html"));
            assertTrue(d.getPageSource().contains("yth") || d.getTitle().length() > 0);
            d.navigate().back();

            new Select(d.findElement(By.id("item"))).selectByIndex(0);
            String item = new Select(d.findElement(By.id("item"))).getFirstSelectedOption().getAttribute("value");
            new Select(d.findElement(By.id("outcome"))).selectByValue("failed");
            d.findElement(By.id("note")).sendKeys("键盘测试：焦点丢失");
            d.findElement(By.cssSelector("form[action$='/manual'] button")).click();
            wait.until(x -> !x.findElements(By.id("manual-results")).isEmpty());
            String table = d.findElement(By.id("manual-results")).getText();
            assertTrue(table.contains(item) && table.contains("failed") && table.contains(Api.USER), table);
            axe(d, "run page with manual result", violations);

            d.get(console);
            String second = startFromConsole(d, wait, "yth", "1");
            assertNotEquals(first, second);
            new Select(d.findElement(By.id("previous"))).selectByValue(first);
            d.findElement(By.cssSelector("form[action='/console/compare'] button")).click();
            wait.until(x -> !x.findElements(By.id("compare-summary")).isEmpty());
            String summary = d.findElement(By.id("compare-summary")).getText();
            assertTrue(summary.contains("已修复") && summary.contains("未变化"), summary);
            axe(d, "comparison", violations);

            d.findElement(By.cssSelector("a[hreflang='en']")).click();
            wait.until(x -> "en".equals(x.findElement(By.tagName("html")).getAttribute("lang")));
            assertTrue(d.findElement(By.id("compare-summary")).getText().contains("Fixed"));
            axe(d, "comparison (English)", violations);
            d.get(console + "/rules");
            axe(d, "rule catalogue (English)", violations);
            d.get(console);
            axe(d, "dashboard (English)", violations);

            assertEquals(List.of(), violations, "axe-core violations on console pages");
        }
    }

    /** Fills the start form, submits, and waits on the run page until the audit finished. */
    private String startFromConsole(ChromeDriver d, WebDriverWait wait, String site, String maxPages) {
        new Select(d.findElement(By.id("site"))).selectByValue(site);
        WebElement pages = d.findElement(By.id("maxPages"));
        pages.clear();
        pages.sendKeys(maxPages);
        WebElement staticOnly = d.findElement(By.id("staticOnly"));
        if (!staticOnly.isSelected()) {
            staticOnly.click();
        }
        d.findElement(By.cssSelector("form[action='/console/audits'] button")).click();
        wait.until(x -> x.getCurrentUrl().contains("/console/runs/"));
        String id = d.getCurrentUrl().replaceAll(".*/console/runs/([^/#?]+).*", "$1");
        wait.until(x -> {
            String s = x.findElement(By.id("run-status")).getText();
            return s.equals("已完成") || s.equals("succeeded") || s.equals("失败") || s.equals("failed");
        });
        assertTrue(List.of("已完成", "succeeded").contains(d.findElement(By.id("run-status")).getText()));
        return id;
    }

    private static void axe(ChromeDriver d, String page, List<String> out) {
        Results r = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa")).analyze(d);
        if (r.getPasses().isEmpty() || r.isErrored()) {
            out.add(page + ": axe-core did not run (" + r.getErrorMessage() + ")");
        }
        for (Rule v : r.getViolations()) {
            out.add(page + ": " + v.getId() + " " + v.getNodes().stream().map(n -> String.valueOf(n.getTarget()))
                    .collect(Collectors.joining(" | ")));
        }
    }
}
