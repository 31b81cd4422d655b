package org.yiyue.overlay.rewrite;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/** Undoes gzip/deflate content codings (deflate: zlib-wrapped per RFC, raw as some servers send) and gzips output. */
public final class ContentCoding {

    private ContentCoding() {
    }

    /** True for the codings we can decode: none, identity, gzip, x-gzip, deflate. */
    public static boolean decodable(String contentEncoding) {
        String e = normalize(contentEncoding);
        return e.isEmpty() || e.equals("identity") || e.equals("gzip") || e.equals("x-gzip") || e.equals("deflate");
    }

    /** A decoding view of a stream. */
    public static InputStream decoding(String contentEncoding, InputStream in) throws IOException {
        String e = normalize(contentEncoding);
        return switch (e) {
            case "", "identity" -> in;
            case "gzip", "x-gzip" -> new GZIPInputStream(in, 16384);
            case "deflate" -> deflate(in);
            default -> throw new IOException("unsupported content coding: " + e);
        };
    }

    public static byte[] decode(String contentEncoding, byte[] body) throws IOException {
        String e = normalize(contentEncoding);
        if (e.isEmpty() || e.equals("identity")) {
            return body;
        }
        try (InputStream in = decoding(e, new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }

    /**
     * Decodes at most {@code maxBytes}, and stops early once the output exceeds {@code maxRatio} times the input
     * (past the first MiB): inflation is streamed in 16 KiB steps, so a gzip bomb costs the limit, not its size.
     * Empty when a limit was hit — the caller then passes the original bytes through.
     */
    public static java.util.Optional<byte[]> decodeBounded(String contentEncoding, byte[] body, long maxBytes,
                                                           long maxRatio) throws IOException {
        String e = normalize(contentEncoding);
        if (e.isEmpty() || e.equals("identity")) {
            return body.length <= maxBytes ? java.util.Optional.of(body) : java.util.Optional.empty();
        }
        long ratioCap = Math.max(1L << 20, body.length * maxRatio);
        long cap = Math.min(maxBytes, ratioCap);
        try (InputStream in = decoding(e, new ByteArrayInputStream(body))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(body.length * 4 + 64, 1 << 20));
            byte[] buf = new byte[16384];
            int n;
            while ((n = in.read(buf)) > 0) {
                if (out.size() + (long) n > cap) {
                    return java.util.Optional.empty();
                }
                out.write(buf, 0, n);
            }
            return java.util.Optional.of(out.toByteArray());
        }
    }

    public static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
        try (GZIPOutputStream gz = new FastGzip(out)) {
            gz.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static InputStream deflate(InputStream in) throws IOException {
        // zlib streams start with 0x78; anything else is treated as raw deflate
        java.io.BufferedInputStream b = new java.io.BufferedInputStream(in, 16384);
        b.mark(2);
        int first = b.read();
        b.reset();
        return new InflaterInputStream(b, new Inflater(first != 0x78));
    }

    private static String normalize(String contentEncoding) {
        return contentEncoding == null ? "" : contentEncoding.trim().toLowerCase(Locale.ROOT);
    }

    /** gzip at speed level 1: rewritten pages are compressed per cache fill, not per request. */
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(ByteArrayOutputStream out) throws IOException {
            super(out, 8192);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}
