package org.yiyue.overlay.audit;

import org.yiyue.overlay.audit.security.Requires;
import org.yiyue.overlay.audit.security.Right;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.yiyue.overlay.site.SiteRegistry;

/** A site's audit history, newest first. */
@Path("/sites/{id}/audits")
@RequestScoped
@Requires(Right.READ_REPORTS)
@Tag(name = "audits")
public class SiteAuditsResource {

    @Inject
    AuditStore store;
    @Inject
    AuditJobs jobs;
    @Inject
    SiteRegistry sites;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Runs of one site, newest first (at most 200)")
    public String history(@PathParam("id") String siteId) {
        if (sites.byId(siteId).isEmpty() && store.history(siteId).isEmpty()) {
            throw new ProblemException(new Problem(404, "unknown-site", "未知站点", "Unknown site",
                    "没有这个站点：" + siteId, "No such site: " + siteId, java.util.List.of()));
        }
        JsonArrayBuilder a = Json.createArrayBuilder();
        store.history(siteId).forEach(r -> a.add(RunJson.of(r, jobs.progress(r.id()))));
        return a.build().toString();
    }
}
