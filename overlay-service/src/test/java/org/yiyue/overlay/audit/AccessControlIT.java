package org.yiyue.overlay.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.yiyue.demo.ReplicaSites;

/**
 * The tender's access rules in a real Payara Micro: each of the four roles (and an anonymous caller) tries every
 * protected action of the API and the console and is refused — 403 with an RFC 9457 problem — exactly where its
 * role has no right; an administrator cannot sign; lock-out after repeated wrong passwords; the idle lock;
 * allowed address ranges per role; and the access log holds every one of these actions.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccessControlIT {

    static final Map<String, String> PASSWORDS = Map.of("guanli", "Yiyue-Admin-2026", "pingce", "Yiyue-Demo-2026",
            "yunwei", "Yiyue-Ops-2026", "chakan", "Yiyue-Read-2026");
    /** The demo accounts: 管理员, 测评员, 网站运维 of the portal, 只读. */
    static final List<String> ACCOUNTS = List.of("guanli", "pingce", "yunwei", "chakan");

    static ReplicaSites replicas;
    static String finishedRun;

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive war() {
        replicas = ReplicaSites.start();
        ItDeployment.write(Path.of(System.getProperty("yiyue.it.sites")), ItDeployment.sitesJson(replicas));
        Path dataDir = ItDeployment.freshDataDir("access");
        return ItDeployment.rootWar("yiyue.data.dir=" + dataDir + "\nyiyue.audit.crawl-delay-ms=0\n"
                + ItDeployment.databaseConfig("access")
                + "\nyiyue.session.idle-timeout=PT5S\nyiyue.login.max-failures=3\nyiyue.login.lockout=PT10M"
                + "\nyiyue.access.reader.networks=127.0.0.1/32");
    }

    @AfterAll
    static void stop() {
        if (replicas != null) {
            replicas.close();
        }
    }

    /** One protected action, who may do it, and the problem type the others get. */
    record Action(String method, String path, String body, Set<String> allowed) {
    }

    static List<Action> actions(String run) {
        Set<String> admin = Set.of("guanli");
        Set<String> evaluator = Set.of("pingce");
        Set<String> readers = Set.of("pingce", "chakan");
        return List.of(
                new Action("GET", "/api/users", null, admin),
                new Action("POST", "/api/users", "{\"name\":\"x\"}", admin), // 422 for the admin: invalid, but allowed
                new Action("GET", "/api/access-log", null, admin),
                new Action("DELETE", "/api/sites/portal/cache", null, Set.of("guanli", "yunwei")),
                new Action("DELETE", "/api/sites/zwfw/cache", null, admin), // not yunwei's site
                new Action("POST", "/api/audits", "{}", evaluator),
                new Action("DELETE", "/api/audits/" + run, null, evaluator),
                new Action("POST", "/api/audits/" + run + "/resume", "", evaluator),
                new Action("PUT", "/api/audits/" + run + "/manual/1.4.1", "{\"outcome\":\"passed\",\"note\":\"看过\"}", evaluator),
                new Action("POST", "/api/audits/no-such-run/signature", "", evaluator),
                new Action("GET", "/api/audits", null, readers),
                new Action("GET", "/api/audits/" + run, null, readers),
                new Action("GET", "/api/audits/" + run + "/report.json", null, readers),
                new Action("GET", "/api/rules", null, readers),
                new Action("GET", "/api/sites/zwfw/audits", null, readers));
    }

    Api api() {
        return new Api(base.getPort());
    }

    HttpResponse<String> as(String user, String password, String method, String path, String body) throws Exception {
        Api api = api();
        HttpRequest.Builder b = api.as(path, user == null ? null : Api.basic(user, password));
        b.header("Content-Type", "application/json").method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return api.anon(b);
    }

    @Test
    @Order(1)
    void everyRoleIsRefusedEveryActionOutsideItsRights() throws Exception {
        Api evaluator = api();
        finishedRun = evaluator.start("{\"site\":\"zwfw\",\"staticOnly\":true,\"urls\":[\"/index.html\"],\"maxPages\":1}");
        assertEquals("succeeded", evaluator.await(finishedRun, Duration.ofSeconds(90)).getString("status"));

        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Action a : actions(finishedRun)) {
            HttpResponse<String> anonymous = as(null, null, a.method(), a.path(), a.body());
            if (anonymous.statusCode() != 401 || !isProblem(anonymous, 401, "login-required")) {
                wrong.add("anonymous " + a.method() + " " + a.path() + " -> " + anonymous.statusCode() + " " + anonymous.body());
            }
            for (String user : ACCOUNTS) {
                HttpResponse<String> r = as(user, PASSWORDS.get(user), a.method(), a.path(), a.body());
                checked++;
                boolean refused = r.statusCode() == 403;
                if (a.allowed().contains(user)) {
                    if (refused || r.statusCode() == 401) {
                        wrong.add(user + " may " + a.method() + " " + a.path() + " but got " + r.statusCode() + " " + r.body());
                    }
                } else if (!refused || !isProblem(r, 403, null)) {
                    wrong.add(user + " must be refused " + a.method() + " " + a.path() + " but got " + r.statusCode()
                            + " " + r.headers().firstValue("Content-Type").orElse("") + " " + r.body());
                }
            }
        }
        assertEquals(List.of(), wrong, "role matrix (" + checked + " role × action checks)");
        HttpResponse<String> otherSite = as("yunwei", PASSWORDS.get("yunwei"), "DELETE", "/api/sites/zwfw/cache", null);
        assertTrue(isProblem(otherSite, 403, "other-site"), otherSite.body());
    }

    @Test
    @Order(2)
    void onlyTheEvaluatorSigns_theAdministratorNever() throws Exception {
        String path = "/api/audits/" + finishedRun + "/signature";
        HttpResponse<String> admin = as("guanli", PASSWORDS.get("guanli"), "POST", path, "");
        assertTrue(isProblem(admin, 403, "separation-of-duties"), admin.body());
        HttpResponse<String> reader = as("chakan", PASSWORDS.get("chakan"), "POST", path, "");
        assertTrue(isProblem(reader, 403, "forbidden"), reader.body());
        HttpResponse<String> signed = as("pingce", PASSWORDS.get("pingce"), "POST", path, "");
        assertEquals(200, signed.statusCode(), signed.body());
        assertEquals("pingce", Api.object(signed.body()).getString("signedBy"));
        assertEquals(409, as("pingce", PASSWORDS.get("pingce"), "POST", path, "").statusCode(), "signed once");
        JsonObject run = Api.object(as("chakan", PASSWORDS.get("chakan"), "GET", "/api/audits/" + finishedRun, null).body());
        assertEquals("pingce", run.getString("signedBy"), "the reader sees the signature");
    }

    @Test
    @Order(3)
    void consoleChecksTheSameRights() throws Exception {
        ConsoleSession admin = ConsoleSession.login(base, "guanli", PASSWORDS.get("guanli"));
        assertEquals(403, admin.get("/console").statusCode(), "the audit console is not the administrator's");
        ConsoleSession reader = ConsoleSession.login(base, "chakan", PASSWORDS.get("chakan"));
        HttpResponse<String> page = reader.get("/console/runs/" + finishedRun);
        assertEquals(200, page.statusCode());
        assertTrue(!page.body().contains("/manual\"") && !page.body().contains("/sign\""), "no forms for the reader");
        String csrf = csrf(reader.get("/console").body());
        assertEquals(403, reader.post("/console/audits", "csrf=" + csrf + "&site=zwfw&maxPages=1").statusCode());
        assertEquals(403, reader.post("/console/runs/" + finishedRun + "/manual",
                "csrf=" + csrf + "&item=1.4.1&outcome=failed").statusCode());
        ConsoleSession evaluator = ConsoleSession.login(base, "pingce", PASSWORDS.get("pingce"));
        HttpResponse<String> evalPage = evaluator.get("/console/runs/" + finishedRun);
        assertTrue(evalPage.body().contains("/manual\""), "the evaluator gets the manual-result form");
    }

    @Test
    @Order(4)
    void lockOutAfterRepeatedWrongPasswords_adminUnlocks() throws Exception {
        HttpResponse<String> created = as("guanli", PASSWORDS.get("guanli"), "POST", "/api/users",
                "{\"name\":\"locky\",\"role\":\"evaluator\",\"password\":\"Locky-Password-2026\"}");
        assertEquals(201, created.statusCode(), created.body());
        assertEquals(200, as("locky", "Locky-Password-2026", "GET", "/api/audits", null).statusCode());
        for (int i = 0; i < 3; i++) {
            assertEquals(401, as("locky", "wrong-" + i, "GET", "/api/audits", null).statusCode());
        }
        HttpResponse<String> locked = as("locky", "Locky-Password-2026", "GET", "/api/audits", null);
        assertTrue(isProblem(locked, 401, "account-locked"), "the right password no longer works: " + locked.body());
        JsonArray users = Api.array(as("guanli", PASSWORDS.get("guanli"), "GET", "/api/users", null).body());
        assertTrue(users.stream().map(v -> v.asJsonObject()).anyMatch(u -> u.getString("name").equals("locky")
                && u.getBoolean("locked")), users.toString());
        assertEquals(403, as("guanli", PASSWORDS.get("guanli"), "DELETE", "/api/users/guanli", null).statusCode(),
                "an administrator cannot remove itself");
        assertEquals(204, as("guanli", PASSWORDS.get("guanli"), "POST", "/api/users/locky/unlock", "").statusCode());
        assertEquals(200, as("locky", "Locky-Password-2026", "GET", "/api/audits", null).statusCode());
        assertTrue(users.toString().indexOf("PBKDF2") < 0, "no hash ever leaves the server");
    }

    @Test
    @Order(5)
    void idleSessionLocks() throws Exception {
        ConsoleSession s = ConsoleSession.login(base, "pingce", PASSWORDS.get("pingce"));
        assertEquals(200, s.get("/api/audits").statusCode(), "the session cookie alone works");
        Thread.sleep(1_000);
        assertEquals(200, s.get("/api/audits").statusCode(), "1 s idle: still open (limit 5 s)");
        Thread.sleep(7_000);
        HttpResponse<String> locked = s.get("/api/audits");
        assertTrue(isProblem(locked, 401, "session-locked"), locked.statusCode() + " " + locked.body());
        assertEquals(401, s.get("/console").statusCode(), "the console asks for the login again");
    }

    @Test
    @Order(6)
    void readerOnlyFromItsAllowedAddresses() throws Exception {
        assertEquals(200, as("chakan", PASSWORDS.get("chakan"), "GET", "/api/audits", null).statusCode(), "from 127.0.0.1");
        String fromOther = rawGet(InetAddress.getByName("127.0.0.2"), "/api/audits", Api.basic("chakan", PASSWORDS.get("chakan")));
        assertTrue(fromOther.startsWith("HTTP/1.1 403"), fromOther);
        assertTrue(fromOther.contains("address-not-allowed"), fromOther);
        String evaluatorFromOther = rawGet(InetAddress.getByName("127.0.0.2"), "/api/audits", Api.basic("pingce", PASSWORDS.get("pingce")));
        assertTrue(evaluatorFromOther.startsWith("HTTP/1.1 200"), "no range set for evaluators: " + evaluatorFromOther);
    }

    @Test
    @Order(7)
    void accessLogRecordsEveryActionForTheAdministratorOnly() throws Exception {
        HttpResponse<String> r = as("guanli", PASSWORDS.get("guanli"), "GET", "/api/access-log?limit=1000", null);
        assertEquals(200, r.statusCode());
        JsonArray log = Api.array(r.body());
        List<String> missing = new ArrayList<>();
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("guanli|admin|POST /api/users|201", "the account made");
        expected.put("guanli|admin|POST /api/audits/" + finishedRun + "/signature|403", "the administrator's refused signature");
        expected.put("pingce|evaluator|POST /api/audits/" + finishedRun + "/signature|200", "the signature");
        expected.put("pingce|evaluator|POST /api/audits|202", "the audit started");
        expected.put("yunwei|site-ops|DELETE /api/sites/portal/cache|200", "the operator's purge");
        expected.put("yunwei|site-ops|DELETE /api/sites/zwfw/cache|403", "the operator's refused purge");
        expected.put("chakan|reader|POST /console/audits|403", "the reader's refused console action");
        expected.put("anonymous||DELETE /api/sites/portal/cache|401", "an anonymous attempt");
        expected.put("locky||login failed|401", "a wrong password");
        expected.put("locky||login refused: account locked|401", "a locked account's login");
        expected.put("pingce|evaluator|console login|200", "a console login");
        expected.put("chakan|reader|login refused: address|403", "a login from a refused address");
        expected.put("guanli|admin|POST /api/users/locky/unlock|204", "the unlock");
        for (var e : expected.entrySet()) {
            String[] k = e.getKey().split("\\|", -1);
            boolean found = log.stream().map(v -> v.asJsonObject()).anyMatch(o -> o.getString("actor").equals(k[0])
                    && o.getString("role", "").equals(k[1]) && o.getString("action").equals(k[2])
                    && o.getInt("outcome") == Integer.parseInt(k[3]) && o.getString("client", "").startsWith("127.0.0."));
            if (!found) {
                missing.add(e.getValue() + " (" + e.getKey() + ")");
            }
        }
        assertEquals(List.of(), missing, log.toString());
        assertTrue(log.getJsonObject(0).getString("at").matches("\\d{4}-\\d\\d-\\d\\dT.*Z"), "when");
        for (String user : List.of("pingce", "yunwei", "chakan")) {
            assertTrue(isProblem(as(user, PASSWORDS.get(user), "GET", "/api/access-log", null), 403, "forbidden"), user);
        }
    }

    static boolean isProblem(HttpResponse<String> r, int status, String type) {
        if (r.statusCode() != status || !r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
            return false;
        }
        JsonObject o = Api.object(r.body());
        return o.getInt("status") == status && !o.getString("title", "").isBlank()
                && (type == null || o.getString("type").equals("urn:yiyue:problem:" + type));
    }

    static String csrf(String html) {
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(html);
        assertTrue(m.find(), "a csrf field");
        return m.group(1);
    }

    /** A plain HTTP/1.1 GET from a chosen loopback source address (the JDK client cannot pick one). */
    String rawGet(InetAddress from, String path, String authorization) throws IOException {
        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress(from, 0));
            s.connect(new InetSocketAddress("127.0.0.1", base.getPort()), 5000);
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + base.getPort() + "\r\nAuthorization: "
                    + authorization + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A browser-like client: form login, session cookie, no Authorization header afterwards. */
    record ConsoleSession(String base, HttpClient client) {

        static ConsoleSession login(URL url, String user, String password) throws Exception {
            String base = "http://127.0.0.1:" + url.getPort();
            HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                    .cookieHandler(new java.net.CookieManager()).connectTimeout(Duration.ofSeconds(5)).build();
            ConsoleSession s = new ConsoleSession(base, client);
            HttpResponse<String> r = s.post("/console/login", "username=" + user + "&password=" + password);
            assertEquals(302, r.statusCode() == 303 ? 302 : r.statusCode(), "login of " + user + ": " + r.body());
            return s;
        }

        HttpResponse<String> get(String path) throws Exception {
            return client.send(HttpRequest.newBuilder(java.net.URI.create(base + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        HttpResponse<String> post(String path, String form) throws Exception {
            return client.send(HttpRequest.newBuilder(java.net.URI.create(base + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
    }
}
