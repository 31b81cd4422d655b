package org.yiyue.overlay.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.yiyue.overlay.site.SiteRegistry;

/** MicroProfile Health checks served by Payara at /health, /health/live and /health/ready. */
@ApplicationScoped
public class OverlayHealthChecks {

    @Inject
    SiteRegistry sites;

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
}
