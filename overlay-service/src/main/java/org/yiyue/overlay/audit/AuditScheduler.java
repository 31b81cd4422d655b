package org.yiyue.overlay.audit;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.yiyue.overlay.site.Site;
import org.yiyue.overlay.site.SiteRegistry;

/**
 * Scheduled audits per site on the managed scheduled executor (not EJB timers: Payara Micro without Hazelcast has
 * no persistent timers). {@code yiyue.audit.schedule.<site>=PT24H} audits that site every 24 hours, starting one
 * period after deployment (or after {@code .first}, a duration); {@code yiyue.audit.schedule.<site>.max-pages} and
 * {@code .static-only} shape the audit.
 */
@ApplicationScoped
public class AuditScheduler {

    private static final Logger LOG = Logger.getLogger(AuditScheduler.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;
    @Inject
    AuditJobs jobs;
    @Inject
    AuditStore store;
    @Inject
    SiteRegistry sites;

    private final List<ScheduledFuture<?>> scheduled = new ArrayList<>();

    synchronized void start() {
        Config c = ConfigProvider.getConfig();
        for (Site site : sites.all()) {
            String key = "yiyue.audit.schedule." + site.id();
            c.getOptionalValue(key, String.class).ifPresent(text -> {
                Duration every;
                try {
                    every = Duration.parse(text);
                } catch (DateTimeParseException e) {
                    LOG.warning(() -> key + " is not an ISO-8601 duration (e.g. PT24H): " + text);
                    return;
                }
                if (every.toMinutes() < 1) {
                    LOG.warning(() -> key + " is shorter than one minute; ignored");
                    return;
                }
                Duration first = c.getOptionalValue(key + ".first", String.class).map(Duration::parse).orElse(every);
                int maxPages = c.getOptionalValue(key + ".max-pages", Integer.class).orElse(20);
                boolean staticOnly = c.getOptionalValue(key + ".static-only", Boolean.class).orElse(false);
                AuditRequest request = new AuditRequest(site.id(), List.of(), Math.min(maxPages, jobs.limits().maxPages()),
                        2, staticOnly, 1, "zh-CN", List.of("wcag22-aa", "gbt37668-2", "elder"));
                scheduled.add(scheduler.scheduleAtFixedRate(() -> {
                    try {
                        // every instance of a cluster keeps the schedule: the first to get there starts the audit
                        long recent = System.currentTimeMillis() - every.toMillis() / 2;
                        if (store.history(site.id()).stream().anyMatch(r -> "scheduler".equals(r.createdBy())
                                && r.createdAt() > recent)) {
                            return;
                        }
                        jobs.submit(request, "scheduler");
                    } catch (RuntimeException e) {
                        // a failed start (e.g. database down) must not cancel the schedule
                        LOG.warning(() -> "scheduled audit of " + site.id() + " not started: " + e.getMessage());
                    }
                }, Math.max(0, first.toMillis()), every.toMillis(), TimeUnit.MILLISECONDS));
                LOG.info(() -> "scheduled audit of " + site.id() + " every " + every);
            });
        }
    }

    @PreDestroy
    synchronized void stop() {
        scheduled.forEach(f -> f.cancel(false));
    }
}
