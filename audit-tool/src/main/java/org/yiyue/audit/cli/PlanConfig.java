package org.yiyue.audit.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.yiyue.audit.core.AuditConfig;
import org.yiyue.audit.crawl.CrawlOptions;
import org.yiyue.audit.crawl.Sampler;
import org.yiyue.audit.judge.ManualResults;
import org.yiyue.audit.plan.CertificationPlan;

/** Turns one site of a certification plan, and the command line's common options, into an audit configuration. */
final class PlanConfig {

    private PlanConfig() {
    }

    /**
     * @param maxPages  overrides the plan's page limit when not null
     * @param delayMs   overrides the plan's politeness delay when not null
     * @param cookies   the session from {@link org.yiyue.audit.plan.SessionWalker}
     */
    static AuditConfig of(CertificationPlan plan, CertificationPlan.Site site, CommonOptions common, Path outDir,
                          List<String> formats, Integer maxPages, Long delayMs, Map<String, String> cookies) throws IOException {
        CertificationPlan.Crawl c = site.crawl();
        CrawlOptions crawl = new CrawlOptions(maxPages != null ? maxPages : c.maxPages(), c.depth(), c.sameSite(),
                c.include().stream().map(Pattern::compile).toList(), c.exclude().stream().map(Pattern::compile).toList(),
                Duration.ofMillis(delayMs != null ? delayMs : c.delayMs()), c.concurrency(), c.sitemap(), c.robots());
        List<Sampler.Process> processes = new ArrayList<>();
        for (CertificationPlan.Process p : site.processes()) {
            processes.add(new Sampler.Process(p.name(), p.steps().stream().map(CertificationPlan.ProcessStep::url).toList()));
        }
        return new AuditConfig(site.id(), site.name(), site.startUrls(), crawl, site.sample().wcagEm(),
                site.sample().randomPercent(), site.sample().seed(), processes, common.standards(), common.staticOnly,
                common.workers, Duration.ofSeconds(common.timeoutSeconds), site.mobilePrefix(), outDir, formats,
                common.chinese() ? "zh-CN" : "en", common.manual == null ? List.of() : ManualResults.read(common.manual),
                common.axeScript(), plan.loopbackOnly() || common.loopbackOnly, 300, 6, cookies);
    }
}
