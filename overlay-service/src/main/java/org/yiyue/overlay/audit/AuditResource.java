package org.yiyue.overlay.audit;

import org.yiyue.overlay.audit.security.Requires;
import org.yiyue.overlay.audit.security.Right;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.yiyue.audit.report.Finding;
import org.yiyue.overlay.site.SiteRegistry;

/**
 * Audit runs: start, follow, cancel, resume, download reports, manual results, sign, compare. Reading needs
 * {@link Right#READ_REPORTS} (测评员, 只读); each change names its own right (测评员 only).
 */
@Path("/audits")
@RequestScoped
@Requires(Right.READ_REPORTS)
@Tag(name = "audits", description = "审计任务 Audit runs")
public class AuditResource {

    static final Set<String> OUTCOMES = Set.of("passed", "failed", "cantTell", "inapplicable");

    @Inject
    AuditJobs jobs;
    @Inject
    AuditStore store;
    @Inject
    SiteRegistry sites;
    @Inject
    ReportRenderer renderer;
    @Inject
    ProgressEvents events;
    @Context
    SecurityContext security;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start an audit of a configured site (or of URLs inside it)")
    @RequestBody(description = "{\"site\":\"zwfw\",\"urls\":[\"/index.html\"],\"maxPages\":20,\"maxDepth\":2,"
            + "\"staticOnly\":false,\"workers\":1,\"locale\":\"zh-CN\",\"standards\":[\"wcag22-aa\"]}")
    @APIResponse(responseCode = "202", description = "queued; Location names the run")
    @APIResponse(responseCode = "400", description = "malformed JSON (problem+json)")
    @APIResponse(responseCode = "404", description = "unknown site (problem+json)")
    @APIResponse(responseCode = "422", description = "invalid options (problem+json)")
    @Requires(Right.RUN_AUDITS)
    public Response start(String body) {
        AuditRequest request = new AuditRequestValidator(sites, jobs.limits()).parse(body);
        AuditRun run = jobs.submit(request, user());
        return Response.accepted(RunJson.of(run, jobs.progress(run.id())).toString())
                .location(URI.create("/api/audits/" + run.id())).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The 50 most recent runs of all sites")
    public String recent() {
        JsonArrayBuilder a = Json.createArrayBuilder();
        store.recent(50).forEach(r -> a.add(RunJson.of(r, jobs.progress(r.id()))));
        return a.build().toString();
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Status and progress of one run")
    public String status(@PathParam("id") String id) {
        AuditRun run = find(id);
        return RunJson.of(run, jobs.progress(id)).toString();
    }

    @DELETE
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Cancel a queued or running audit; it ends as 'cancelled' after the page in progress")
    @APIResponse(responseCode = "202", description = "cancelling; follow the run until its status is cancelled")
    @APIResponse(responseCode = "409", description = "the run had already finished")
    @Requires(Right.RUN_AUDITS)
    public Response cancel(@PathParam("id") String id) {
        find(id);
        if (!jobs.cancel(id)) {
            throw new ProblemException(Problem.of(409, "already-finished", "审计已结束", "Audit already finished",
                    "该审计已结束，无法取消。", "This audit has finished and cannot be cancelled."));
        }
        return Response.accepted(RunJson.of(find(id), jobs.progress(id)).toString()).build();
    }

    @POST
    @Path("/{id}/resume")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Resume an interrupted, failed or cancelled run (stored pages are kept)")
    @Requires(Right.RUN_AUDITS)
    public Response resume(@PathParam("id") String id) {
        find(id);
        if (!jobs.resume(id)) {
            throw new ProblemException(Problem.of(409, "not-resumable", "无法继续", "Not resumable",
                    "只有已停止的中断、失败或取消的审计可以继续。",
                    "Only interrupted, failed or cancelled audits that have stopped can be resumed."));
        }
        return Response.accepted(RunJson.of(find(id), jobs.progress(id)).toString()).build();
    }

    @GET
    @Path("/{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Progress as server-sent events: 'progress' while it runs, one 'end' event when it finished")
    public Response events(@PathParam("id") String id) {
        find(id);
        return Response.ok(events.stream(id), MediaType.SERVER_SENT_EVENTS_TYPE.withCharset("utf-8"))
                .header("Cache-Control", "no-store").header("X-Accel-Buffering", "no").build();
    }

    @GET
    @Path("/{id}/report.{format}")
    @Operation(summary = "The report as html, pdf, json, earl (JSON-LD), csv, junit or sarif")
    public Response report(@PathParam("id") String id, @PathParam("format") String format)
            throws IOException, InterruptedException {
        AuditRun run = finished(id);
        ReportFormat f = ReportFormat.of(format).orElseThrow(() -> new ProblemException(Problem.of(404,
                "unknown-format", "未知报告格式", "Unknown report format",
                "可用格式：html、pdf、json、earl、csv、junit、sarif。", "Formats: html, pdf, json, earl, csv, junit, sarif.")));
        byte[] body = renderer.render(run, f);
        Response.ResponseBuilder b = Response.ok(body).type(f.mediaType());
        if (f != ReportFormat.HTML) {
            b.header("Content-Disposition", "attachment; filename=\"" + f.fileName(run.siteId(), run.id()) + "\"");
        }
        return b.build();
    }

    @GET
    @Path("/{id}/pages")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Pages stored so far (also while the audit runs), in the order they finished")
    public String pages(@PathParam("id") String id) {
        find(id);
        JsonArrayBuilder a = Json.createArrayBuilder();
        store.pages(id).forEach(p -> a.add(Json.createObjectBuilder().add("seq", p.seq()).add("url", p.url())
                .add("status", p.status()).add("failures", p.failures())));
        return a.build().toString();
    }

    @GET
    @Path("/{id}/manual")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The evaluators' manual results of a run")
    public String manual(@PathParam("id") String id) {
        find(id);
        JsonArrayBuilder a = Json.createArrayBuilder();
        store.manual(id).forEach(m -> a.add(Json.createObjectBuilder().add("item", m.item()).add("outcome", m.outcome())
                .add("checkedBy", m.checkedBy()).add("checkedAt", java.time.Instant.ofEpochMilli(m.checkedAt()).toString())
                .add("note", m.note() == null ? "" : m.note())));
        return a.build().toString();
    }

    @PUT
    @Path("/{id}/manual/{item}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record an evaluator's result for one requirement (WCAG SC, MIIT item or GBT:…)")
    @Requires(Right.WRITE_MANUAL)
    public String putManual(@PathParam("id") String id, @PathParam("item") String item, String body) {
        finished(id);
        String outcome;
        String note;
        try {
            JsonValue v = Json.createReader(new StringReader(body == null ? "" : body)).readValue();
            if (!(v instanceof JsonObject o)) {
                throw new JsonParsingException("not an object", null);
            }
            outcome = o.getString("outcome", "");
            note = o.getString("note", "");
        } catch (RuntimeException e) {
            throw new ProblemException(Problem.of(400, "malformed-json", "请求格式错误", "Malformed request",
                    "需要 JSON 对象 {\"outcome\":…, \"note\":…}。", "A JSON object {\"outcome\":…, \"note\":…} is required."));
        }
        ManualItems.validate(item, outcome, note);
        store.putManual(id, item, outcome, user(), note);
        return manual(id);
    }

    @POST
    @Path("/{id}/signature")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sign a finished evaluation as its evaluator (once; administrators never may)")
    @APIResponse(responseCode = "409", description = "not finished, or signed already")
    @Requires(Right.SIGN)
    public String sign(@PathParam("id") String id) {
        finished(id);
        if (!store.sign(id, user(), System.currentTimeMillis())) {
            AuditRun run = find(id);
            throw new ProblemException(Problem.of(409, "already-signed", "已签署", "Already signed",
                    "此测评已由 " + run.signedBy() + " 签署。", "This evaluation was signed by " + run.signedBy() + "."));
        }
        return RunJson.of(find(id), jobs.progress(id)).toString();
    }

    @GET
    @Path("/{id}/compare/{other}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Failures new in {id}, fixed since {other}, and unchanged")
    public String compare(@PathParam("id") String id, @PathParam("other") String other) {
        AuditRun later = finished(id);
        AuditRun earlier = finished(other);
        if (!later.siteId().equals(earlier.siteId())) {
            throw new ProblemException(Problem.of(422, "different-sites", "站点不同", "Different sites",
                    "只能比较同一站点的两次审计。", "Only two runs of the same site can be compared."));
        }
        RunComparison c = RunComparison.of(renderer.report(earlier), renderer.report(later));
        return Json.createObjectBuilder().add("run", id).add("previous", other)
                .add("new", findings(c.added())).add("fixed", findings(c.fixed()))
                .add("unchanged", findings(c.unchanged())).build().toString();
    }

    static JsonArrayBuilder findings(List<Finding> list) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        for (Finding f : list) {
            a.add(Json.createObjectBuilder().add("page", f.page()).add("rule", f.ruleId()).add("engine", f.engine())
                    .add("target", f.target() == null ? "" : f.target())
                    .add("sc", Json.createArrayBuilder(f.sc()))
                    .add("message", f.message() == null ? "" : f.message().zh())
                    .add("messageEn", f.message() == null ? "" : f.message().en()));
        }
        return a;
    }

    private AuditRun find(String id) {
        return store.find(id).orElseThrow(() -> ProblemException.notFound("没有这个审计：" + id, "No such audit: " + id));
    }

    private AuditRun finished(String id) {
        AuditRun run = find(id);
        if (run.status() != RunStatus.SUCCEEDED || run.reportJson() == null) {
            throw new ProblemException(Problem.of(409, "not-finished", "审计尚未完成", "Audit not finished",
                    "审计状态为「" + run.status().zh() + "」，报告尚不可用。",
                    "The audit is " + run.status().wire() + "; no report yet."));
        }
        return run;
    }

    private String user() {
        return security.getUserPrincipal() == null ? "anonymous" : security.getUserPrincipal().getName();
    }

}
