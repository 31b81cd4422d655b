package org.yiyue.audit.crawl;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns an href into the one canonical URL we fetch, so the same page is never audited twice:
 * resolved against its base, fragment dropped, scheme and host lower-cased, default port and dot segments removed,
 * an empty path made "/". Anything but http(s) is refused (mailto:, javascript:, data:, tel:).
 */
public final class UrlNormalizer {

    private UrlNormalizer() {
    }

    public static Optional<URI> normalize(URI base, String href) {
        if (href == null) {
            return Optional.empty();
        }
        String h = href.strip();
        if (h.isEmpty() || h.startsWith("#")) {
            return Optional.empty();
        }
        try {
            if (base != null && h.startsWith("?")) {
                // java.net.URI follows RFC 2396 here and drops the last path segment; RFC 3986 keeps it
                h = base.getRawPath() + h;
            }
            URI resolved = base == null ? new URI(encodeUnsafe(h)) : base.resolve(new URI(encodeUnsafe(h)));
            return normalize(resolved);
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public static Optional<URI> normalize(URI u) {
        if (u == null || u.getScheme() == null || u.getHost() == null) {
            return Optional.empty();
        }
        String scheme = u.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.empty();
        }
        String host = u.getHost().toLowerCase(Locale.ROOT);
        int port = u.getPort();
        if ((scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443)) {
            port = -1;
        }
        String path = u.normalize().getRawPath();
        if (path == null || path.isEmpty()) {
            path = "/";
        }
        while (path.startsWith("/../")) {
            path = path.substring(3);
        }
        StringBuilder sb = new StringBuilder(scheme).append("://").append(host);
        if (port != -1) {
            sb.append(':').append(port);
        }
        sb.append(path);
        if (u.getRawQuery() != null && !u.getRawQuery().isEmpty()) {
            sb.append('?').append(u.getRawQuery());
        }
        try {
            return Optional.of(new URI(sb.toString()));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** Same site = same scheme, host and port (our replica sites are separate sites on separate ports). */
    public static boolean sameSite(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost())
                && effectivePort(a) == effectivePort(b);
    }

    static int effectivePort(URI u) {
        if (u.getPort() != -1) {
            return u.getPort();
        }
        return "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    /** Percent-encodes characters real pages put in hrefs that java.net.URI refuses (spaces, CJK, |, ^ …). */
    static String encodeUnsafe(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (byte b : s.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c <= 0x20 || c >= 0x7f || "\"<>\\^`{|}".indexOf(c) >= 0) {
                sb.append('%').append(String.format("%02X", c));
            } else {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }
}
