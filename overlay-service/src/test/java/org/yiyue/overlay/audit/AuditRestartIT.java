package org.yiyue.overlay.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.yiyue.demo.ReplicaSites;

/**
 * The audit history survives a restart and a killed instance's run is taken over: the packaged WAR runs in a real
 * Payara Micro process twice on the same database (H2 file, or PostgreSQL with -Dyiyue.test.db=postgresql). The
 * first service finishes one audit and is killed with SIGKILL in the middle of a second (slow crawl); the second
 * service still lists and serves the first and, once the dead instance's lease (4 s) has run out, claims the second
 * and completes it without auditing its stored pages again.
 */
class AuditRestartIT {

    static ReplicaSites replicas;
    static Process payara;

    @AfterAll
    static void stop() throws InterruptedException {
        stopPayara();
        if (replicas != null) {
            replicas.close();
        }
    }

    @Test
    void historySurvivesARestartAndAnInterruptedRunResumes() throws Exception {
        replicas = ReplicaSites.start();
        Path dir = ItDeployment.freshDataDir("restart");
        Path sites = dir.resolve("sites.json");
        ItDeployment.write(sites, ItDeployment.sitesJson(replicas));
        Path war = dir.resolve("ROOT.war");
        Files.copy(Path.of(System.getProperty("yiyue.war")), war, StandardCopyOption.REPLACE_EXISTING);

        // first life: one finished audit, one cut short by SIGKILL after its first stored page
        int port = freePort();
        List<String> database = ItDeployment.databaseFlags("restart");
        payara = startPayara(war, sites, dir, database, port, 1500, dir.resolve("payara-1.log"));
        Api api = new Api(port);
        awaitReady(api, dir.resolve("payara-1.log"));
        String done = api.start("{\"site\":\"zwfw\",\"staticOnly\":true,\"urls\":[\"/index.html\"],\"maxPages\":1}");
        assertEquals("succeeded", api.await(done, Duration.ofSeconds(90)).getString("status"));
        String cut = api.start("{\"site\":\"portal\",\"staticOnly\":true,\"maxPages\":12,\"maxDepth\":2}");
        awaitPages(api, cut, 1, Duration.ofSeconds(90));
        JsonArray pagesBefore = Api.array(api.get("/api/audits/" + cut + "/pages").body()); // a prefix of what is stored
        // kill -9: no shutdown, the run stays "running". The second life must start on a released file: a first
        // process still alive would hold the H2 lock and this test would measure that, not the restart
        assertTrue(payara.destroyForcibly().waitFor(30, TimeUnit.SECONDS), "first Payara Micro still running");

        // second life: same database file
        port = freePort();
        payara = startPayara(war, sites, dir, database, port, 0, dir.resolve("payara-2.log"));
        api = new Api(port);
        awaitReady(api, dir.resolve("payara-2.log"));
        JsonArray zwfw = Api.array(api.get("/api/sites/zwfw/audits").body());
        assertTrue(zwfw.stream().anyMatch(v -> v.asJsonObject().getString("id").equals(done)
                && v.asJsonObject().getString("status").equals("succeeded")), zwfw.toString());
        HttpResponse<byte[]> json = api.bytes("/api/audits/" + done + "/report.json");
        assertEquals(200, json.statusCode());
        assertTrue(new String(json.body(), StandardCharsets.UTF_8).contains("\"siteId\""));

        JsonObject resumed = api.await(cut, Duration.ofSeconds(180));
        assertEquals("succeeded", resumed.getString("status"), resumed.toString());
        assertTrue(resumed.getInt("pagesDone") >= 2, resumed.toString());
        JsonArray pages = Api.array(api.get("/api/audits/" + cut + "/pages").body());
        for (int i = 0; i < pagesBefore.size(); i++) {
            assertEquals(pagesBefore.getJsonObject(i).getString("url"), pages.getJsonObject(i).getString("url"),
                    "pages finished before the kill are kept as they were");
        }
        assertEquals(pages.size(), pages.stream().map(v -> v.asJsonObject().getString("url")).distinct().count(),
                "no page audited twice: " + pages);
        assertEquals(409, api.post("/api/audits/" + cut + "/resume", "").statusCode(), "a finished run is not resumed");
    }

    private static Process startPayara(Path war, Path sites, Path dataDir, List<String> database, int port,
                                       long crawlDelayMs, Path log) throws IOException {
        List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Djava.net.preferIPv4Stack=true",
                "-Dyiyue.sites.file=" + sites, "-Dyiyue.data.dir=" + dataDir,
                "-Dyiyue.audit.crawl-delay-ms=" + crawlDelayMs, "-Dyiyue.audit.lease=PT4S"));
        cmd.addAll(database);
        cmd.addAll(List.of("-jar", System.getProperty("payara.microJar"),
                "--nohazelcast", "--disablephonehome", "--port", String.valueOf(port), "--deploy", war.toString()));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void stopPayara() throws InterruptedException {
        if (payara != null && payara.isAlive()) {
            payara.destroy(); // SIGTERM: Payara undeploys, as a service manager would stop it
            if (!payara.waitFor(60, TimeUnit.SECONDS)) {
                payara.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        payara = null;
    }

    private static void awaitReady(Api api, Path log) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(240).toNanos();
        while (System.nanoTime() < until) {
            if (payara == null || !payara.isAlive()) {
                fail("Payara Micro exited; see " + log);
            }
            try {
                if (api.get("/api/sites/zwfw/audits").statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        fail("Payara Micro not ready within 240 s; see " + log);
    }

    private static void awaitPages(Api api, String id, int pages, Duration max) throws Exception {
        long until = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < until) {
            if (Api.array(api.get("/api/audits/" + id + "/pages").body()).size() >= pages) {
                return;
            }
            Thread.sleep(100);
        }
        fail("audit " + id + " never stored " + pages + " page(s)");
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
