package org.yiyue.audit.browser;

import java.time.Duration;
import java.util.Map;

import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.yiyue.audit.crawl.TestServer;

/**
 * A measurement, not a test: the cost of one Tab press through WebDriver actions (what the keyboard walk does) and
 * through two DevTools key events, alternated on the same page. {@code java -cp <test classpath>
 * org.yiyue.audit.browser.TabProbe}
 */
public final class TabProbe {

    private TabProbe() {
    }

    public static void main(String[] args) throws Exception {
        StringBuilder links = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            links.append("<a href=\"#").append(i).append("\">链接 ").append(i).append("</a> ");
        }
        try (TestServer server = new TestServer().html("/t.html", "<!doctype html><html lang=\"zh-CN\"><title>t</title><body>"
                + links + "</body></html>");
             AuditBrowser browser = AuditBrowser.start(true, Duration.ofSeconds(30))) {
            ChromeDriver d = browser.driver();
            d.get(server.url("/t.html").toString());
            Map<String, Object> down = Map.of("type", "rawKeyDown", "key", "Tab", "code", "Tab", "windowsVirtualKeyCode", 9,
                    "nativeVirtualKeyCode", 9);
            Map<String, Object> up = Map.of("type", "keyUp", "key", "Tab", "code", "Tab", "windowsVirtualKeyCode", 9,
                    "nativeVirtualKeyCode", 9);
            long actions = 0;
            long cdp = 0;
            int n = 0;
            for (int round = 0; round < 6; round++) {
                for (int i = 0; i < 50; i++) {
                    long t = System.nanoTime();
                    new Actions(d).sendKeys(Keys.TAB).perform();
                    actions += System.nanoTime() - t;
                    t = System.nanoTime();
                    d.executeCdpCommand("Input.dispatchKeyEvent", down);
                    d.executeCdpCommand("Input.dispatchKeyEvent", up);
                    cdp += System.nanoTime() - t;
                    n++;
                }
            }
            System.out.printf("Tab via WebDriver actions: %.1f ms, via two DevTools key events: %.1f ms (mean of %d; %s)%n",
                    actions / 1e6 / n, cdp / 1e6 / n, n, java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip());
        }
    }
}
