package org.yiyue.audit.browser;

import java.util.function.BiConsumer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.WebDriver;
import org.yiyue.audit.core.PageFindings;
import org.yiyue.audit.crawl.TestServer;
import org.yiyue.testkit.Chromium;

/**
 * One headless Chromium with the page recorder installed and one loopback server per test class, for the checks that
 * read what the recorder saw. Subclasses register their pages in their own @BeforeAll (it runs after this one).
 */
abstract class RecordedPageTest {

    static Chromium chromium;
    static TestServer server;

    @BeforeAll
    static void startBrowserAndServer() throws Exception {
        chromium = Chromium.start();
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
