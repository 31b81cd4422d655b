package org.yiyue.demo;

import java.util.Map;

/**
 * What makes each replica behave like its real counterpart on the wire.
 *
 * @param id      site id
 * @param gzip    compress responses when the client accepts gzip (portal)
 * @param headers extra headers on every response (the strict CSP of gcjs)
 * @param routes  the site's dynamic pages
 */
record SiteProfile(String id, boolean gzip, Map<String, String> headers, Routes routes) {

    static final String GCJS_CSP =
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:";

    static SiteProfile of(String id) {
        return switch (id) {
            case "zwfw" -> new SiteProfile(id, false, Map.of(), new ZwfwRoutes());
            case "yth" -> new SiteProfile(id, false, Map.of(), new YthRoutes());
            case "gcjs" -> new SiteProfile(id, false,
                    Map.of("Content-Security-Policy", GCJS_CSP, "X-Content-Type-Options", "nosniff"), new GcjsRoutes());
            case "portal" -> new SiteProfile(id, true, Map.of(), new PortalRoutes());
            default -> throw new IllegalArgumentException("unknown site id: " + id);
        };
    }
}
