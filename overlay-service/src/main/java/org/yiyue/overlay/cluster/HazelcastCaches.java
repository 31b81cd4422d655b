package org.yiyue.overlay.cluster;

import javax.cache.Cache;
import javax.cache.configuration.Configuration;
import javax.cache.configuration.Factory;
import javax.cache.expiry.ExpiryPolicy;

import com.hazelcast.cache.ICache;
import com.hazelcast.config.CacheConfig;
import com.hazelcast.config.EvictionConfig;
import com.hazelcast.config.EvictionPolicy;
import com.hazelcast.config.MaxSizePolicy;

/**
 * What plain JCache cannot say about a grid cache: a size bound (Hazelcast evicts least-recently-used entries beyond
 * an entry count per member) and the entry count itself.
 */
final class HazelcastCaches {

    private HazelcastCaches() {
    }

    static <V> Configuration<String, V> config(Class<V> type, Factory<? extends ExpiryPolicy> expiry,
                                               int maxEntriesPerMember) {
        CacheConfig<String, V> c = new CacheConfig<>();
        c.setTypes(String.class, type);
        c.setStoreByValue(true);
        c.setExpiryPolicyFactory(expiry);
        c.setEvictionConfig(new EvictionConfig().setSize(maxEntriesPerMember)
                .setMaxSizePolicy(MaxSizePolicy.ENTRY_COUNT).setEvictionPolicy(EvictionPolicy.LRU));
        return c;
    }

    static long size(Cache<?, ?> cache) {
        return cache.unwrap(ICache.class).size();
    }
}
