package org.yiyue.overlay.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.StreamingOutput;

/**
 * A run's progress as server-sent events: a "progress" event whenever it changes (checked twice a second), then
 * one "end" event with the final state, then the stream closes; gives up after an hour or when the client leaves.
 * Written synchronously on the request thread (no async servlet needed: the application's servlet filters do not
 * all declare async support).
 */
@ApplicationScoped
public class ProgressEvents {

    private static final long MAX_MILLIS = 3_600_000;

    @Inject
    AuditStore store;
    @Inject
    AuditJobs jobs;

    StreamingOutput stream(String runId) {
        return out -> {
            long until = System.currentTimeMillis() + MAX_MILLIS;
            long lastVersion = -1;
            String lastStatus = null;
            try {
                send(out, "retry: 2000\n\n");
                while (System.currentTimeMillis() < until) {
                    AuditRun run = store.find(runId).orElse(null);
                    if (run == null) {
                        return;
                    }
                    long version = jobs.progress(runId).map(JobProgress::version).orElse((long) run.pagesDone());
                    String status = run.status().wire();
                    if (run.status().finished()) {
                        send(out, "event: end\nid: " + status + "\ndata: " + RunJson.of(run, jobs.progress(runId)) + "\n\n");
                        return;
                    }
                    if (version != lastVersion || !status.equals(lastStatus)) {
                        lastVersion = version;
                        lastStatus = status;
                        send(out, "event: progress\ndata: " + RunJson.of(run, jobs.progress(runId)) + "\n\n");
                    }
                    Thread.sleep(500);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    private static void send(OutputStream out, String event) throws IOException {
        out.write(event.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
