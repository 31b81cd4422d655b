package org.yiyue.overlay.proxy;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The pure parts of passing a WebSocket opening handshake (RFC 6455 §4) through the proxy: recognising one, the
 * request head sent upstream, and which headers of the upstream's 101 go back to the browser.
 */
final class WebSocketHandshake {

    /** Headers of a 101 the browser needs to check and agree on the connection; nothing else is passed. */
    private static final List<String> ACCEPT_HEADERS = List.of("Sec-WebSocket-Accept", "Sec-WebSocket-Protocol",
            "Sec-WebSocket-Extensions");

    private WebSocketHandshake() {
    }

    /** A GET with {@code Upgrade: websocket} and {@code upgrade} among the Connection tokens (any case). */
    static boolean requested(String method, Map<String, List<String>> headers) {
        if (!"GET".equals(method)) {
            return false;
        }
        boolean websocket = headers.getOrDefault("upgrade", List.of()).stream()
                .flatMap(v -> List.of(v.split(",")).stream())
                .anyMatch(p -> p.trim().toLowerCase(Locale.ROOT).startsWith("websocket"));
        return websocket && HeaderRules.connectionListed(headers.getOrDefault("connection", List.of())).contains("upgrade");
    }

    /**
     * The request head for the upstream: request line with the mapped path, Host (configured or the upstream's own
     * authority), the forwarded end-to-end headers (Sec-WebSocket-Key/Version/Protocol/Extensions are among them),
     * then Upgrade and Connection, which are hop-by-hop and so set by us.
     *
     * @param forwarded what {@link UpstreamRequestHeaders} chose; values were checked free of CR/LF/NUL
     */
    static byte[] requestHead(URI target, List<Map.Entry<String, String>> forwarded) {
        String path = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
        StringBuilder head = new StringBuilder(512).append("GET ").append(path);
        if (target.getRawQuery() != null) {
            head.append('?').append(target.getRawQuery());
        }
        head.append(" HTTP/1.1\r\n");
        String host = forwarded.stream().filter(e -> e.getKey().equalsIgnoreCase("Host")).map(Map.Entry::getValue)
                .findFirst().orElse(target.getRawAuthority());
        head.append("Host: ").append(host).append("\r\n");
        for (Map.Entry<String, String> e : forwarded) {
            if (!e.getKey().equalsIgnoreCase("Host")) {
                head.append(e.getKey()).append(": ").append(e.getValue()).append("\r\n");
            }
        }
        head.append("Upgrade: websocket\r\nConnection: Upgrade\r\n\r\n");
        // header values came to us as ISO-8859-1 (the servlet's decoding), so they go out as the same bytes
        return head.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** True for a 101 that really switches to WebSocket (anything else must not be tunnelled). */
    static boolean accepted(int status, HttpHeaders upstream) {
        return status == 101 && upstream.allValues("Upgrade").stream()
                .anyMatch(v -> v.trim().toLowerCase(Locale.ROOT).startsWith("websocket"));
    }

    /** Headers of the upstream's 101 that the browser gets, in addition to Upgrade/Connection. */
    static List<Map.Entry<String, String>> acceptHeaders(HttpHeaders upstream) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (String name : ACCEPT_HEADERS) {
            upstream.allValues(name).forEach(v -> out.add(Map.entry(name, v)));
        }
        return out;
    }
}
