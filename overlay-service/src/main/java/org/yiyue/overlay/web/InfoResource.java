package org.yiyue.overlay.web;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.yiyue.overlay.cluster.DataGrid;
import org.yiyue.overlay.site.Site;
import org.yiyue.overlay.site.SiteRegistry;

/** GET /api/info: what this instance is, which version, and which sites it fronts. */
@Path("/info")
public class InfoResource {

    private static final BuildInfo BUILD = BuildInfo.load();

    @Inject
    SiteRegistry sites;
    @Inject
    DataGrid grid;

    @GET
    @Produces(MediaType.APPLICATION_JSON + ";charset=utf-8")
    public JsonObject info() {
        JsonArrayBuilder siteList = Json.createArrayBuilder();
        for (Site site : sites.all()) {
            siteList.add(Json.createObjectBuilder()
                    .add("id", site.id())
                    .add("name", site.name())
                    .add("mount", site.mount()));
        }
        return Json.createObjectBuilder()
                .add("name", BUILD.name())
                .add("product", "易阅 Yiyue")
                .add("version", BUILD.version())
                .add("payaraMicro", BUILD.payaraMicro())
                .add("builtAt", BUILD.builtAt())
                .add("java", System.getProperty("java.version"))
                .add("sites", siteList)
                .add("cluster", Json.createObjectBuilder()
                        .add("node", grid.nodeId())
                        .add("clustered", grid.clustered())
                        .add("members", Json.createArrayBuilder(grid.members())))
                .build();
    }
}
