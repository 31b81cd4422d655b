package org.yiyue.overlay.site;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One upstream government site the overlay fronts.
 *
 * @param id          short id used in the public mount, e.g. {@code portal}
 * @param name        Chinese display name
 * @param upstream    origin (and optional base path) of the original site; the only place ever contacted for it
 * @param mount       public path prefix, e.g. {@code /s/portal}; empty when the site is mounted on its own host
 * @param publicHost  host name that serves this site at the root (optional), e.g. {@code portal.example.gov.cn}
 * @param hostHeader  {@code Host} sent upstream (optional; default: the upstream's own authority)
 * @param toolbar     toolbar defaults handed to the script in the injected tag
 * @param adSelectors CSS selectors of floating ads / pop-ups hidden in the 适老 view
 * @param fixes       declared fixes, applied only to pages they name
 */
public record Site(String id, String name, URI upstream, String mount, Optional<String> publicHost,
                   Optional<String> hostHeader, ToolbarDefaults toolbar, List<String> adSelectors,
                   List<DeclaredFix> fixes) {

    public Site {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(upstream, "upstream");
        if (!id.matches("[a-z0-9][a-z0-9-]{0,31}")) {
            throw new IllegalArgumentException("site id must be lower-case letters, digits or '-': " + id);
        }
        String scheme = upstream.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme) || upstream.getHost() == null) {
            throw new IllegalArgumentException("upstream of " + id + " must be an http(s) URL: " + upstream);
        }
        if (upstream.getRawUserInfo() != null || upstream.getRawQuery() != null || upstream.getRawFragment() != null) {
            throw new IllegalArgumentException("upstream of " + id + " must not carry user info, query or fragment");
        }
        publicHost = publicHost == null ? Optional.empty() : publicHost.map(h -> h.toLowerCase(Locale.ROOT));
        hostHeader = hostHeader == null ? Optional.empty() : hostHeader;
        if (mount == null || mount.isBlank()) {
            mount = publicHost.isPresent() ? "" : "/s/" + id;
        }
        if (!mount.isEmpty() && (!mount.matches("(/[A-Za-z0-9._~-]+)+") || mount.contains(".."))) {
            throw new IllegalArgumentException("mount of " + id + " must look like /s/" + id + ": " + mount);
        }
        toolbar = toolbar == null ? ToolbarDefaults.DEFAULT : toolbar;
        adSelectors = adSelectors == null ? List.of() : List.copyOf(adSelectors);
        fixes = fixes == null ? List.of() : List.copyOf(fixes);
    }

    /** A site with defaults everywhere but id, name, upstream and mount (tests, the skeleton config). */
    public static Site of(String id, String name, URI upstream, String mount) {
        return new Site(id, name, upstream, mount, Optional.empty(), Optional.empty(), null, null, null);
    }

    /** Scheme, host and port of the upstream, e.g. {@code http://127.0.0.1:8101}, without any path. */
    public String upstreamOrigin() {
        return upstream.getScheme() + "://" + upstream.getRawAuthority();
    }

    /** The upstream's base path without a trailing slash ("" for the root). */
    public String upstreamBasePath() {
        String p = upstream.getRawPath() == null ? "" : upstream.getRawPath();
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    /** Fixes that apply to one upstream path. */
    public List<DeclaredFix> fixesFor(String path) {
        return fixes.stream().filter(f -> f.pages().matches(path)).toList();
    }
}
