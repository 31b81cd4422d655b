package org.yiyue.overlay.it;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
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
import java.util.concurrent.TimeUnit;

import jakarta.json.Json;

/**
 * One overlay instance as a real process: the packaged WAR in Payara Micro, its data grid on, joined to the other
 * members by TCP/IP discovery on 127.0.0.1 (no multicast; members listed on the command line), HTTP and grid ports
 * picked free at start. The same flags {@code ./yiyue cluster} uses.
 */
final class PayaraNode implements AutoCloseable {

    final String id;
    final int httpPort;
    final int gridPort;
    final Path log;
    private Process process;

    private PayaraNode(String id, int httpPort, int gridPort, Path log) {
        this.id = id;
        this.httpPort = httpPort;
        this.gridPort = gridPort;
        this.log = log;
    }

    /** Starts one process per id (in parallel); each knows every other member's grid address. */
    static List<PayaraNode> startCluster(List<String> ids, Path war, Path dir, Map<String, String> properties)
            throws IOException {
        List<PayaraNode> nodes = new ArrayList<>();
        for (String id : ids) {
            nodes.add(new PayaraNode(id, freePort(), freePort(), dir.resolve("node-" + id + ".log")));
        }
        StringBuilder members = new StringBuilder();
        for (PayaraNode n : nodes) {
            members.append(members.length() == 0 ? "" : ",").append("127.0.0.1:").append(n.gridPort);
        }
        String clusterName = "yiyue-it-" + ProcessHandle.current().pid() + "-" + System.nanoTime() % 100000;
        // the production command files (no Server/X-Powered-By/X-Frame-Options, the port closed until deployed),
        // plus the loopback address
        Path commands = Path.of(System.getProperty("yiyue.payara.commands"));
        Path preboot = dir.resolve("preboot.txt");
        Files.writeString(preboot, Files.readString(commands.resolve("pre-boot-commands.txt"), StandardCharsets.UTF_8)
                + "\nset configs.config.server-config.network-config.network-listeners"
                + ".network-listener.http-listener.address=127.0.0.1\n", StandardCharsets.UTF_8);
        for (PayaraNode n : nodes) {
            n.start(war, dir, members.toString(), clusterName, preboot, properties);
        }
        return nodes;
    }

    private void start(Path war, Path dir, String members, String clusterName, Path preboot,
                       Map<String, String> properties) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx512m", "-Djava.net.preferIPv4Stack=true",
                // the grid listens on the loopback interface only, and Hazelcast never phones home
                "-Dhazelcast.socket.bind.any=false", "-Dhazelcast.phone.home.enabled=false",
                "-Dyiyue.node.id=" + id, "-Dyiyue.data.dir=" + dir.resolve("data-" + id)));
        properties.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.addAll(List.of("-jar", System.getProperty("payara.microJar"),
                "--disablephonehome", "--port", String.valueOf(httpPort), "--prebootcommandfile", preboot.toString(),
                "--postdeploycommandfile", Path.of(System.getProperty("yiyue.payara.commands"), "post-deploy-commands.txt").toString(),
                "--clustermode", "tcpip:" + members, "--startport", String.valueOf(gridPort),
                "--interfaces", "127.0.0.1", "--clustername", clusterName, "--name", id,
                "--deploy", war.toString()));
        process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** Waits until the service answers and the grid has {@code members} members. */
    void awaitReady(int members, Duration max) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long until = System.nanoTime() + max.toNanos();
        String last = "";
        while (System.nanoTime() < until) {
            if (!alive()) {
                throw new AssertionError("Payara Micro " + id + " exited; see " + log);
            }
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url() + "/api/info"))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                last = r.body();
                if (r.statusCode() == 200 && Json.createReader(new StringReader(last)).readObject()
                        .getJsonObject("cluster").getJsonArray("members").size() >= members) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("node " + id + " not ready with " + members + " members within " + max
                + ": " + last + "; see " + log);
    }

    /** SIGKILL: the process gets no chance to hand anything over. */
    /** The machine is lost: SIGKILL to the JVM and everything it started (chromedriver, Chromium). */
    void kill9() throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (alive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
