package org.yiyue.overlay.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class CachedResponseCodecTest {

    private final CachedResponseCodec codec = new CachedResponseCodec();

    @Test
    void everyFieldSurvivesTheGrid() {
        String big = "河源".repeat(40_000); // a header value longer than DataOutput.writeUTF allows
        CachedResponse r = new CachedResponse(200,
                List.of(Map.entry("Content-Type", "text/html; charset=gbk"), Map.entry("X-Long", big)),
                "<p>河源市人民政府</p>".getBytes(StandardCharsets.UTF_8), Optional.of(new byte[] {31, -117, 8, 0}),
                Instant.parse("2026-12-06T01:02:03.123456789Z"), Instant.parse("2026-12-06T02:02:03Z"),
                Optional.of("\"v1\""), Optional.empty());
        CachedResponse back = codec.decode(codec.encode(r));
        assertEquals(r.status(), back.status());
        assertEquals(r.headers(), back.headers());
        assertArrayEquals(r.body(), back.body());
        assertArrayEquals(r.gzipBody().orElseThrow(), back.gzipBody().orElseThrow());
        assertEquals(r.storedAt(), back.storedAt());
        assertEquals(r.freshUntil(), back.freshUntil());
        assertEquals(r.etag(), back.etag());
        assertTrue(back.lastModified().isEmpty());
    }

    @Test
    void truncatedOrForeignBytesAreRefusedNotMisread() {
        byte[] ok = codec.encode(new CachedResponse(200, List.of(), new byte[100], Optional.empty(), Instant.EPOCH,
                Instant.EPOCH, Optional.empty(), Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> codec.decode(Arrays.copyOf(ok, 20)));
        byte[] otherVersion = ok.clone();
        otherVersion[0] = 99;
        assertThrows(IllegalArgumentException.class, () -> codec.decode(otherVersion));
    }
}
