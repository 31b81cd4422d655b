package org.yiyue.audit.core;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.yiyue.audit.crawl.CrawlOptions;
import org.yiyue.audit.crawl.Sampler;
import org.yiyue.audit.report.ManualResult;

/**
 * Everything one site audit needs.
 *
 * @param siteId        short id used for file names and the trend history (e.g. "zwfw", or the host)
 * @param sampling      WCAG-EM sample instead of every crawled page
 * @param randomPercent random share of the structured sample (≥ 10)
 * @param mobilePrefix  pages whose path starts with this are audited in a phone viewport (null: none)
 * @param workers       browsers auditing pages at once
 * @param axeScript     a newer axe.min.js, or null for the embedded one
 * @param loopbackOnly  browsers resolve only 127.0.0.1/localhost (tests, replica sites)
 * @param cookies       session cookies sent to the audited sites only (pages behind a login)
 */
public record AuditConfig(String siteId, String siteName, List<URI> seeds, CrawlOptions crawl, boolean sampling,
                          int randomPercent, long seed, List<Sampler.Process> processes, List<String> standards,
                          boolean staticOnly, int workers, Duration pageTimeout, String mobilePrefix, Path outDir,
                          List<String> formats, String locale, List<ManualResult> manual, Path axeScript,
                          boolean loopbackOnly, int keyboardSteps, int screenshotsPerPage,
                          java.util.Map<String, String> cookies) {

    public AuditConfig {
        seeds = List.copyOf(seeds);
        processes = List.copyOf(processes);
        standards = List.copyOf(standards);
        formats = List.copyOf(formats);
        manual = List.copyOf(manual);
        cookies = java.util.Map.copyOf(cookies);
        if (workers < 1) {
            throw new IllegalArgumentException("at least one browser worker");
        }
    }

    public boolean chinese() {
        return !"en".equalsIgnoreCase(locale);
    }
}
