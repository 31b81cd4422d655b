package org.yiyue.audit.browser;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The peer the benchmark compares a full audit with: each page loaded in one warm browser and scanned by axe-core
 * alone (same tags, options and runner as the audit), nothing else. Mobile pages get the same phone emulation as in the audit.
 */
public final class AxeOnlyScan {

    /** Pages scanned and the time spent on them (load + axe-core), browser start excluded; pages that failed (a
     *  renderer timeout on a loaded machine) are counted apart and left out of the time. */
    public record Timing(int pages, long millis, int failed) {
        public double perPageMillis() {
            return pages == 0 ? 0 : (double) millis / pages;
        }
    }

    private AxeOnlyScan() {
    }

    public static Timing time(List<URI> pages, Predicate<URI> mobile, Duration pageTimeout) {
        return time(pages, mobile, pageTimeout, false);
    }

    /**
     * @param builder scan through the axe-core/selenium builder (the script sent on every call, results combined in a
     *                blank window) instead of the audit's in-page runner: the benchmark shows what the runner saves
     */
    public static Timing time(List<URI> pages, Predicate<URI> mobile, Duration pageTimeout, boolean builder) {
        AxeScan scan;
        try {
            scan = new AxeScan(null);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        try (AuditBrowser browser = AuditBrowser.start(true, pageTimeout)) {
            ChromeDriver d = browser.driver();
            if (!builder) {
                scan.prepare(d);
            }
            long nanos = 0;
            int failed = 0;
            for (URI page : pages) {
                long start = System.nanoTime();
                try {
                    if (mobile.test(page)) {
                        browser.channel().cdp("Emulation.setDeviceMetricsOverride", AuditBrowser.MOBILE_METRICS);
                    } else {
                        browser.channel().cdp("Emulation.clearDeviceMetricsOverride", Map.of());
                    }
                    d.get(page.toString());
                    var r = builder ? AxeScan.configured().analyze(d) : scan.analyze(d);
                    if (r.isErrored()) {
                        throw new IllegalStateException(r.getErrorMessage());
                    }
                    nanos += System.nanoTime() - start;
                } catch (RuntimeException e) {
                    failed++;
                }
            }
            return new Timing(pages.size() - failed, nanos / 1_000_000, failed);
        }
    }
}
