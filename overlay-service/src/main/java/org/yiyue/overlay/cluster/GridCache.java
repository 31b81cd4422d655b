package org.yiyue.overlay.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.cache.Cache;
import javax.cache.expiry.CreatedExpiryPolicy;

/**
 * A cache shared by the cluster: values live encoded in a JCache cache of Payara's data grid (each entry on its
 * owning member plus one backup, so a member's death loses nothing), and a Caffeine near cache in front keeps the
 * hot entries decoded in this JVM. Removals are broadcast on a grid topic so every member drops its near copies;
 * a value replaced by another member may be served from the near cache until it expires there (the HTTP freshness
 * rules of the callers still apply to it).
 */
public final class GridCache<V> implements SharedCache<V> {

    private static final Logger LOG = Logger.getLogger(GridCache.class.getName());

    private final String name;
    private final Cache<String, byte[]> grid;
    private final LocalCache<V> near;
    private final Codec<V> codec;
    private final DataGrid dataGrid;

    /**
     * @param nearBytes        byte bound of the near cache in this JVM
     * @param expireAfterWrite how long an entry stays after it was stored, in the grid and near
     * @param maxEntries       entries each member keeps of the grid cache before evicting the least recently used
     */
    public GridCache(DataGrid dataGrid, String name, long nearBytes, Duration expireAfterWrite, int maxEntries,
                     Weigher<V> weigher, Codec<V> codec) {
        this.name = name;
        this.dataGrid = dataGrid;
        this.codec = codec;
        this.near = new LocalCache<>(nearBytes, expireAfterWrite, weigher);
        this.grid = dataGrid.openCache(name, byte[].class, CreatedExpiryPolicy.factoryOf(
                new javax.cache.expiry.Duration(TimeUnit.SECONDS, Math.max(1, expireAfterWrite.toSeconds()))),
                maxEntries);
        dataGrid.subscribe(topic(), near::removeByPrefix);
    }

    private String topic() {
        return "yiyue-invalidate-" + name;
    }

    @Override
    public V get(String key) {
        V v = near.get(key);
        if (v != null) {
            return v;
        }
        byte[] bytes = grid.get(key);
        if (bytes == null) {
            return null;
        }
        try {
            v = codec.decode(bytes);
        } catch (RuntimeException e) {
            // written by another version of the service: treat as a miss, the caller stores a fresh one
            LOG.log(Level.WARNING, "undecodable entry in " + name + " dropped", e);
            grid.remove(key);
            return null;
        }
        near.put(key, v);
        return v;
    }

    @Override
    public void put(String key, V value) {
        near.put(key, value);
        grid.put(key, codec.encode(value));
    }

    @Override
    public long removeByPrefix(String prefix) {
        Set<String> keys = new HashSet<>();
        for (Iterator<Cache.Entry<String, byte[]>> it = grid.iterator(); it.hasNext(); ) {
            Cache.Entry<String, byte[]> e = it.next();
            if (e != null && e.getKey().startsWith(prefix)) {
                keys.add(e.getKey());
            }
        }
        grid.removeAll(keys);
        dataGrid.publish(topic(), prefix, near::removeByPrefix);
        return keys.size();
    }

    @Override
    public long clear() {
        long n = size();
        grid.removeAll();
        dataGrid.publish(topic(), "", near::removeByPrefix);
        return n;
    }

    @Override
    public long size() {
        return HazelcastCaches.size(grid);
    }

    @Override
    public long localWeight() {
        return near.localWeight();
    }

    /** Keys currently in the grid (for tests and diagnostics; walks the whole cache). */
    public List<String> keys() {
        List<String> out = new ArrayList<>();
        grid.forEach(e -> out.add(e.getKey()));
        return out;
    }
}
