package org.yiyue.overlay.site;

import java.net.URI;
import java.util.Objects;

/**
 * One upstream government site the overlay fronts.
 *
 * @param id       short id used in the public mount, e.g. {@code portal}
 * @param name     Chinese display name
 * @param upstream base URL of the original site; only this origin is ever contacted for the site
 * @param mount    public path prefix, e.g. {@code /s/portal}
 */
public record Site(String id, String name, URI upstream, String mount) {

    public Site {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(upstream, "upstream");
        if (!id.matches("[a-z0-9][a-z0-9-]{0,31}")) {
            throw new IllegalArgumentException("site id must be lower-case letters, digits or '-': " + id);
        }
        String scheme = upstream.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("upstream of " + id + " must be http(s): " + upstream);
        }
        if (mount == null || mount.isBlank()) {
            mount = "/s/" + id;
        }
    }
}
