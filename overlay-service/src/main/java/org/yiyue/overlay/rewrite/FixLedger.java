package org.yiyue.overlay.rewrite;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.cache.Cache;
import javax.cache.expiry.EternalExpiryPolicy;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.yiyue.overlay.cluster.Bytes;
import org.yiyue.overlay.cluster.DataGrid;

/**
 * Counts every declared fix the overlay applied, per site and page, so the audit can list them as the site's debt.
 * Each instance counts its own applications in memory (bounded to {@value #MAX_PAGES} pages per site); in a
 * cluster it also publishes its counts per site to the data grid (debounced, at most every
 * {@value #PUBLISH_DELAY_MS} ms), and {@link #entries} adds up every instance's counts, naming each instance.
 */
@ApplicationScoped
public class FixLedger {

    static final int MAX_PAGES = 5000;
    static final long PUBLISH_DELAY_MS = 300;
    private static final Logger LOG = Logger.getLogger(FixLedger.class.getName());

    /** Totals for one fix on one page, over every instance; {@code byNode} says how many times each applied it. */
    public record Entry(String path, String fixId, String type, String description, long timesApplied,
                        int lastElements, Instant lastApplied, Map<String, Long> byNode) {
    }

    private record Key(String path, String fixId) {
    }

    private static final class Counter {
        final String type;
        final String description;
        final AtomicLong times = new AtomicLong();
        volatile int lastElements;
        volatile Instant last;

        Counter(String type, String description) {
            this.type = type;
            this.description = description;
        }
    }

    @Inject
    DataGrid grid;
    @Resource
    ManagedScheduledExecutorService scheduler;

    private final Map<String, Map<Key, Counter>> bySite = new ConcurrentHashMap<>();
    private final Set<String> dirty = ConcurrentHashMap.newKeySet();
    private Cache<String, byte[]> shared;

    @PostConstruct
    void init() {
        if (grid != null && grid.clustered()) {
            shared = grid.openCache("yiyue-fix-ledger", byte[].class, EternalExpiryPolicy.factoryOf(), 100_000);
        }
    }

    private String node() {
        return grid == null ? "local" : grid.nodeId();
    }

    public void record(String siteId, String path, List<FixApplier.Applied> applied) {
        Map<Key, Counter> site = bySite.computeIfAbsent(siteId, k -> new ConcurrentHashMap<>());
        for (FixApplier.Applied a : applied) {
            if (a.elements() == 0) {
                continue;
            }
            Key key = new Key(path, a.fixId());
            if (!site.containsKey(key) && site.size() >= MAX_PAGES) {
                continue;
            }
            Counter c = site.computeIfAbsent(key, k -> new Counter(a.type(), a.description()));
            c.times.incrementAndGet();
            c.lastElements = a.elements();
            c.last = Instant.now().truncatedTo(ChronoUnit.MILLIS); // as the grid copy keeps it
        }
        if (shared != null && dirty.add(siteId)) {
            scheduler.schedule(() -> publish(siteId), PUBLISH_DELAY_MS, TimeUnit.MILLISECONDS);
        }
    }

    private void publish(String siteId) {
        dirty.remove(siteId);
        try {
            shared.put(siteId + "|" + node(), encode(own(siteId)));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "fix ledger not published to the data grid", e);
        }
    }

    private List<Entry> own(String siteId) {
        List<Entry> out = new ArrayList<>();
        bySite.getOrDefault(siteId, Map.of()).forEach((k, c) -> out.add(new Entry(k.path(), k.fixId(), c.type,
                c.description, c.times.get(), c.lastElements, c.last, Map.of(node(), c.times.get()))));
        return out;
    }

    /** Every instance's applications of fixes on this site, added up per page and fix. */
    public List<Entry> entries(String siteId) {
        Map<Key, Entry> merged = new LinkedHashMap<>();
        own(siteId).forEach(e -> merge(merged, e));
        if (shared != null) {
            String prefix = siteId + "|";
            String mine = prefix + node();
            for (Cache.Entry<String, byte[]> e : shared) {
                if (e.getKey().startsWith(prefix) && !e.getKey().equals(mine)) {
                    decode(e.getKey().substring(prefix.length()), e.getValue()).forEach(x -> merge(merged, x));
                }
            }
        }
        List<Entry> out = new ArrayList<>(merged.values());
        out.sort((a, b) -> a.path().equals(b.path()) ? a.fixId().compareTo(b.fixId()) : a.path().compareTo(b.path()));
        return out;
    }

    private static void merge(Map<Key, Entry> into, Entry e) {
        into.merge(new Key(e.path(), e.fixId()), e, (a, b) -> {
            Map<String, Long> nodes = new TreeMap<>(a.byNode());
            b.byNode().forEach((n, t) -> nodes.merge(n, t, Long::sum));
            Entry later = a.lastApplied().isAfter(b.lastApplied()) ? a : b;
            return new Entry(a.path(), a.fixId(), a.type(), a.description(), a.timesApplied() + b.timesApplied(),
                    later.lastElements(), later.lastApplied(), Collections.unmodifiableMap(nodes));
        });
    }

    /** Applications counted by this instance (all sites). */
    public long total() {
        return bySite.values().stream().flatMap(m -> m.values().stream()).mapToLong(c -> c.times.get()).sum();
    }

    private static byte[] encode(List<Entry> entries) {
        return Bytes.write(out -> {
            out.writeInt(entries.size());
            for (Entry e : entries) {
                Bytes.string(out, e.path());
                Bytes.string(out, e.fixId());
                Bytes.string(out, e.type());
                Bytes.string(out, e.description());
                out.writeLong(e.timesApplied());
                out.writeInt(e.lastElements());
                out.writeLong(e.lastApplied().toEpochMilli());
            }
        });
    }

    private static List<Entry> decode(String node, byte[] bytes) {
        return Bytes.read(bytes, in -> {
            int n = in.readInt();
            List<Entry> out = new ArrayList<>(Math.min(n, MAX_PAGES));
            for (int i = 0; i < n; i++) {
                String path = Bytes.string(in);
                String fixId = Bytes.string(in);
                String type = Bytes.string(in);
                String description = Bytes.string(in);
                long times = in.readLong();
                int elements = in.readInt();
                Instant last = Instant.ofEpochMilli(in.readLong());
                out.add(new Entry(path, fixId, type, description, times, elements, last, Map.of(node, times)));
            }
            return out;
        });
    }
}
