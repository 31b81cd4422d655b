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

    /** Request headers we never forward as received: set by us or by the HTTP client, or spoofable. */
    static final Set<String> REQUEST_DROP = Set.of("host", "content-length", "expect", "forwarded",
            "x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-forwarded-prefix",
            "x-real-ip", "accept-encoding", "origin", "referer", "http2-settings");

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
        String n = name.toLowerCase(Locale.ROOT);
        return !HOP_BY_HOP.contains(n) && !REQUEST_DROP.contains(n) && !connectionListed.contains(n)
                && !n.startsWith(":");
    }

    public static boolean forwardResponseHeader(String name, Set<String> connectionListed) {
        String n = name.toLowerCase(Locale.ROOT);
        return !HOP_BY_HOP.contains(n) && !RESPONSE_DROP.contains(n) && !connectionListed.contains(n)
                && !n.startsWith(":");
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
