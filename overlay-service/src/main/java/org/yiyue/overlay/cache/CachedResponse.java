package org.yiyue.overlay.cache;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One stored response: status, the headers we send (already rewritten), the body as we send it for identity
 * clients, and a gzipped copy when the body is compressible. For upstream assets passed through as-is the body may
 * itself be encoded ({@code Content-Encoding} is then among the headers and {@code gzipBody} is empty).
 */
public record CachedResponse(int status, List<Map.Entry<String, String>> headers, byte[] body,
                             Optional<byte[]> gzipBody, Instant storedAt, Instant freshUntil,
                             Optional<String> etag, Optional<String> lastModified) {

    public boolean fresh(Instant now) {
        return now.isBefore(freshUntil);
    }

    public boolean revalidatable() {
        return etag.isPresent() || lastModified.isPresent();
    }

    public CachedResponse refreshed(Instant now, Instant until) {
        return new CachedResponse(status, headers, body, gzipBody, now, until, etag, lastModified);
    }

    /** Bytes held, for the cache's weight bound. */
    public int weight() {
        int h = headers.stream().mapToInt(e -> e.getKey().length() + e.getValue().length() + 16).sum();
        return body.length + gzipBody.map(b -> b.length).orElse(0) + h + 128;
    }
}
