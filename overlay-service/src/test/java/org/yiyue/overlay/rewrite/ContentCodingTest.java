package org.yiyue.overlay.rewrite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

/** Streamed, bounded inflation: a gzip bomb costs the limit, not its inflated size (the old decode read it all). */
class ContentCodingTest {

    /** Concatenated gzip members (which gzip readers must accept) of 64 MiB of spaces each: cheap to build. */
    static byte[] bomb(long inflatedBytes) throws Exception {
        long unit = Math.min(inflatedBytes, 64L << 20);
        ByteArrayOutputStream member = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(member, 65536) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            byte[] chunk = new byte[1 << 20];
            java.util.Arrays.fill(chunk, (byte) ' ');
            for (long i = 0; i < unit >> 20; i++) {
                gz.write(chunk);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (long i = 0; i < inflatedBytes / unit; i++) {
            member.writeTo(out);
        }
        return out.toByteArray();
    }

    private static long heapPeak() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    @Test
    void aOneGigabyteBombStopsAtTheLimitWithBoundedHeap() throws Exception {
        byte[] bomb = bomb(1L << 30);
        System.gc();
        resetPeaks();
        long before = heapPeak();
        Optional<byte[]> decoded = ContentCoding.decodeBounded("gzip", bomb, 16L << 20, 100);
        long growth = heapPeak() - before;
        System.out.printf("gzip bomb %d KiB -> 1 GiB: decodeBounded stopped, heap peak growth %d MiB (limit 16 MiB)%n",
                bomb.length >> 10, growth >> 20);
        assertTrue(decoded.isEmpty(), "over the limit: the caller passes the original bytes");
        assertTrue(growth < 160L << 20, "heap growth bounded by the limit, not the bomb: " + (growth >> 20) + " MiB");
    }

    @Test
    void ratioGuardStopsEarlierThanTheSizeLimitAndNormalPagesDecode() throws Exception {
        byte[] bomb = bomb(8L << 20); // ~8 KiB of gzip for 8 MiB: ratio ~1000
        assertTrue(ContentCoding.decodeBounded("gzip", bomb, 64L << 20, 100).isEmpty());
        byte[] page = "<html><head><title>政务</title></head><body>河源</body></html>".repeat(2000)
                .getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(page, ContentCoding.decodeBounded("gzip", ContentCoding.gzip(page), 16L << 20, 100)
                .orElseThrow(), "a repetitive real-size page is far under the ratio guard's 1 MiB floor");
    }
}
