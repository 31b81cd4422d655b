package org.yiyue.overlay.audit;

import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * At deployment: open and migrate the database, mark runs that were queued or running when the service last
 * stopped as interrupted (optionally resume them), then start the scheduled audits.
 */
@ApplicationScoped
public class AuditStartup {

    private static final Logger LOG = Logger.getLogger(AuditStartup.class.getName());

    @Inject
    AuditStore store;
    @Inject
    AuditJobs jobs;
    @Inject
    AuditScheduler scheduler;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        try {
            recover();
        } catch (ProblemException e) {
            LOG.severe(() -> "audits unavailable at start: " + e.getMessage());
        }
        scheduler.start();
    }

    private void recover() {
        var unfinished = store.recent(1000).stream().filter(r -> !r.status().finished()).map(AuditRun::id).toList();
        int n = store.interruptUnfinished();
        if (n > 0) {
            LOG.warning(() -> n + " audit run(s) were unfinished at the last stop and are now marked interrupted");
        }
        if (ConfigProvider.getConfig().getOptionalValue("yiyue.audit.resume-interrupted", Boolean.class).orElse(false)) {
            unfinished.forEach(jobs::resume);
        }
    }
}
