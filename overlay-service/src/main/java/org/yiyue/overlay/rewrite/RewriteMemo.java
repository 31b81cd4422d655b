package org.yiyue.overlay.rewrite;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The rewritten and compressed bytes of an HTML document, reused when the upstream sends a byte-identical body
 * again — also for pages that may not be cached (most government pages carry neither freshness nor validators, so
 * without this every view would be decoded, rewritten and compressed anew). Sound because {@link HtmlRewriter} is a
 * pure function of its input: an entry is found by a SHA-256 over every other input (site configuration
 * fingerprint, path, type, coding, CSP headers, origin mappings, toolbar tag) and used only when the upstream's
 * bytes as received equal the ones it was made from (compared in full: no hash of the body can collide). The
 * request still goes to the upstream every time. An output that carries this response's fresh CSP nonce is never
 * kept: a nonce must not be served twice. Bounded by bytes in this JVM ({@code yiyue.rewrite.memo-bytes}).
 */
public final class RewriteMemo {

    /**
     * A document as we send it, made from {@code upstreamBody}: the rewrite's output and, for bodies of 512 bytes
     * and more, its gzip.
     */
    public record Rewritten(byte[] upstreamBody, HtmlRewriter.Output output, Optional<byte[]> gzip) {
        int weight() {
            return upstreamBody.length + output.page().length + gzip.map(g -> g.length).orElse(0) + 256;
        }
    }

    private final Cache<ByteBuffer, Rewritten> entries;

    public RewriteMemo(long maxBytes) {
        entries = Caffeine.newBuilder()
                .maximumWeight(Math.max(0, maxBytes))
                .weigher((ByteBuffer k, Rewritten v) -> v.weight())
                .build();
    }

    /** Where the rewrite of one response is kept: a digest of all it depends on but the body. */
    public static ByteBuffer key(String siteFingerprint, HtmlRewriter.Input in, String contentCoding) {
        MessageDigest d = sha256();
        field(d, in.site().id());
        field(d, siteFingerprint);
        field(d, in.path());
        field(d, in.contentType());
        field(d, contentCoding);
        field(d, String.join("\n", in.cspHeaders()));
        field(d, in.origins().toString());
        field(d, in.toolbar().url() + " " + in.toolbar().integrity().orElse("-"));
        return ByteBuffer.wrap(d.digest());
    }

    /** The kept rewrite, if it was made from exactly these upstream bytes. */
    public Optional<Rewritten> get(ByteBuffer key, byte[] upstreamBody) {
        Rewritten r = entries.getIfPresent(key);
        return r != null && Arrays.equals(r.upstreamBody(), upstreamBody) ? Optional.of(r) : Optional.empty();
    }

    /** Keeps a document's rewrite unless it used {@code freshNonce} (then every response needs its own). */
    public void put(ByteBuffer key, Rewritten rewritten, String freshNonce) {
        byte[] nonce = freshNonce.getBytes(StandardCharsets.US_ASCII);
        if (contains(rewritten.output().page(), nonce)
                || rewritten.output().cspHeaders().stream().anyMatch(h -> h.contains(freshNonce))) {
            return;
        }
        entries.put(key, rewritten);
    }

    /** Runs pending evictions now (for tests and metrics; Caffeine otherwise does it on its own schedule). */
    public void cleanUp() {
        entries.cleanUp();
    }

    private static void field(MessageDigest d, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        d.update(ByteBuffer.allocate(4).putInt(b.length).array());
        d.update(b);
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        if (needle.length == 0) {
            return false;
        }
        outer:
        for (int i = 0, last = haystack.length - needle.length; i <= last; i++) {
            if (haystack[i] != needle[0]) {
                continue;
            }
            for (int j = 1; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
