package org.yiyue.overlay.web;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.yiyue.overlay.site.SiteRegistry;

/** MicroProfile Health checks served by Payara at /health, /health/live and /health/ready. */
@ApplicationScoped
public class OverlayHealthChecks {

    @Inject
    SiteRegistry sites;
    @Inject
    UpstreamProbe probe;
    @Inject
    ToolbarAsset toolbar;

    @Produces
    @Liveness
    HealthCheck alive() {
        return () -> HealthCheckResponse.named("yiyue-overlay").up().build();
    }

    /** Ready once the site registry has loaded; upstream reachability is reported but never blocks readiness. */
    @Produces
    @Readiness
    HealthCheck ready() {
        return () -> HealthCheckResponse.named("yiyue-sites")
                .status(!sites.all().isEmpty())
                .withData("sites", sites.all().size())
                .build();
    }

    /** Per-site upstream reachability; UP even when an upstream is down (the overlay then serves a clear 502). */
    @Produces
    @Readiness
    HealthCheck upstreams() {
        return () -> {
            HealthCheckResponseBuilder b = HealthCheckResponse.named("yiyue-upstreams").up();
            for (Map.Entry<String, Boolean> e : probe.reachability().entrySet()) {
                b.withData(e.getKey(), e.getValue() ? "reachable" : "unreachable");
            }
            return b.withData("toolbar", toolbar.placeholder() ? "placeholder" : toolbar.version()).build();
        };
    }
}
