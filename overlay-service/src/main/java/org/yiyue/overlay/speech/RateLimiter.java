package org.yiyue.overlay.speech;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Token bucket per client: {@code capacity} requests at once, refilled at {@code perMinute}. Buckets of idle
 * clients are forgotten after ten minutes, and at most 100 000 clients are tracked.
 */
public final class RateLimiter {

    private final int capacity;
    private final double perNano;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10)).maximumSize(100_000).build();

    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }

    public RateLimiter(int capacity, int perMinute) {
        this.capacity = capacity;
        this.perNano = perMinute / 60e9;
    }

    /** Takes one token; false when the client has used up its allowance. */
    public boolean tryAcquire(String client) {
        return tryAcquire(client, System.nanoTime());
    }

    boolean tryAcquire(String client, long now) {
        Bucket b = buckets.get(client, k -> new Bucket(capacity, now));
        synchronized (b) {
            b.tokens = Math.min(capacity, b.tokens + (now - b.at) * perNano);
            b.at = now;
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return true;
            }
            return false;
        }
    }

    /** Seconds until one token is back, for Retry-After. */
    public long retryAfterSeconds() {
        return Math.max(1, (long) Math.ceil(1 / (perNano * 1e9)));
    }
}
