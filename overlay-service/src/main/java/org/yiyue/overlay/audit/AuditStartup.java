package org.yiyue.overlay.audit;

import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * At deployment: open and migrate the database (first: nothing else of the audit service uses it before), optionally queue again the runs a stopped service left interrupted,
 * start claiming audit jobs from the database, then start the scheduled audits. Runs left "running" by an instance
 * that died are not touched here: their lease runs out and whichever instance is free resumes them.
 */
@ApplicationScoped
public class AuditStartup {

    private static final Logger LOG = Logger.getLogger(AuditStartup.class.getName());

    @Inject
    AuditDatabase db;
    @Inject
    AuditStore store;
    @Inject
    AuditJobs jobs;
    @Inject
    AuditScheduler scheduler;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        // the schema first, here and on this thread, before the claim ticks, the scheduler or a request reach it
        if (!db.start()) {
            LOG.severe("audit database not open at start; the audit API answers 503 until it opens");
        }
        try {
            recover();
        } catch (ProblemException e) {
            LOG.severe(() -> "audits unavailable at start: " + e.getMessage());
        }
        jobs.startClaiming(); // retries by itself while the database is away
        scheduler.start();
    }

    private void recover() {
        if (ConfigProvider.getConfig().getOptionalValue("yiyue.audit.resume-interrupted", Boolean.class).orElse(false)) {
            store.recent(1000).stream().filter(r -> r.status() == RunStatus.INTERRUPTED).map(AuditRun::id)
                    .forEach(jobs::resume);
        }
    }
}
