package org.yiyue.overlay.audit;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Bounds of the audit service, from the configuration.
 *
 * @param maxPages    most pages one audit may crawl ({@code yiyue.audit.max-pages}, default 500)
 * @param maxParallel audits running at once ({@code yiyue.audit.max-parallel}, default 2); others wait queued
 * @param browsers    Chromium instances across all audits ({@code yiyue.audit.browsers}, default 2)
 * @param crawlDelayMs politeness delay between two requests to one site ({@code yiyue.audit.crawl-delay-ms})
 */
public record Limits(int maxPages, int maxParallel, int browsers, long crawlDelayMs, boolean loopbackBrowsers) {

    public static final int MAX_DEPTH = 10;
    public static final int MAX_URLS = 100;

    public static Limits fromConfig() {
        Config c = ConfigProvider.getConfig();
        return new Limits(
                c.getOptionalValue("yiyue.audit.max-pages", Integer.class).orElse(500),
                Math.max(1, c.getOptionalValue("yiyue.audit.max-parallel", Integer.class).orElse(2)),
                Math.max(1, c.getOptionalValue("yiyue.audit.browsers", Integer.class).orElse(2)),
                c.getOptionalValue("yiyue.audit.crawl-delay-ms", Long.class).orElse(100L),
                c.getOptionalValue("yiyue.audit.loopback-browsers", Boolean.class).orElse(false));
    }
}
