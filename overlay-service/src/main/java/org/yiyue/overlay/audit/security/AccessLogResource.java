package org.yiyue.overlay.audit.security;

import java.time.Instant;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The access log, newest first, for administrators. */
@Path("/access-log")
@RequestScoped
@Requires(Right.READ_ACCESS_LOG)
@Tag(name = "access-log", description = "操作日志 Access log")
public class AccessLogResource {

    @Inject
    AccessLog log;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Entries newest first: at, actor, role, action, target, client, outcome (HTTP status); "
            + "?before=<id> pages back")
    public String entries(@QueryParam("limit") @DefaultValue("200") int limit, @QueryParam("before") Long before) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        for (AccessLog.Entry e : log.recent(limit, before)) {
            JsonObjectBuilder o = Json.createObjectBuilder().add("id", e.id())
                    .add("at", Instant.ofEpochMilli(e.at()).toString()).add("actor", e.actor())
                    .add("action", e.action()).add("outcome", e.outcome());
            if (e.role() != null) {
                o.add("role", e.role());
            }
            if (e.target() != null) {
                o.add("target", e.target());
            }
            if (e.client() != null) {
                o.add("client", e.client());
            }
            a.add(o);
        }
        return a.build().toString();
    }
}
