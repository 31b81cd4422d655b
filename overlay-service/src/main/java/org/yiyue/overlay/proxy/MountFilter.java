package org.yiyue.overlay.proxy;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.yiyue.overlay.site.Site;
import org.yiyue.overlay.site.SiteRegistry;

/**
 * Two routes that do not start with {@code /s/}:
 * <ol>
 *   <li>a site configured with its own public host name is served at that host's root (the overlay keeps
 *       {@code /a11y/} and {@code /api/} for itself);</li>
 *   <li>a root-relative URL a page's own script built (e.g. {@code fetch('/data.json')} on {@code /s/zwfw/...}) is
 *       sent back under the mount of the page it came from, judged by the Referer — 307/308 keep method and body.</li>
 * </ol>
 */
@WebFilter(urlPatterns = "/*")
public class MountFilter extends HttpFilter {

    private static final List<String> OWN = List.of("/a11y/", "/api/", "/s/", "/health", "/openapi", "/metrics");

    @Inject
    SiteRegistry sites;
    @Inject
    ProxyHandler proxy;

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        String path = req.getRequestURI().substring(req.getContextPath().length());
        boolean own = OWN.stream().anyMatch(p -> path.startsWith(p) || (path + "/").equals(p));
        Optional<Site> byHost = sites.byPublicHost(req.getHeader("Host"));
        if (byHost.isPresent() && !path.startsWith("/a11y/") && !path.startsWith("/api/")) {
            proxy.handle(req, resp, byHost.get(), path);
            return;
        }
        if (!own) {
            Optional<Site> from = refererSite(req);
            if (from.isPresent() && PathGuard.problem(path, req.getQueryString()).isEmpty()) {
                String q = req.getQueryString();
                boolean safe = req.getMethod().equals("GET") || req.getMethod().equals("HEAD");
                resp.setStatus(safe ? 302 : 307);
                resp.setHeader("Location", from.get().mount() + path + (q == null ? "" : "?" + q));
                resp.setHeader("Cache-Control", "no-store");
                return;
            }
        }
        chain.doFilter(req, resp);
    }

    private Optional<Site> refererSite(HttpServletRequest req) {
        String referer = req.getHeader("Referer");
        if (referer == null) {
            return Optional.empty();
        }
        try {
            URI r = URI.create(referer);
            String host = req.getHeader("Host");
            if (r.getRawAuthority() == null || !r.getRawAuthority().equalsIgnoreCase(host) || r.getRawPath() == null) {
                return Optional.empty();
            }
            String p = r.getRawPath();
            if (!p.startsWith("/s/")) {
                return Optional.empty();
            }
            String rest = p.substring(3);
            String id = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
            return sites.byId(id).filter(s -> s.mount().equals("/s/" + id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
