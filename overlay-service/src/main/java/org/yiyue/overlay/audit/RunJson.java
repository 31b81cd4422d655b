package org.yiyue.overlay.audit;

import java.time.Instant;
import java.util.Optional;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** The API's view of a run. */
final class RunJson {

    private RunJson() {
    }

    static JsonObject of(AuditRun run, Optional<JobProgress> live) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("id", run.id())
                .add("site", run.siteId())
                .add("status", run.status().wire())
                .add("createdAt", Instant.ofEpochMilli(run.createdAt()).toString())
                .add("pagesDone", run.pagesDone())
                .add("pagesTotal", run.pagesTotal())
                .add("failures", run.failures());
        if (run.createdBy() != null) {
            b.add("createdBy", run.createdBy());
        }
        if (run.startedAt() != null) {
            b.add("startedAt", Instant.ofEpochMilli(run.startedAt()).toString());
        }
        if (run.finishedAt() != null) {
            b.add("finishedAt", Instant.ofEpochMilli(run.finishedAt()).toString());
        }
        if (run.signedBy() != null) {
            b.add("signedBy", run.signedBy()).add("signedAt", Instant.ofEpochMilli(run.signedAt()).toString());
        }
        if (run.errorMessage() != null) {
            b.add("error", run.errorMessage());
        }
        live.filter(p -> !run.status().finished()).ifPresent(p -> b.add("progress", Json.createObjectBuilder()
                .add("phase", p.phase()).add("crawled", p.crawled()).add("done", p.done()).add("total", p.total())));
        b.add("request", Json.createReader(new java.io.StringReader(run.requestJson())).readObject());
        String self = "/api/audits/" + run.id();
        JsonObjectBuilder links = Json.createObjectBuilder().add("self", self).add("events", self + "/events");
        if (run.status() == RunStatus.SUCCEEDED) {
            JsonObjectBuilder reports = Json.createObjectBuilder();
            for (ReportFormat f : ReportFormat.values()) {
                reports.add(f.ext(), self + "/report." + f.ext());
            }
            links.add("reports", reports);
        }
        return b.add("links", links).build();
    }
}
