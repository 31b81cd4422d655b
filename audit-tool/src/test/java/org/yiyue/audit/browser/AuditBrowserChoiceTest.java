package org.yiyue.audit.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * Which Chromium the audit starts: Debian's chromium-headless-shell when installed ({@code ./yiyue} installs it;
 * required under CI), the full browser in new headless mode when {@code -Dyiyue.chromium} names it. Both load a page
 * and leave no profile folder behind.
 */
class AuditBrowserChoiceTest {

    private static final String PAGE = "data:text/html;charset=utf-8,<title>t</title><p>易阅";

    @Test
    void theAuditRunsInTheHeadlessShellWhenItIsInstalled() {
        boolean installed = new File(AuditBrowser.HEADLESS_SHELL).canExecute();
        if (!"true".equals(System.getenv("CI"))) {
            assumeTrue(installed, AuditBrowser.HEADLESS_SHELL + " is not installed (apt-get install chromium-headless-shell; ./yiyue installs it)");
        }
        assertTrue(installed, AuditBrowser.HEADLESS_SHELL + " must be installed under CI (./yiyue test installs it)");
        try (AuditBrowser b = AuditBrowser.start(true, Duration.ofSeconds(30))) {
            assertEquals("chrome-headless-shell", b.driver().getCapabilities().getBrowserName());
            assertTrue(b.version().startsWith("Chromium headless shell "), b.version());
            b.driver().get(PAGE);
            assertEquals("易阅", b.channel().script("return document.body.textContent;"));
        }
    }

    @Test
    void theFullBrowserCanBeChosenAndItsProfileIsRemoved() throws Exception {
        String before = System.getProperty("yiyue.chromium");
        System.setProperty("yiyue.chromium", "/usr/bin/chromium");
        long profilesBefore = profiles();
        try (AuditBrowser b = AuditBrowser.start(true, Duration.ofSeconds(30))) {
            assertEquals("chrome", b.driver().getCapabilities().getBrowserName());
            assertTrue(b.version().startsWith("Chromium 1"), b.version());
            b.driver().get(PAGE);
            assertEquals("易阅", b.channel().script("return document.body.textContent;"));
        } finally {
            if (before == null) {
                System.clearProperty("yiyue.chromium");
            } else {
                System.setProperty("yiyue.chromium", before);
            }
        }
        assertEquals(profilesBefore, profiles(), "the audit's profile folder is deleted on close");
    }

    private static long profiles() throws Exception {
        try (var s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.filter(p -> p.getFileName().toString().startsWith("yiyue-audit-chrome-")).count();
        }
    }
}
