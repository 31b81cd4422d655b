package org.yiyue.overlay.cache;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Shared-cache rules (RFC 9111, the strict subset we need): only GET 200 responses with explicit freshness
 * ({@code s-maxage}, {@code max-age} or {@code Expires}) are stored; {@code no-store}, {@code private},
 * {@code no-cache}, {@code Set-Cookie}, {@code Authorization} on the request, and {@code Vary} on anything but
 * Accept-Encoding all prevent storing. No heuristic freshness: a page that says nothing is never cached.
 */
public final class CachePolicy {

    private CachePolicy() {
    }

    /** May this request be answered from, or stored into, the shared cache? */
    public static boolean requestCacheable(String method, Map<String, List<String>> requestHeaders) {
        if (!"GET".equals(method)) {
            return false;
        }
        if (has(requestHeaders, "authorization")) {
            return false;
        }
        return !directives(requestHeaders, "cache-control").contains("no-store");
    }

    /** Client asked us to revalidate (no-cache / max-age=0): skip the lookup, storing is still fine. */
    public static boolean clientWantsFresh(Map<String, List<String>> requestHeaders) {
        String cc = String.join(",", values(requestHeaders, "cache-control")).toLowerCase(Locale.ROOT);
        String pragma = String.join(",", values(requestHeaders, "pragma")).toLowerCase(Locale.ROOT);
        return cc.contains("no-cache") || cc.replace(" ", "").contains("max-age=0") || pragma.contains("no-cache");
    }

    /** How long a response stays fresh in a shared cache; empty = do not store. */
    public static Optional<Duration> freshness(int status, Map<String, List<String>> responseHeaders, Instant now) {
        if (status != 200 || has(responseHeaders, "set-cookie")) {
            return Optional.empty();
        }
        for (String vary : values(responseHeaders, "vary")) {
            for (String v : vary.split(",")) {
                if (!v.isBlank() && !v.trim().equalsIgnoreCase("accept-encoding")) {
                    return Optional.empty();
                }
            }
        }
        String cc = String.join(",", values(responseHeaders, "cache-control")).toLowerCase(Locale.ROOT);
        List<String> d = List.of(cc.replace(" ", "").split(","));
        if (d.contains("no-store") || d.stream().anyMatch(x -> x.startsWith("private"))
                || d.stream().anyMatch(x -> x.startsWith("no-cache"))) {
            return Optional.empty();
        }
        Optional<Long> seconds = seconds(d, "s-maxage=").or(() -> seconds(d, "max-age="));
        if (seconds.isPresent()) {
            return seconds.get() > 0 ? Optional.of(Duration.ofSeconds(seconds.get())) : Optional.empty();
        }
        Optional<Instant> expires = date(responseHeaders, "expires");
        if (expires.isPresent()) {
            Instant base = date(responseHeaders, "date").orElse(now);
            Duration ttl = Duration.between(base, expires.get());
            return ttl.isNegative() || ttl.isZero() ? Optional.empty() : Optional.of(ttl);
        }
        return Optional.empty();
    }

    /**
     * A response without explicit freshness that may still be stored to be revalidated on every use (RFC 9111
     * §4.3): 200, a validator (ETag or Last-Modified), no Set-Cookie, no no-store/private, no Vary beyond
     * Accept-Encoding. The upstream is asked each time (If-None-Match / If-Modified-Since); a 304 lets us send the
     * stored, already rewritten and compressed bytes instead of fetching, rewriting and compressing them again.
     */
    public static boolean storableForRevalidation(int status, Map<String, List<String>> responseHeaders) {
        if (status != 200 || has(responseHeaders, "set-cookie")
                || !has(responseHeaders, "etag") && !has(responseHeaders, "last-modified")) {
            return false;
        }
        for (String vary : values(responseHeaders, "vary")) {
            for (String v : vary.split(",")) {
                if (!v.isBlank() && !v.trim().equalsIgnoreCase("accept-encoding")) {
                    return false;
                }
            }
        }
        List<String> d = directives(responseHeaders, "cache-control");
        return !d.contains("no-store") && d.stream().noneMatch(x -> x.startsWith("private"));
    }

    private static Optional<Long> seconds(List<String> directives, String prefix) {
        for (String d : directives) {
            if (d.startsWith(prefix)) {
                try {
                    return Optional.of(Long.parseLong(d.substring(prefix.length()).replace("\"", "")));
                } catch (NumberFormatException e) {
                    return Optional.of(0L);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Instant> date(Map<String, List<String>> headers, String name) {
        List<String> v = values(headers, name);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZonedDateTime.parse(v.get(0).trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            // RFC 9111: an invalid Expires means already expired
            return name.equals("expires") ? Optional.of(Instant.EPOCH) : Optional.empty();
        }
    }

    private static List<String> directives(Map<String, List<String>> headers, String name) {
        return List.of(String.join(",", values(headers, name)).toLowerCase(Locale.ROOT).replace(" ", "").split(","));
    }

    static boolean has(Map<String, List<String>> headers, String name) {
        return !values(headers, name).isEmpty();
    }

    static List<String> values(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return List.of();
    }
}
