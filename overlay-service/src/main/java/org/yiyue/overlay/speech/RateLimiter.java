package org.yiyue.overlay.speech;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import javax.cache.Cache;

import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Token bucket per client: {@code capacity} requests at once, refilled at {@code perMinute}. Buckets of idle
 * clients are forgotten after ten minutes. The buckets live in this JVM (at most 100 000 clients) or, in a cluster,
 * in a JCache cache of the data grid, so a client cannot multiply its allowance by the number of instances behind
 * the balancer.
 */
public final class RateLimiter {

    static final Duration IDLE = Duration.ofMinutes(10);

    private final int capacity;
    private final double perNano;
    private final Buckets buckets;

    /** One client's bucket: tokens left at time {@code at} (nanoseconds on the limiter's clock). */
    record Bucket(double tokens, long at) {
    }

    /** Where buckets live; {@code update} refills and takes, returning null when the bucket is empty. */
    private interface Buckets {
        boolean take(String client, long now, RateLimiter limits);
    }

    public RateLimiter(int capacity, int perMinute) {
        this(capacity, perMinute, new LocalBuckets());
    }

    /** Buckets shared by the cluster: {@code cache} is a grid cache of strings, entries expire when idle. */
    public static RateLimiter shared(int capacity, int perMinute, Cache<String, String> cache) {
        return new RateLimiter(capacity, perMinute, new GridBuckets(cache));
    }

    private RateLimiter(int capacity, int perMinute, Buckets buckets) {
        this.capacity = capacity;
        this.perNano = perMinute / 60e9;
        this.buckets = buckets;
    }

    /** Takes one token; false when the client has used up its allowance. */
    public boolean tryAcquire(String client) {
        // the grid's members share no nanoTime origin: the wall clock is the common time base there
        long now = buckets instanceof GridBuckets ? TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis())
                : System.nanoTime();
        return tryAcquire(client, now);
    }

    boolean tryAcquire(String client, long now) {
        return buckets.take(client, now, this);
    }

    /** The bucket after refilling to {@code now} and taking one token; null when no whole token is left. */
    Bucket takeOne(Bucket b, long now) {
        Bucket current = b == null ? new Bucket(capacity, now) : b;
        double tokens = Math.min(capacity, current.tokens() + Math.max(0, now - current.at()) * perNano);
        return tokens >= 1 ? new Bucket(tokens - 1, now) : null;
    }

    /** Seconds until one token is back, for Retry-After. */
    public long retryAfterSeconds() {
        return Math.max(1, (long) Math.ceil(1 / (perNano * 1e9)));
    }

    private static final class LocalBuckets implements Buckets {
        private final com.github.benmanes.caffeine.cache.Cache<String, Bucket> cache = Caffeine.newBuilder()
                .expireAfterAccess(IDLE).maximumSize(100_000).build();

        @Override
        public boolean take(String client, long now, RateLimiter limits) {
            boolean[] taken = {false};
            cache.asMap().compute(client, (k, b) -> {
                Bucket next = limits.takeOne(b, now);
                taken[0] = next != null;
                return next != null ? next : b == null ? new Bucket(0, now) : b;
            });
            return taken[0];
        }
    }

    /** Compare-and-set on the grid entry ("tokens:at"), retried a few times under contention. */
    private static final class GridBuckets implements Buckets {
        private final Cache<String, String> cache;

        GridBuckets(Cache<String, String> cache) {
            this.cache = cache;
        }

        @Override
        public boolean take(String client, long now, RateLimiter limits) {
            for (int attempt = 0; attempt < 16; attempt++) {
                String old = cache.get(client);
                Bucket next = limits.takeOne(old == null ? null : parse(old), now);
                if (next == null) {
                    return false;
                }
                String value = next.tokens() + ":" + next.at();
                if (old == null ? cache.putIfAbsent(client, value) : cache.replace(client, old, value)) {
                    return true;
                }
            }
            return true; // heavy contention on one client's bucket: fail open rather than refuse speech
        }

        private static Bucket parse(String s) {
            int colon = s.indexOf(':');
            return new Bucket(Double.parseDouble(s.substring(0, colon)), Long.parseLong(s.substring(colon + 1)));
        }
    }
}
