package org.yiyue.overlay.site;

import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * Reads {@code yiyue-sites.json} (format in CONFIG.md). Every mistake is an {@link IllegalArgumentException} that
 * names the site and the field, so a bad configuration stops deployment instead of silently proxying something else.
 */
public final class SiteConfigParser {

    private SiteConfigParser() {
    }

    /**
     * @param overrides looks up {@code yiyue.site.<id>.<key>} overrides (upstream, host-header); may return empty
     */
    public static Map<String, Site> parse(InputStream in, Function<String, Optional<String>> overrides) {
        Map<String, Site> result = new LinkedHashMap<>();
        Map<String, String> mounts = new LinkedHashMap<>();
        try (JsonReader reader = Json.createReader(in)) {
            for (JsonValue value : reader.readObject().getJsonArray("sites")) {
                Site site = site(value.asJsonObject(), overrides);
                if (result.putIfAbsent(site.id(), site) != null) {
                    throw new IllegalArgumentException("site id configured twice: " + site.id());
                }
                String key = site.publicHost().map(h -> "host:" + h).orElse("mount:" + site.mount());
                String clash = mounts.putIfAbsent(key, site.id());
                if (clash != null) {
                    throw new IllegalArgumentException("sites " + clash + " and " + site.id() + " share " + key);
                }
            }
        } catch (jakarta.json.JsonException | ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException("site configuration is not valid: " + e.getMessage(), e);
        }
        return result;
    }

    static Site site(JsonObject o, Function<String, Optional<String>> overrides) {
        String id = o.getString("id");
        try {
            String upstream = overrides.apply("yiyue.site." + id + ".upstream").orElse(o.getString("upstream"));
            Optional<String> hostHeader = overrides.apply("yiyue.site." + id + ".host-header")
                    .or(() -> optString(o, "hostHeader"));
            return new Site(id, o.getString("name", id), URI.create(upstream), o.getString("mount", null),
                    optString(o, "host"), hostHeader, toolbar(o.getJsonObject("toolbar")),
                    strings(o.getJsonArray("adSelectors")), fixes(o.getJsonArray("fixes")));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("site " + id + ": " + e.getMessage(), e);
        }
    }

    static ToolbarDefaults toolbar(JsonObject t) {
        if (t == null) {
            return ToolbarDefaults.DEFAULT;
        }
        Map<String, String> shortcuts = new LinkedHashMap<>();
        JsonObject s = t.getJsonObject("shortcuts");
        if (s != null) {
            s.forEach((k, v) -> shortcuts.put(k, ((JsonString) v).getString()));
        }
        return new ToolbarDefaults(t.getString("lang", null), t.getString("position", null), shortcuts,
                t.getBoolean("tts", true));
    }

    static List<DeclaredFix> fixes(JsonArray array) {
        List<DeclaredFix> fixes = new ArrayList<>();
        if (array == null) {
            return fixes;
        }
        for (int i = 0; i < array.size(); i++) {
            JsonObject f = array.getJsonObject(i);
            String type = f.getString("type");
            String id = type + "#" + i;
            PagePattern pages = PagePattern.of(strings(f.getJsonArray("pages")));
            fixes.add(switch (type) {
                case "set-lang" -> new DeclaredFix.SetLang(id, pages, f.getString("lang"));
                case "allow-zoom" -> new DeclaredFix.AllowZoom(id, pages);
                case "set-attribute" -> new DeclaredFix.SetAttribute(id, pages, f.getString("selector"),
                        f.getString("attribute"), f.getString("value"));
                case "skip-link" -> new DeclaredFix.SkipLink(id, pages, f.getString("target"),
                        f.getString("label", null));
                case "layout-table" -> new DeclaredFix.LayoutTable(id, pages, f.getString("selector"));
                default -> throw new IllegalArgumentException("unknown fix type '" + type
                        + "' (known: set-lang, allow-zoom, set-attribute, skip-link, layout-table)");
            });
        }
        return fixes;
    }

    private static Optional<String> optString(JsonObject o, String key) {
        return o.containsKey(key) && !o.isNull(key) ? Optional.of(o.getString(key)) : Optional.empty();
    }

    private static List<String> strings(JsonArray array) {
        return array == null ? List.of() : array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
}
