package org.yiyue.audit.cli;

import java.time.Duration;
import java.util.List;

import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * axe-core over one of our own reports, every rule (no tag filter), judged by its violations.
 * <p>
 * The reports are large (every finding, embedded screenshots) and have no frames. The builder's default path
 * ({@code axe.runPartial} in the page, the partial results sent to Java and back into a blank window for
 * {@code axe.finishRun}) moved megabytes through chromedriver twice and took most of CertifyTest's time (45 s for
 * certification.html at load 7); a plain {@code axe.run} in the page ("legacy mode", which the builder keeps for this)
 * ran the same rules in 14 s, with the same passing, inapplicable and violated rules. A page with a frame gets the
 * default path, which scans every frame. {@code resultTypes: ["violations"]} (axe's documented option) keeps every
 * node of a violation and at most one of the other result types, which are not judged here.
 */
final class ReportAxe {

    private ReportAxe() {
    }

    static Results run(WebDriver driver, int timeoutSeconds) {
        AxeRunOptions options = new AxeRunOptions();
        options.setResultTypes(List.of("violations"));
        boolean frames = !driver.findElements(By.cssSelector("iframe, frame")).isEmpty();
        // the builder applies its time-out only on its default path: the plain run gets it as the script time-out
        Duration before = driver.manage().timeouts().getScriptTimeout();
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(timeoutSeconds));
        try {
            return new AxeBuilder().setTimeout(timeoutSeconds).setLegacyMode(!frames).withOptions(options).analyze(driver);
        } finally {
            driver.manage().timeouts().scriptTimeout(before);
        }
    }
}
