package org.yiyue.audit.browser;

import java.util.function.BiConsumer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.WebDriver;
import org.yiyue.audit.core.PageFindings;
import org.yiyue.audit.crawl.TestServer;

/**
 * One headless Chromium with the page recorder installed and one loopback server per test class, for the checks that
 * read what the recorder saw. Subclasses register their pages in their own @BeforeAll (it runs after this one). The
 * browser is the audit's own ({@link AuditBrowser}), so the checks' scripts go over its {@link PageChannel}, as in an audit.
 */
abstract class RecordedPageTest {

    static AuditBrowser chromium;
    static TestServer server;

    @BeforeAll
    static void startBrowserAndServer() throws Exception {
        chromium = AuditBrowser.start(true, java.time.Duration.ofSeconds(30));
        PageRecorder.install(chromium.driver());
        server = new TestServer();
    }

    @AfterAll
    static void stopBrowserAndServer() {
        server.close();
        chromium.close();
    }

    /** Loads the page fresh (the recorder starts with it) and runs one check on it. */
    static PageFindings load(String path, BiConsumer<WebDriver, PageFindings> check) {
        chromium.driver().get(server.url(path).toString());
        PageFindings out = new PageFindings(path);
        check.accept(chromium.driver(), out);
        return out;
    }
}
