package org.yiyue.overlay.rewrite;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Counts every declared fix the overlay applied, per site and page, so the audit can list them as the site's debt.
 * In memory per instance (numbers restart with the service); bounded to {@value #MAX_PAGES} pages per site.
 */
@ApplicationScoped
public class FixLedger {

    static final int MAX_PAGES = 5000;

    /** Totals for one fix on one page. */
    public record Entry(String path, String fixId, String type, String description, long timesApplied,
                        int lastElements, Instant lastApplied) {
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

    private final Map<String, Map<Key, Counter>> bySite = new ConcurrentHashMap<>();

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
            c.last = Instant.now();
        }
    }

    public List<Entry> entries(String siteId) {
        List<Entry> out = new ArrayList<>();
        bySite.getOrDefault(siteId, Map.of()).forEach((k, c) -> out.add(
                new Entry(k.path(), k.fixId(), c.type, c.description, c.times.get(), c.lastElements, c.last)));
        out.sort((a, b) -> a.path().equals(b.path()) ? a.fixId().compareTo(b.fixId()) : a.path().compareTo(b.path()));
        return out;
    }

    public long total() {
        return bySite.values().stream().flatMap(m -> m.values().stream()).mapToLong(c -> c.times.get()).sum();
    }
}
