package org.yiyue.overlay.audit;

import java.io.StringReader;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * What a client asks for (validated; see {@link AuditRequestValidator}).
 *
 * @param urls       pages to start from (all inside the site); empty: the site's home page
 * @param maxPages   crawl limit (1..{@link Limits#maxPages})
 * @param maxDepth   link hops from the start pages (0..{@link Limits#MAX_DEPTH})
 * @param staticOnly no browser: wcag-rules over the fetched HTML only
 * @param workers    browsers for this audit (1..the configured browser pool)
 * @param locale     "zh-CN" or "en": the report's language
 * @param standards  wcag22-aa, gbt37668-2, elder (empty: all three)
 */
public record AuditRequest(String site, List<URI> urls, int maxPages, int maxDepth, boolean staticOnly, int workers,
                           String locale, List<String> standards) {

    public AuditRequest {
        urls = List.copyOf(urls);
        standards = List.copyOf(standards);
    }

    public JsonObject toJson() {
        var urlArray = Json.createArrayBuilder();
        urls.forEach(u -> urlArray.add(u.toString()));
        var std = Json.createArrayBuilder();
        standards.forEach(std::add);
        return Json.createObjectBuilder().add("site", site).add("urls", urlArray).add("maxPages", maxPages)
                .add("maxDepth", maxDepth).add("staticOnly", staticOnly).add("workers", workers)
                .add("locale", locale).add("standards", std).build();
    }

    /** Reads a request stored by {@link #toJson()} (trusted: it passed validation when it was made). */
    public static AuditRequest fromStored(String json) {
        JsonObject o = Json.createReader(new StringReader(json)).readObject();
        List<URI> urls = new ArrayList<>();
        for (JsonValue v : o.getJsonArray("urls")) {
            urls.add(URI.create(((JsonString) v).getString()));
        }
        List<String> std = new ArrayList<>();
        JsonArray a = o.getJsonArray("standards");
        for (JsonValue v : a) {
            std.add(((JsonString) v).getString());
        }
        return new AuditRequest(o.getString("site"), urls, o.getInt("maxPages"), o.getInt("maxDepth"),
                o.getBoolean("staticOnly"), o.getInt("workers"), o.getString("locale"), std);
    }
}
