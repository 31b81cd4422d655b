package org.yiyue.overlay.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Everything that can change the body we store for a request, so that no request can fill an entry another
 * request is then served from: the site and a fingerprint of its configuration (fixes, toolbar defaults, mount),
 * the scheme and public host the upstream is told about (X-Forwarded-Proto/-Host), path and query, the coding
 * asked of the upstream (gzip or identity), whether it is a navigation (sub-requests are never rewritten), the
 * toolbar version in the injected tag, and — only when the client sent cookies — a hash of them (upstreams often
 * personalise without saying {@code private}; a user's own repeat visit still hits). Headers an upstream varies on
 * are not needed here: responses with {@code Vary} other than Accept-Encoding are never stored.
 * The string form starts with {@code siteId|} so a site's entries can be purged by prefix.
 */
public record CacheKey(String siteId, String siteFingerprint, String scheme, Optional<String> forwardedHost,
                       String pathAndQuery, boolean gzip, boolean navigation, String toolbarVersion,
                       Optional<String> cookies) {

    public String asString() {
        StringBuilder sb = new StringBuilder(96 + pathAndQuery.length());
        sb.append(siteId).append('|').append(siteFingerprint).append('|').append(scheme).append("://")
                .append(forwardedHost.orElse("-")).append('|').append(pathAndQuery).append('|')
                .append(gzip ? "gz" : "id").append('|').append(navigation ? "nav" : "sub").append('|')
                .append(toolbarVersion);
        cookies.ifPresent(c -> sb.append("|c=").append(sha256(c)));
        return sb.toString();
    }

    static String sha256(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A short, stable fingerprint of a site's configuration (record text: same on every node of a cluster). */
    public static String fingerprint(Object siteConfig) {
        return sha256(siteConfig.toString()).substring(0, 12);
    }
}
