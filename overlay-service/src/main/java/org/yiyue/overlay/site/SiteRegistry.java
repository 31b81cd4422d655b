package org.yiyue.overlay.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The allow-list of upstream sites. Loaded once from {@code yiyue-sites.json} on the classpath (the four replica
 * sites), or from the file named by the config key {@code yiyue.sites.file}; a site's upstream can be overridden
 * with {@code yiyue.site.<id>.upstream} (system property, or environment variable YIYUE_SITE_ID_UPSTREAM).
 */
@ApplicationScoped
public class SiteRegistry {

    private Map<String, Site> sites = Map.of();

    @PostConstruct
    void load() {
        Config config = ConfigProvider.getConfig();
        Optional<String> file = config.getOptionalValue("yiyue.sites.file", String.class);
        try (InputStream in = file.isPresent()
                ? Files.newInputStream(Path.of(file.get()))
                : SiteRegistry.class.getResourceAsStream("/yiyue-sites.json")) {
            if (in == null) {
                throw new IllegalStateException("yiyue-sites.json is missing from the WAR");
            }
            sites = Collections.unmodifiableMap(
                    SiteConfigParser.parse(in, key -> config.getOptionalValue(key, String.class)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read site configuration " + file.orElse("yiyue-sites.json"), e);
        }
    }

    /** For tests and tools that build a registry without CDI. */
    public static SiteRegistry of(Map<String, Site> sites) {
        SiteRegistry r = new SiteRegistry();
        r.sites = Collections.unmodifiableMap(sites);
        return r;
    }

    public List<Site> all() {
        return new ArrayList<>(sites.values());
    }

    public Optional<Site> byId(String id) {
        return Optional.ofNullable(sites.get(id));
    }

    /** The site served at the root of a public host name (Host header without port), if any. */
    public Optional<Site> byPublicHost(String host) {
        if (host == null) {
            return Optional.empty();
        }
        String h = host.toLowerCase(Locale.ROOT);
        int colon = h.lastIndexOf(':');
        if (colon > 0 && !h.endsWith("]")) {
            h = h.substring(0, colon);
        }
        String bare = h;
        return sites.values().stream().filter(s -> s.publicHost().filter(bare::equals).isPresent()).findFirst();
    }

    /** The configured site whose upstream origin is exactly this one (scheme://host:port), if any. */
    public Optional<Site> byUpstreamOrigin(String origin) {
        return sites.values().stream().filter(s -> s.upstreamOrigin().equalsIgnoreCase(origin)).findFirst();
    }
}
