package org.yiyue.audit.cli;

import java.util.List;

import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;

import org.openqa.selenium.WebDriver;

/**
 * axe-core over one of our own reports, every rule (no tag filter), judged by its violations only.
 * <p>
 * The reports are large (every finding, embedded screenshots): with axe's default result types the builder sends
 * back every passing and inapplicable node through chromedriver, which took most of CertifyTest's time.
 * {@code resultTypes: ["violations"]} is axe's documented option for that: violations keep all their nodes, the other
 * types at most one each; the same rules run on the same nodes, so the violations are the same.
 */
final class ReportAxe {

    private ReportAxe() {
    }

    static Results run(WebDriver driver, int timeoutSeconds) {
        AxeRunOptions options = new AxeRunOptions();
        options.setResultTypes(List.of("violations"));
        return new AxeBuilder().setTimeout(timeoutSeconds).withOptions(options).analyze(driver);
    }
}
