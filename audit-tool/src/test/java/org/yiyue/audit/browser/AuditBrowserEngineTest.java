package org.yiyue.audit.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * The audit's Chromium runs pages without V8's optimising compilers (Maglev, TurboFan): an audited page lives a few
 * seconds, and optimising axe-core's and the page's functions for it cost more renderer CPU (on its worker threads)
 * than the optimised code saved — measured with the benchmark, see AuditBrowser. JavaScript gives the same results at
 * every tier, so this is a cost setting, and this test keeps it from being dropped unnoticed.
 */
class AuditBrowserEngineTest {

    private static String cmdline(ProcessHandle p) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(p.pid()), "cmdline")).replace('\0', ' ');
        } catch (java.io.IOException | RuntimeException e) {
            return "";
        }
    }

    @Test
    void renderersRunBaselineCodeOnly() {
        Set<Long> before = ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(Collectors.toSet());
        try (AuditBrowser browser = AuditBrowser.start(true, Duration.ofSeconds(30))) {
            browser.driver().get("data:text/html;charset=utf-8,<title>t</title><p>x</p>");
            List<String> renderers = ProcessHandle.current().descendants().filter(p -> !before.contains(p.pid()))
                    .map(AuditBrowserEngineTest::cmdline).filter(c -> c.contains("--type=renderer")).toList();
            assertFalse(renderers.isEmpty(), "the page has a renderer process");
            assertEquals(List.of(), renderers.stream().filter(c -> !c.contains("--js-flags=--max-opt=1"))
                    .map(c -> c.replaceAll(".*(--renderer-client-id=\\d+).*", "renderer $1")).toList(),
                    "every renderer runs with --js-flags=--max-opt=1");
        }
    }
}
