package org.yiyue.toolbar;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * One loopback test site and one browser per test class; every test starts on the test article with the toolbar
 * embedded, fresh storage, no browser voices (so speech goes to the stub /api/tts) and default script attributes.
 */
abstract class ToolbarPageTest {

    static ToolbarServer server;
    static ToolbarBrowser b;

    @BeforeAll
    static void start() {
        server = ToolbarServer.start();
        b = new ToolbarBrowser();
        b.forceNoBrowserVoices();
    }

    @AfterAll
    static void stop() {
        b.close();
        server.close();
    }

    @BeforeEach
    void fresh() {
        b.open(server.url("/pages/frame.html"));
        b.clearStorage();
        b.openWithToolbar(server.url("/p/article.html"));
        server.clearTts();
    }

    @AfterEach
    void defaults() {
        server.scriptAttributes("");
    }
}
