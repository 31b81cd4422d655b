package org.yiyue.audit.browser;

import java.time.Duration;

import org.openqa.selenium.WebDriver;
import org.yiyue.rules.page.Page;

/** Loads a URL in a browser, waits for the load event to finish, and returns the page with rendered facts. */
public final class RenderedPages {

    private RenderedPages() {
    }

    public static Page load(WebDriver driver, String url, Duration settle) {
        driver.get(url);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline
                && !"complete".equals(PageChannel.of(driver).script("return document.readyState"))) {
            sleep(50);
        }
        waitForMediaMetadata(driver);
        sleep(settle.toMillis());
        return FactsCollector.capture(driver, url);
    }

    /** Audio and video still fetching their resource get up to 3 s to know their duration and tracks. */
    private static void waitForMediaMetadata(WebDriver driver) {
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (System.nanoTime() < deadline && Boolean.TRUE.equals(PageChannel.of(driver).script(
                "return Array.prototype.some.call(document.querySelectorAll('audio, video'), function (m) {"
                        + " return m.readyState < 1 && !m.error && m.networkState === 2; })"))) {
            sleep(50);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
