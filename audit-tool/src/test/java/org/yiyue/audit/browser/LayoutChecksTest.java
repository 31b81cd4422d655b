package org.yiyue.audit.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yiyue.audit.core.PageFindings;
import org.yiyue.audit.crawl.TestServer;

/** The 200 %/320 px checks leave the page as they found it: the next checks (screenshots) see the page's own width. */
class LayoutChecksTest {

    static TestServer server;
    static AuditBrowser browser;

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer().html("/wide.html", "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>宽</title>"
                + "<style>.box{height:30px;overflow:hidden}</style></head><body><div style=\"width:900px\">固定宽度的内容</div>"
                + "<div class=\"box\">" + "很长的文字 ".repeat(60) + "</div>"
                + "<script>var n=0;function spin(){n++;requestAnimationFrame(spin);}spin();</script></body></html>");
        browser = AuditBrowser.start(true, Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        browser.close();
        server.close();
    }

    @Test
    void theViewportIsTheDesktopsAgainWhenTheChecksReturn() {
        PageChannel page = browser.channel();
        browser.driver().get(server.url("/wide.html").toString());
        @SuppressWarnings("unchecked")
        List<Number> before = (List<Number>) page.script("return [window.innerWidth, window.innerHeight];");
        for (int i = 0; i < 30; i++) {
            LayoutChecks.run(browser.driver(), new PageFindings(server.url("/wide.html").toString()), null);
            assertEquals(before, page.script("return [window.innerWidth, window.innerHeight];"), "round " + i);
        }
    }
}
