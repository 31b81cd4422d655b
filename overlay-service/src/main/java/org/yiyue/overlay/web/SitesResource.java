package org.yiyue.overlay.web;

import org.yiyue.overlay.audit.security.Requires;
import org.yiyue.overlay.audit.security.Right;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.yiyue.overlay.cache.ResponseCache;
import org.yiyue.overlay.rewrite.FixLedger;
import org.yiyue.overlay.site.DeclaredFix;
import org.yiyue.overlay.site.Site;
import org.yiyue.overlay.site.SiteRegistry;

/** The configured sites, the fixes applied to their pages (the site's debt, for the audit) and cache purging. */
@Path("/sites")
@Produces(MediaType.APPLICATION_JSON + ";charset=utf-8")
public class SitesResource {

    @Inject
    SiteRegistry sites;
    @Inject
    FixLedger ledger;
    @Inject
    ResponseCache cache;

    @GET
    public JsonObject list() {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (Site s : sites.all()) {
            list.add(describe(s));
        }
        return Json.createObjectBuilder().add("sites", list).build();
    }

    @GET
    @Path("/{id}")
    public JsonObject one(@PathParam("id") String id) {
        return describe(site(id)).build();
    }

    /** GET /api/sites/{id}/fixes: every declared fix applied so far, per page, with counts. */
    @GET
    @Path("/{id}/fixes")
    public JsonObject fixes(@PathParam("id") String id) {
        Site site = site(id);
        JsonArrayBuilder applied = Json.createArrayBuilder();
        long total = 0;
        for (FixLedger.Entry e : ledger.entries(site.id())) {
            total += e.timesApplied();
            applied.add(Json.createObjectBuilder()
                    .add("page", e.path())
                    .add("fix", e.fixId())
                    .add("type", e.type())
                    .add("description", e.description())
                    .add("timesApplied", e.timesApplied())
                    .add("elementsChanged", e.lastElements())
                    .add("lastApplied", e.lastApplied().toString())
                    .add("byNode", byNode(e)));
        }
        JsonArrayBuilder declared = Json.createArrayBuilder();
        for (DeclaredFix f : site.fixes()) {
            declared.add(Json.createObjectBuilder().add("fix", f.id()).add("description", f.describe())
                    .add("pages", Json.createArrayBuilder(f.pages().globs())));
        }
        return Json.createObjectBuilder().add("site", site.id()).add("declared", declared)
                .add("applied", applied).add("totalApplications", total).build();
    }

    /**
     * DELETE /api/sites/{id}/cache: purge the site's cached pages and assets — an administrator, the site's own
     * operator (网站运维), or a caller with the admin token (checked by the AccessFilter).
     */
    @DELETE
    @Path("/{id}/cache")
    @Requires(Right.PURGE_CACHE)
    public Response purge(@PathParam("id") String id) {
        Site site = site(id);
        long purged = cache.purge(site.id());
        return Response.ok(Json.createObjectBuilder().add("site", site.id()).add("purged", purged).build()).build();
    }

    /** How many times each instance of the cluster applied the fix ("local" for a single instance). */
    private static JsonObjectBuilder byNode(FixLedger.Entry e) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        e.byNode().forEach(b::add);
        return b;
    }

    private Site site(String id) {
        return sites.byId(id).orElseThrow(() -> new NotFoundException("unknown site " + id));
    }

    private static JsonObjectBuilder describe(Site s) {
        JsonObjectBuilder shortcuts = Json.createObjectBuilder();
        s.toolbar().shortcuts().forEach(shortcuts::add);
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("id", s.id())
                .add("name", s.name())
                .add("mount", s.mount())
                .add("toolbar", Json.createObjectBuilder().add("lang", s.toolbar().lang())
                        .add("position", s.toolbar().position()).add("tts", s.toolbar().tts())
                        .add("shortcuts", shortcuts))
                .add("adSelectors", Json.createArrayBuilder(s.adSelectors()))
                .add("declaredFixes", s.fixes().size());
        s.publicHost().ifPresent(h -> b.add("host", h));
        return b;
    }
}
