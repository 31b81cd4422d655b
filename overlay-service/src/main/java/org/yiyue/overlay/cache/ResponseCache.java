package org.yiyue.overlay.cache;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Caffeine cache of rewritten pages and upstream assets, bounded by bytes ({@code yiyue.cache.max-bytes}, default
 * 64 MiB). Keys are {@link CacheKey} strings (site first, so purging by site is a prefix match); stale entries stay (up to {@code yiyue.cache.keep-stale})
 * so they can be revalidated with ETag / Last-Modified instead of refetched.
 */
@ApplicationScoped
public class ResponseCache {

    private Cache<String, CachedResponse> cache;
    private long maxEntryBytes;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder revalidated = new LongAdder();
    private final LongAdder stores = new LongAdder();

    @PostConstruct
    void init() {
        var config = ConfigProvider.getConfig();
        long maxBytes = config.getOptionalValue("yiyue.cache.max-bytes", Long.class).orElse(64L << 20);
        long keepStale = config.getOptionalValue("yiyue.cache.keep-stale-seconds", Long.class).orElse(3600L);
        maxEntryBytes = config.getOptionalValue("yiyue.cache.max-entry-bytes", Long.class).orElse(4L << 20);
        cache = build(maxBytes, Duration.ofSeconds(keepStale));
    }

    /** For tests without CDI. */
    public static ResponseCache create(long maxBytes, long maxEntryBytes, Duration keepStale) {
        ResponseCache c = new ResponseCache();
        c.cache = build(maxBytes, keepStale);
        c.maxEntryBytes = maxEntryBytes;
        return c;
    }

    private static Cache<String, CachedResponse> build(long maxBytes, Duration keepStale) {
        return Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((String k, CachedResponse v) -> k.length() * 2 + v.weight())
                .expireAfterWrite(keepStale)
                .build();
    }

    /** The stored form of a key; see {@link CacheKey} for what it holds and why. */
    public static String key(CacheKey key) {
        return key.asString();
    }

    public Optional<CachedResponse> get(String key) {
        CachedResponse r = cache.getIfPresent(key);
        if (r == null) {
            misses.increment();
        }
        return Optional.ofNullable(r);
    }

    public void countHit() {
        hits.increment();
    }

    public void countRevalidated() {
        revalidated.increment();
    }

    public long maxEntryBytes() {
        return maxEntryBytes;
    }

    public void put(String key, CachedResponse response) {
        if (response.weight() <= maxEntryBytes) {
            cache.put(key, response);
            stores.increment();
        }
    }

    /** Drops every entry of one site; returns how many went. */
    public long purge(String siteId) {
        String prefix = siteId + "|";
        long n = cache.asMap().keySet().stream().filter(k -> k.startsWith(prefix)).count();
        cache.asMap().keySet().removeIf(k -> k.startsWith(prefix));
        return n;
    }

    public long purgeAll() {
        long n = cache.estimatedSize();
        cache.invalidateAll();
        return n;
    }

    public record Stats(long entries, long bytes, long hits, long misses, long revalidated, long stores) {
    }

    public Stats stats() {
        long bytes = cache.asMap().entrySet().stream().mapToLong(e -> e.getKey().length() * 2L + e.getValue().weight()).sum();
        return new Stats(cache.estimatedSize(), bytes, hits.sum(), misses.sum(), revalidated.sum(), stores.sum());
    }
}
