package org.yiyue.overlay.audit;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/**
 * Pushes a run's progress to one SSE client: an event whenever the progress changes (checked twice a second), then
 * one "end" event with the final status, then the stream closes. Gives up after one hour or when the client leaves.
 */
@ApplicationScoped
public class ProgressEvents {

    private static final Logger LOG = Logger.getLogger(ProgressEvents.class.getName());
    private static final long MAX_MILLIS = 3_600_000;

    @Resource
    ManagedExecutorService executor;
    @Inject
    AuditStore store;
    @Inject
    AuditJobs jobs;

    void stream(String runId, SseEventSink sink, Sse sse) {
        executor.submit(() -> {
            try (sink) {
                long until = System.currentTimeMillis() + MAX_MILLIS;
                long lastVersion = -1;
                String lastStatus = null;
                while (!sink.isClosed() && System.currentTimeMillis() < until) {
                    AuditRun run = store.find(runId).orElse(null);
                    if (run == null) {
                        return;
                    }
                    long version = jobs.progress(runId).map(JobProgress::version).orElse(0L);
                    String status = run.status().wire();
                    if (run.status().finished()) {
                        sink.send(sse.newEventBuilder().name("end").id(status).mediaType(MediaType.APPLICATION_JSON_TYPE)
                                .data(String.class, RunJson.of(run, jobs.progress(runId)).toString()).build())
                                .toCompletableFuture().join();
                        return;
                    }
                    if (version != lastVersion || !status.equals(lastStatus)) {
                        lastVersion = version;
                        lastStatus = status;
                        sink.send(sse.newEventBuilder().name("progress").mediaType(MediaType.APPLICATION_JSON_TYPE)
                                .data(String.class, RunJson.of(run, jobs.progress(runId)).toString()).build())
                                .toCompletableFuture().join();
                    }
                    Thread.sleep(500);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "SSE client of " + runId + " went away", e);
            }
        });
    }
}
