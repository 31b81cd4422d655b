package org.yiyue.overlay.proxy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Which headers cross the proxy in each direction (RFC 9110 §7.6.1 hop-by-hop plus what the JDK client sets). */
public final class HeaderRules {

    static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade");

    /**
     * End-to-end request headers that reach the upstream (CONFIG.md lists them); every other client header is
     * dropped — among them the ones upstreams trust for routing, logging or access control (X-Original-URL,
     * X-Rewrite-URL, True-Client-IP, X-Client-IP, X-Forwarded-*, X-Host, X-Original-Host, Forwarded, X-Real-IP…).
     * Host, X-Forwarded-*, Referer and Origin are then set by us. More names: {@code yiyue.proxy.request-headers}.
     */
    static final Set<String> REQUEST_ALLOW = Set.of("accept", "accept-language", "accept-charset", "authorization",
            "cache-control", "pragma", "content-type", "content-encoding", "content-language", "content-disposition",
            "cookie", "if-match", "if-none-match", "if-modified-since", "if-unmodified-since", "if-range", "range",
            "user-agent", "dnt", "upgrade-insecure-requests", "save-data", "priority",
            "sec-fetch-dest", "sec-fetch-mode", "sec-fetch-site", "sec-fetch-user",
            "sec-ch-ua", "sec-ch-ua-mobile", "sec-ch-ua-platform",
            "x-requested-with", "x-csrf-token", "x-xsrf-token", "soapaction",
            "access-control-request-method", "access-control-request-headers",
            "sec-websocket-key", "sec-websocket-version", "sec-websocket-protocol", "sec-websocket-extensions");

    /** Response headers that describe the upstream's connection or would leak its policies onto our host. */
    static final Set<String> RESPONSE_DROP = Set.of("content-length", "strict-transport-security", "alt-svc",
            "public-key-pins", "server-timing", "server");

    private HeaderRules() {
    }

    /** Names listed in the message's own Connection header are hop-by-hop too. */
    public static Set<String> connectionListed(List<String> connectionValues) {
        Set<String> names = new HashSet<>();
        for (String v : connectionValues) {
            Arrays.stream(v.split(",")).map(s -> s.trim().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty())
                    .forEach(names::add);
        }
        return names;
    }

    public static boolean forwardRequestHeader(String name, Set<String> connectionListed) {
        return forwardRequestHeader(name, connectionListed, Set.of());
    }

    /** @param extra lower-case names an operator allowed on top of {@link #REQUEST_ALLOW} */
    public static boolean forwardRequestHeader(String name, Set<String> connectionListed, Set<String> extra) {
        String n = name.toLowerCase(Locale.ROOT);
        return (REQUEST_ALLOW.contains(n) || extra.contains(n)) && !HOP_BY_HOP.contains(n)
                && !connectionListed.contains(n);
    }

    public static boolean forwardResponseHeader(String name, Set<String> connectionListed) {
        String n = name.toLowerCase(Locale.ROOT);
        return !HOP_BY_HOP.contains(n) && !RESPONSE_DROP.contains(n) && !connectionListed.contains(n)
                && !n.startsWith(":");
    }

    /**
     * What to offer the upstream: for a navigation, when the site's upstream is near enough that its compression
     * costs more than the bytes saved ({@code yiyue.upstream.identity-for-navigations}), only identity — the page is
     * decoded here anyway; otherwise the codings we can undo out of those the browser accepts.
     */
    public static String upstreamAcceptEncoding(String clientAcceptEncoding, boolean navigation,
                                                boolean identityForNavigations) {
        return navigation && identityForNavigations ? "identity" : upstreamAcceptEncoding(clientAcceptEncoding);
    }

    /** The codings we can undo for HTML, offered upstream in place of whatever the browser accepts. */
    public static String upstreamAcceptEncoding(String clientAcceptEncoding) {
        if (clientAcceptEncoding == null) {
            return "identity";
        }
        String a = clientAcceptEncoding.toLowerCase(Locale.ROOT);
        boolean gzip = a.contains("gzip");
        boolean deflate = a.contains("deflate");
        if (gzip && deflate) {
            return "gzip, deflate";
        }
        return gzip ? "gzip" : deflate ? "deflate" : "identity";
    }

    public static boolean acceptsGzip(String clientAcceptEncoding) {
        if (clientAcceptEncoding == null) {
            return false;
        }
        for (String part : clientAcceptEncoding.toLowerCase(Locale.ROOT).split(",")) {
            String[] kv = part.trim().split(";");
            if (kv[0].trim().equals("gzip") || kv[0].trim().equals("*")) {
                return !(kv.length > 1 && kv[1].replace(" ", "").matches("q=0(\\.0*)?"));
            }
        }
        return false;
    }
}
