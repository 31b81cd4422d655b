package org.yiyue.overlay.web;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Counters behind GET /api/metrics: requests and upstream failures per site, a latency histogram of proxied
 * requests (log-spaced buckets, so p50/p99 are estimates to the bucket), rewrite fail-opens and TTS work.
 */
@ApplicationScoped
public class OverlayMetrics {

    /** Bucket upper bounds in milliseconds. */
    static final long[] BOUNDS_MS = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 30000, Long.MAX_VALUE};

    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> upstreamErrors = new ConcurrentHashMap<>();
    private final AtomicLongArray latency = new AtomicLongArray(BOUNDS_MS.length);
    private final Map<String, LongAdder> injection = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> upstreamFailures = new ConcurrentHashMap<>();
    private final LongAdder failOpen = new LongAdder();
    private final LongAdder rewritten = new LongAdder();
    private final LongAdder rewriteReused = new LongAdder();
    private final LongAdder ttsRequests = new LongAdder();
    private final LongAdder ttsCacheHits = new LongAdder();
    private final LongAdder ttsRejected = new LongAdder();

    public void request(String siteId, long nanos) {
        requests.computeIfAbsent(siteId, k -> new LongAdder()).increment();
        long ms = nanos / 1_000_000;
        for (int i = 0; i < BOUNDS_MS.length; i++) {
            if (ms <= BOUNDS_MS[i]) {
                latency.incrementAndGet(i);
                break;
            }
        }
    }

    public void upstreamError(String siteId) {
        upstreamErrors.computeIfAbsent(siteId, k -> new LongAdder()).increment();
    }

    /** One toolbar decision for an HTML-typed response: "document" (injected) or why not. */
    public void injection(String decision) {
        injection.computeIfAbsent(decision, k -> new LongAdder()).increment();
    }

    /** One upstream failure by kind (timeout, unreachable, short-body, bad-chunk, reset, too-many-headers…). */
    public void upstreamFailure(String kind) {
        upstreamFailures.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    public Map<String, Long> injectionDecisions() {
        return snapshot(injection);
    }

    public Map<String, Long> upstreamFailuresByKind() {
        return snapshot(upstreamFailures);
    }

    private static Map<String, Long> snapshot(Map<String, LongAdder> counters) {
        Map<String, Long> m = new TreeMap<>();
        counters.forEach((k, v) -> m.put(k, v.sum()));
        return m;
    }

    public void failOpen() {
        failOpen.increment();
    }

    public void rewritten() {
        rewritten.increment();
    }

    /** A document whose upstream bytes were rewritten before: the stored rewrite was sent. */
    public void rewriteReused() {
        rewriteReused.increment();
    }

    public long rewriteReusedCount() {
        return rewriteReused.sum();
    }

    public void tts(boolean cacheHit) {
        ttsRequests.increment();
        if (cacheHit) {
            ttsCacheHits.increment();
        }
    }

    public void ttsRejected() {
        ttsRejected.increment();
    }

    public Map<String, Long> requestsBySite() {
        Map<String, Long> m = new TreeMap<>();
        requests.forEach((k, v) -> m.put(k, v.sum()));
        return m;
    }

    public Map<String, Long> upstreamErrorsBySite() {
        Map<String, Long> m = new TreeMap<>();
        upstreamErrors.forEach((k, v) -> m.put(k, v.sum()));
        return m;
    }

    /** Upper bound (ms) of the bucket holding the given quantile, or 0 without data. */
    public long latencyQuantileMs(double q) {
        long total = 0;
        for (int i = 0; i < latency.length(); i++) {
            total += latency.get(i);
        }
        if (total == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(q * total);
        long seen = 0;
        for (int i = 0; i < latency.length(); i++) {
            seen += latency.get(i);
            if (seen >= rank) {
                return BOUNDS_MS[i] == Long.MAX_VALUE ? 30001 : BOUNDS_MS[i];
            }
        }
        return 0;
    }

    public long failOpenCount() {
        return failOpen.sum();
    }

    public long rewrittenCount() {
        return rewritten.sum();
    }

    public long ttsRequests() {
        return ttsRequests.sum();
    }

    public long ttsCacheHits() {
        return ttsCacheHits.sum();
    }

    public long ttsRejectedCount() {
        return ttsRejected.sum();
    }
}
