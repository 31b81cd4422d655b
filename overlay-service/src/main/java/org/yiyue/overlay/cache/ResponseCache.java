package org.yiyue.overlay.cache;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.yiyue.overlay.cluster.DataGrid;
import org.yiyue.overlay.cluster.GridCache;
import org.yiyue.overlay.cluster.LocalCache;
import org.yiyue.overlay.cluster.SharedCache;

/**
 * Cache of rewritten pages and upstream assets, bounded by bytes in this JVM ({@code yiyue.cache.max-bytes}, default
 * 64 MiB). Keys are {@link CacheKey} strings (site first, so purging by site is a prefix match); stale entries stay
 * (up to {@code yiyue.cache.keep-stale}) so they can be revalidated with ETag / Last-Modified instead of refetched.
 * Where the entries live is the {@link SharedCache}'s business: Caffeine in this JVM for a single instance, the
 * cluster's data grid (bytes, with Caffeine as near cache) when Payara Micro runs clustered, so a page stored through
 * one instance is a hit on all.
 */
@ApplicationScoped
public class ResponseCache {

    @Inject
    DataGrid grid;

    private SharedCache<CachedResponse> cache;
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
        cache = grid != null && grid.clustered()
                ? new GridCache<>(grid, "yiyue-responses", maxBytes, Duration.ofSeconds(keepStale),
                        config.getOptionalValue("yiyue.cache.grid-max-entries", Integer.class).orElse(10_000),
                        CachedResponse::weight, new CachedResponseCodec())
                : build(maxBytes, Duration.ofSeconds(keepStale));
    }

    /** For tests without CDI. */
    public static ResponseCache create(long maxBytes, long maxEntryBytes, Duration keepStale) {
        ResponseCache c = new ResponseCache();
        c.cache = build(maxBytes, keepStale);
        c.maxEntryBytes = maxEntryBytes;
        return c;
    }

    private static SharedCache<CachedResponse> build(long maxBytes, Duration keepStale) {
        return new LocalCache<>(maxBytes, keepStale, CachedResponse::weight);
    }

    /** The stored form of a key; see {@link CacheKey} for what it holds and why. */
    public static String key(CacheKey key) {
        return key.asString();
    }

    public Optional<CachedResponse> get(String key) {
        CachedResponse r = cache.get(key);
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

    /** Drops every entry of one site, on every instance of the cluster; returns how many went. */
    public long purge(String siteId) {
        return cache.removeByPrefix(siteId + "|");
    }

    public long purgeAll() {
        return cache.clear();
    }

    public record Stats(long entries, long bytes, long hits, long misses, long revalidated, long stores) {
    }

    public Stats stats() {
        return new Stats(cache.size(), cache.localWeight(), hits.sum(), misses.sum(), revalidated.sum(), stores.sum());
    }
}
