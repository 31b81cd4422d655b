package org.yiyue.overlay.cluster;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/** Single-instance storage: a Caffeine cache bounded by bytes, entries dropped {@code expireAfterWrite} after storing. */
public final class LocalCache<V> implements SharedCache<V> {

    private final Cache<String, V> cache;
    private final Weigher<V> weigher;

    public LocalCache(long maxBytes, Duration expireAfterWrite, Weigher<V> weigher) {
        this.weigher = weigher;
        this.cache = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((String k, V v) -> weight(k, v))
                .expireAfterWrite(expireAfterWrite)
                .build();
    }

    private int weight(String key, V value) {
        return key.length() * 2 + weigher.weigh(value);
    }

    @Override
    public V get(String key) {
        return cache.getIfPresent(key);
    }

    @Override
    public void put(String key, V value) {
        cache.put(key, value);
    }

    @Override
    public long removeByPrefix(String prefix) {
        long[] n = {0};
        cache.asMap().keySet().removeIf(k -> k.startsWith(prefix) && ++n[0] > 0);
        return n[0];
    }

    @Override
    public long clear() {
        long n = cache.estimatedSize();
        cache.invalidateAll();
        return n;
    }

    @Override
    public long size() {
        return cache.estimatedSize();
    }

    @Override
    public long localWeight() {
        return cache.asMap().entrySet().stream().mapToLong(e -> weight(e.getKey(), e.getValue())).sum();
    }
}
