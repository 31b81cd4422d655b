package org.yiyue.overlay.web;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.yiyue.overlay.cache.ResponseCache;
import org.yiyue.overlay.rewrite.FixLedger;

/** GET /api/metrics: requests, latency, cache, fixes, rewrite fail-opens and speech, as one JSON document. */
@Path("/metrics")
public class MetricsResource {

    @Inject
    OverlayMetrics metrics;
    @Inject
    ResponseCache cache;
    @Inject
    FixLedger ledger;

    @GET
    @Produces(MediaType.APPLICATION_JSON + ";charset=utf-8")
    public JsonObject metrics() {
        JsonObjectBuilder requests = Json.createObjectBuilder();
        metrics.requestsBySite().forEach(requests::add);
        JsonObjectBuilder errors = Json.createObjectBuilder();
        metrics.upstreamErrorsBySite().forEach(errors::add);
        JsonObjectBuilder injection = Json.createObjectBuilder();
        metrics.injectionDecisions().forEach(injection::add);
        JsonObjectBuilder failures = Json.createObjectBuilder();
        metrics.upstreamFailuresByKind().forEach(failures::add);
        ResponseCache.Stats c = cache.stats();
        return Json.createObjectBuilder()
                .add("requests", requests)
                .add("upstreamErrors", errors)
                .add("upstreamFailures", failures)
                .add("injection", injection)
                .add("latencyMs", Json.createObjectBuilder()
                        .add("p50", metrics.latencyQuantileMs(0.5)).add("p99", metrics.latencyQuantileMs(0.99))
                        .add("note", "upper bound of the histogram bucket"))
                .add("cache", Json.createObjectBuilder().add("entries", c.entries()).add("bytes", c.bytes())
                        .add("hits", c.hits()).add("misses", c.misses()).add("revalidated", c.revalidated())
                        .add("stores", c.stores()))
                .add("rewrite", Json.createObjectBuilder().add("rewritten", metrics.rewrittenCount())
                        .add("failOpen", metrics.failOpenCount()).add("reused", metrics.rewriteReusedCount()))
                .add("fixesApplied", ledger.total())
                .add("heapUsedBytes", java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed())
                .add("tts", Json.createObjectBuilder().add("requests", metrics.ttsRequests())
                        .add("cacheHits", metrics.ttsCacheHits()).add("rejected", metrics.ttsRejectedCount()))
                .build();
    }
}
