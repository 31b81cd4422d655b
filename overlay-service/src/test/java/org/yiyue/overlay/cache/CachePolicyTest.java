package org.yiyue.overlay.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class CachePolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    private static Optional<Duration> fresh(int status, Map<String, List<String>> headers) {
        return CachePolicy.freshness(status, headers, NOW);
    }

    @Test
    void maxAgeAndSharedMaxAge() {
        assertEquals(Optional.of(Duration.ofSeconds(60)), fresh(200, Map.of("Cache-Control", List.of("public, max-age=60"))));
        assertEquals(Optional.of(Duration.ofSeconds(5)), fresh(200, Map.of("cache-control", List.of("max-age=60, s-maxage=5"))));
        assertEquals(Optional.empty(), fresh(200, Map.of("Cache-Control", List.of("max-age=0"))));
    }

    @Test
    void noStorePrivateNoCacheAndCookiesAreNeverStored() {
        assertEquals(Optional.empty(), fresh(200, Map.of("Cache-Control", List.of("no-store, max-age=600"))));
        assertEquals(Optional.empty(), fresh(200, Map.of("Cache-Control", List.of("private, max-age=600"))));
        assertEquals(Optional.empty(), fresh(200, Map.of("Cache-Control", List.of("no-cache"))));
        assertEquals(Optional.empty(), fresh(200, Map.of("Cache-Control", List.of("max-age=600"),
                "Set-Cookie", List.of("s=1"))));
        assertEquals(Optional.empty(), fresh(200, Map.of("Cache-Control", List.of("max-age=600"), "Vary", List.of("Cookie"))));
        assertEquals(Optional.empty(), fresh(404, Map.of("Cache-Control", List.of("max-age=600"))));
    }

    @Test
    void noExplicitFreshnessMeansNoCaching() {
        assertEquals(Optional.empty(), fresh(200, Map.of("Last-Modified", List.of("Wed, 25 Nov 2026 12:00:00 GMT"))));
    }

    @Test
    void expiresRelativeToDate() {
        assertEquals(Optional.of(Duration.ofMinutes(10)), fresh(200, Map.of(
                "Date", List.of("Thu, 26 Nov 2026 12:00:00 GMT"), "Expires", List.of("Thu, 26 Nov 2026 12:10:00 GMT"))));
        assertEquals(Optional.empty(), fresh(200, Map.of("Expires", List.of("0"))));
    }

    @Test
    void requestRules() {
        assertTrue(CachePolicy.requestCacheable("GET", Map.of()));
        assertFalse(CachePolicy.requestCacheable("POST", Map.of()));
        assertFalse(CachePolicy.requestCacheable("GET", Map.of("authorization", List.of("Basic x"))));
        assertFalse(CachePolicy.requestCacheable("GET", Map.of("cache-control", List.of("no-store"))));
        assertTrue(CachePolicy.clientWantsFresh(Map.of("cache-control", List.of("no-cache"))));
        assertTrue(CachePolicy.clientWantsFresh(Map.of("cache-control", List.of("max-age=0"))));
    }

    @Test
    void cacheIsBoundedByBytesAndPurgesPerSite() {
        ResponseCache cache = ResponseCache.create(10_000, 4_000, Duration.ofMinutes(5));
        CachedResponse big = new CachedResponse(200, List.of(), new byte[5_000], Optional.empty(), NOW,
                NOW.plusSeconds(60), Optional.empty(), Optional.empty());
        cache.put("a|/big|id", big);
        assertTrue(cache.get("a|/big|id").isEmpty(), "entry over the per-entry bound is not stored");
        CachedResponse small = new CachedResponse(200, List.of(), new byte[1_000], Optional.empty(), NOW,
                NOW.plusSeconds(60), Optional.empty(), Optional.empty());
        cache.put("a|/1|id", small);
        cache.put("b|/1|id", small);
        assertEquals(1, cache.purge("a"));
        assertTrue(cache.get("a|/1|id").isEmpty());
        assertTrue(cache.get("b|/1|id").isPresent());
    }
}
