package org.yiyue.overlay.proxy;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.yiyue.overlay.site.Site;
import org.yiyue.overlay.site.SiteRegistry;

/**
 * Maps URLs between the upstream's address space and the overlay's public one, for one site being served:
 * redirects ({@code Location}), cookies ({@code Set-Cookie} Domain/Path) and the request's {@code Referer}/
 * {@code Origin} going the other way. Links to other configured sites map to those sites' mounts; links to
 * anything else are left alone.
 */
public final class UrlMapper {

    private final Site site;
    private final SiteRegistry sites;

    public UrlMapper(Site site, SiteRegistry sites) {
        this.site = site;
        this.sites = sites;
    }

    public Site site() {
        return site;
    }

    /** Public path prefix of a site as seen from a page of {@link #site}: its mount, or "//host" elsewhere. */
    public String publicPrefix(Site other) {
        if (other.publicHost().isPresent() && !other.id().equals(site.id())) {
            return "//" + other.publicHost().get();
        }
        return other.mount();
    }

    /** Rewrites a Location (or Content-Location) header value. */
    public String location(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        String v = value.trim();
        String lower = v.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://") || v.startsWith("//")) {
            return absolute(v).orElse(v);
        }
        if (v.startsWith("/")) {
            return site.mount() + stripBase(site, v);
        }
        return v;
    }

    /** An absolute URL of a configured upstream mapped to its public form, or empty for foreign URLs. */
    public Optional<String> absolute(String url) {
        URI uri;
        try {
            uri = URI.create(url.startsWith("//") ? site.upstream().getScheme() + ":" + url : url);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (uri.getRawAuthority() == null) {
            return Optional.empty();
        }
        String origin = uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority().toLowerCase(Locale.ROOT);
        Optional<Site> target = sites.byUpstreamOrigin(origin);
        if (target.isEmpty() && url.startsWith("//")) {
            // a scheme-relative link matches the upstream whatever its scheme
            target = sites.all().stream()
                    .filter(s -> s.upstream().getRawAuthority().equalsIgnoreCase(uri.getRawAuthority())).findFirst();
        }
        if (target.isEmpty()) {
            return Optional.empty();
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String rest = stripBase(target.get(), path)
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
        return Optional.of(publicPrefix(target.get()) + rest);
    }

    /** Rewrites one Set-Cookie header: Domain dropped (host-only on the overlay), Path moved under the mount. */
    public String setCookie(String header) {
        String[] parts = header.split(";");
        List<String> out = new ArrayList<>();
        out.add(parts[0].trim());
        boolean hasPath = false;
        for (int i = 1; i < parts.length; i++) {
            String attr = parts[i].trim();
            String name = attr.contains("=") ? attr.substring(0, attr.indexOf('=')).trim() : attr;
            if (name.equalsIgnoreCase("domain")) {
                continue;
            }
            if (name.equalsIgnoreCase("path")) {
                String p = attr.substring(attr.indexOf('=') + 1).trim();
                if (!p.startsWith("/")) {
                    p = "/";
                }
                String mapped = site.mount() + stripBase(site, p);
                if (mapped.length() > 1 && mapped.endsWith("/")) {
                    mapped = mapped.substring(0, mapped.length() - 1);
                }
                out.add("Path=" + (mapped.isEmpty() ? "/" : mapped));
                hasPath = true;
                continue;
            }
            out.add(attr);
        }
        if (!hasPath && !site.mount().isEmpty()) {
            // without a Path the browser would scope the cookie to the request's directory; keep it inside the mount
            out.add("Path=" + site.mount());
        }
        return String.join("; ", out);
    }

    /**
     * Maps a Referer of the overlay back to the upstream (so the upstream's own referer/CSRF checks keep working);
     * empty when it does not belong to this site.
     */
    public Optional<String> refererToUpstream(String referer, String publicOrigin) {
        if (referer == null || !referer.startsWith(publicOrigin)) {
            return Optional.empty();
        }
        String path = referer.substring(publicOrigin.length());
        if (site.mount().isEmpty()) {
            return Optional.of(site.upstreamOrigin() + site.upstreamBasePath() + (path.isEmpty() ? "/" : path));
        }
        if (path.equals(site.mount()) || path.startsWith(site.mount() + "/") || path.startsWith(site.mount() + "?")) {
            return Optional.of(site.upstreamOrigin() + site.upstreamBasePath() + path.substring(site.mount().length()));
        }
        return Optional.empty();
    }

    private static String stripBase(Site s, String path) {
        String base = s.upstreamBasePath();
        if (!base.isEmpty() && (path.equals(base) || path.startsWith(base + "/"))) {
            String rest = path.substring(base.length());
            return rest.isEmpty() ? "/" : rest;
        }
        return path;
    }
}
