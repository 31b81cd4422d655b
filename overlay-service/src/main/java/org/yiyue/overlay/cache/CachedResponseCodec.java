package org.yiyue.overlay.cache;

import java.io.DataInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.yiyue.overlay.cluster.Bytes;
import org.yiyue.overlay.cluster.Codec;

/**
 * A {@link CachedResponse} as bytes for the data grid. The first byte is a format version: an entry written by
 * another version of the service fails to decode and counts as a miss.
 */
public final class CachedResponseCodec implements Codec<CachedResponse> {

    private static final int VERSION = 1;

    @Override
    public byte[] encode(CachedResponse r) {
        return Bytes.write(out -> {
            out.writeByte(VERSION);
            out.writeShort(r.status());
            out.writeInt(r.headers().size());
            for (Map.Entry<String, String> h : r.headers()) {
                Bytes.string(out, h.getKey());
                Bytes.string(out, h.getValue());
            }
            Bytes.bytes(out, r.body());
            out.writeBoolean(r.gzipBody().isPresent());
            if (r.gzipBody().isPresent()) {
                Bytes.bytes(out, r.gzipBody().get());
            }
            instant(out, r.storedAt());
            instant(out, r.freshUntil());
            Bytes.optionalString(out, r.etag());
            Bytes.optionalString(out, r.lastModified());
        });
    }

    @Override
    public CachedResponse decode(byte[] bytes) {
        return Bytes.read(bytes, in -> {
            if (in.readByte() != VERSION) {
                throw new IOException("unknown format version");
            }
            int status = in.readShort();
            int n = in.readInt();
            List<Map.Entry<String, String>> headers = new ArrayList<>(Math.min(n, 256));
            for (int i = 0; i < n; i++) {
                headers.add(Map.entry(Bytes.string(in), Bytes.string(in)));
            }
            byte[] body = Bytes.bytes(in);
            Optional<byte[]> gzip = in.readBoolean() ? Optional.of(Bytes.bytes(in)) : Optional.empty();
            Instant storedAt = instant(in);
            Instant freshUntil = instant(in);
            return new CachedResponse(status, List.copyOf(headers), body, gzip, storedAt, freshUntil,
                    Bytes.optionalString(in), Bytes.optionalString(in));
        });
    }

    private static void instant(java.io.DataOutputStream out, Instant t) throws IOException {
        out.writeLong(t.getEpochSecond());
        out.writeInt(t.getNano());
    }

    private static Instant instant(DataInputStream in) throws IOException {
        return Instant.ofEpochSecond(in.readLong(), in.readInt());
    }
}
