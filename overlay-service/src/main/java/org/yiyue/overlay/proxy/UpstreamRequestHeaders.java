package org.yiyue.overlay.proxy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.yiyue.overlay.site.Site;

/**
 * The request headers the proxy sends upstream, whatever carries them (the JDK client, or the raw socket of a
 * WebSocket handshake): the client's end-to-end headers, our own X-Forwarded-*, the configured Host, and
 * Referer/Origin mapped back to the upstream so its own same-origin and CSRF checks keep working.
 */
final class UpstreamRequestHeaders {

    private UpstreamRequestHeaders() {
    }

    /** @param reqHeaders the client's headers, names in lower case */
    static List<Map.Entry<String, String>> of(HttpServletRequest req, Map<String, List<String>> reqHeaders,
                                              UrlMapper mapper) {
        return of(req, reqHeaders, mapper, ForwardingConfig.get());
    }

    static List<Map.Entry<String, String>> of(HttpServletRequest req, Map<String, List<String>> reqHeaders,
                                              UrlMapper mapper, ForwardingConfig config) {
        Site site = mapper.site();
        List<Map.Entry<String, String>> out = new ArrayList<>();
        Set<String> listed = HeaderRules.connectionListed(reqHeaders.getOrDefault("connection", List.of()));
        reqHeaders.forEach((name, values) -> {
            if (HeaderRules.forwardRequestHeader(name, listed, config.extraRequestHeaders())) {
                values.forEach(v -> out.add(Map.entry(name, v)));
            }
        });
        // none of the names below is on the allow-list, so each appears once, with our value only
        String host = req.getHeader("Host");
        String publicOrigin = req.getScheme() + "://" + (host == null ? req.getServerName() : host);
        out.add(Map.entry("X-Forwarded-For", req.getRemoteAddr()));
        out.add(Map.entry("X-Forwarded-Proto", req.getScheme()));
        // the configured public host, never the client's Host: an upstream that builds links from it must not be
        // steerable by whoever sends the request (the answer may be cached and served to everyone)
        config.forwardedHost(site).ifPresent(h -> out.add(Map.entry("X-Forwarded-Host", h)));
        if (!site.mount().isEmpty()) {
            out.add(Map.entry("X-Forwarded-Prefix", site.mount()));
        }
        site.hostHeader().ifPresent(v -> out.add(Map.entry("Host", v)));
        mapper.refererToUpstream(req.getHeader("Referer"), publicOrigin).ifPresent(v -> out.add(Map.entry("Referer", v)));
        String origin = req.getHeader("Origin");
        if (origin != null) {
            out.add(Map.entry("Origin", origin.equalsIgnoreCase(publicOrigin) ? site.upstreamOrigin() : origin));
        }
        return out;
    }
}
