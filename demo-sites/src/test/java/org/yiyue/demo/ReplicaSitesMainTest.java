package org.yiyue.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The command line in a child JVM: ORIGIN lines, READY, serving, killed cleanly; bad arguments exit 2. */
class ReplicaSitesMainTest {

    static ProcessBuilder java(String... args) {
        List<String> cmd = new ArrayList<>(List.of(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
                "-cp", System.getProperty("java.class.path"), ReplicaSitesMain.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true);
    }

    @Test
    void printsOriginsThenReady() throws Exception {
        Process p = java("--base-port", "0", "--embed-toolbar").start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            List<String> lines = new ArrayList<>();
            String line;
            while ((line = out.readLine()) != null && !line.equals("READY")) {
                lines.add(line);
            }
            assertEquals("READY", line, "output so far: " + lines);
            assertEquals(4, lines.size(), lines.toString());
            assertTrue(lines.get(0).matches("ORIGIN zwfw http://127\\.0\\.0\\.1:\\d+"), lines.get(0));
            assertTrue(lines.get(3).startsWith("ORIGIN portal http://127.0.0.1:"));
            URI portal = URI.create(lines.get(3).split(" ")[2]);
            String home = Http.utf8(Http.get(Http.client(), URI.create(portal + "/index.html")));
            assertTrue(home.contains("data-site=\"portal\""), "--embed-toolbar took effect");
        } finally {
            p.destroy();
            assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void badArgumentsExitWithUsage() throws Exception {
        Process p = java("--base-port", "seventy").start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(20, TimeUnit.SECONDS));
        assertEquals(2, p.exitValue());
        assertTrue(out.contains("usage:"), out);
    }
}
