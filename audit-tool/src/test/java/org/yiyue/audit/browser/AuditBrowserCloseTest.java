package org.yiyue.audit.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

/**
 * Closing the browser from a worker that was interrupted (Ctrl+C, or another worker failing) must still end Chromium
 * and chromedriver: an interrupted thread makes Selenium's HTTP call to chromedriver fail at once, and the processes
 * would outlive the audit.
 */
class AuditBrowserCloseTest {

    private static List<ProcessHandle> browserProcesses() {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().command().map(c -> c.contains("chrom")).orElse(false))
                .filter(ProcessHandle::isAlive)
                .toList();
    }

    /** Alive and not a zombie (an ended process whose new parent, the container's init, may never reap it). */
    private static boolean runs(ProcessHandle p) {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + p.pid() + "/stat"));
            return p.isAlive() && stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (java.io.IOException e) {
            return false; // gone
        }
    }

    @Test
    void closeOnAnInterruptedThreadEndsTheBrowserAndKeepsTheInterrupt() throws Exception {
        List<ProcessHandle> before = browserProcesses();
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        List<ProcessHandle> running = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread worker = new Thread(() -> {
            AuditBrowser browser = AuditBrowser.start(true, Duration.ofSeconds(30));
            running.addAll(browserProcesses().stream().filter(p -> !before.contains(p)).toList());
            Thread.currentThread().interrupt();
            browser.close();
            stillInterrupted.set(Thread.currentThread().isInterrupted());
        });
        worker.start();
        worker.join(60_000);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<ProcessHandle> left = browserProcesses().stream().filter(p -> !before.contains(p)).toList();
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            left = browserProcesses().stream().filter(p -> !before.contains(p)).toList();
        }
        assertEquals(List.of(), left.stream().map(p -> p.pid() + " " + p.info().command().orElse("?")).toList(),
                "no Chromium or chromedriver left behind");
        // also none that left the process tree (a browser whose parent was a wrapper script is re-parented when it ends)
        assertTrue(running.size() >= 2, "chromedriver and the browser were seen running: " + running);
        List<ProcessHandle> still = running.stream().filter(AuditBrowserCloseTest::runs).toList();
        while (!still.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            still = running.stream().filter(AuditBrowserCloseTest::runs).toList();
        }
        assertEquals(List.of(), still.stream().map(p -> p.pid() + " " + p.info().command().orElse("?")).toList(),
                "every process of the browser ended");
        assertTrue(stillInterrupted.get(), "the worker's interrupt status is kept for its caller");
    }
}
