package org.yiyue.audit.crawl;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Hands out request slots per site at least {@code delay} apart, however many fetch threads ask. */
final class Politeness {

    private final long delayNanos;
    private final Map<String, Long> nextFree = new HashMap<>();

    Politeness(Duration delay) {
        this.delayNanos = delay.toNanos();
    }

    void await(URI url) throws InterruptedException {
        if (delayNanos <= 0) {
            return;
        }
        String key = url.getScheme() + "://" + url.getHost() + ":" + UrlNormalizer.effectivePort(url);
        long slot;
        synchronized (this) {
            long now = System.nanoTime();
            slot = Math.max(now, nextFree.getOrDefault(key, now));
            nextFree.put(key, slot + delayNanos);
        }
        long wait = slot - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }
}
