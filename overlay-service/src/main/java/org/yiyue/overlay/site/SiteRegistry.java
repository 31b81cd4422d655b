package org.yiyue.overlay.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The allow-list of upstream sites. Loaded once from {@code yiyue-sites.json} on the classpath (the four replica
 * sites), or from the file named by the config key {@code yiyue.sites.file}; a site's upstream can be overridden
 * with {@code yiyue.site.<id>.upstream} (system property or environment variable YIYUE_SITE_ID_UPSTREAM).
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
            sites = parse(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read site configuration " + file.orElse("yiyue-sites.json"), e);
        }
    }

    static Map<String, Site> parse(InputStream in, Config config) {
        Map<String, Site> result = new LinkedHashMap<>();
        try (JsonReader reader = Json.createReader(in)) {
            for (JsonValue value : reader.readObject().getJsonArray("sites")) {
                JsonObject o = value.asJsonObject();
                String id = o.getString("id");
                String upstream = config == null ? o.getString("upstream")
                        : config.getOptionalValue("yiyue.site." + id + ".upstream", String.class)
                                .orElse(o.getString("upstream"));
                Site site = new Site(id, o.getString("name", id), URI.create(upstream), o.getString("mount", null));
                if (result.putIfAbsent(id, site) != null) {
                    throw new IllegalArgumentException("site id configured twice: " + id);
                }
            }
        }
        return Collections.unmodifiableMap(result);
    }

    public List<Site> all() {
        return new ArrayList<>(sites.values());
    }

    public Optional<Site> byId(String id) {
        return Optional.ofNullable(sites.get(id));
    }
}
