package org.yiyue.overlay.audit;

import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;

import org.yiyue.overlay.site.Site;
import org.yiyue.overlay.site.SiteRegistry;

/**
 * Turns a request body into an {@link AuditRequest}, or refuses it with a problem that names every bad field.
 * Nothing is started for a refused request.
 */
public final class AuditRequestValidator {

    static final Set<String> STANDARDS = Set.of("wcag22-aa", "gbt37668-2", "elder");
    private static final int MAX_BODY = 64 * 1024;

    private final SiteRegistry sites;
    private final Limits limits;

    public AuditRequestValidator(SiteRegistry sites, Limits limits) {
        this.sites = sites;
        this.limits = limits;
    }

    public AuditRequest parse(String body) {
        if (body == null || body.isBlank()) {
            throw malformed("请求体为空，需要 JSON 对象。", "The request body is empty; a JSON object is required.");
        }
        if (body.length() > MAX_BODY) {
            throw new ProblemException(Problem.of(413, "too-large", "请求体过大", "Request body too large",
                    "请求体不能超过 64 KiB。", "The request body must not exceed 64 KiB."));
        }
        JsonObject o;
        try {
            JsonValue v = Json.createReader(new StringReader(body)).readValue();
            if (v.getValueType() != JsonValue.ValueType.OBJECT) {
                throw malformed("请求体必须是 JSON 对象。", "The request body must be a JSON object.");
            }
            o = v.asJsonObject();
        } catch (JsonParsingException e) {
            throw malformed("JSON 格式错误：" + e.getMessage(), "Malformed JSON: " + e.getMessage());
        } catch (JsonException e) {
            throw malformed("无法读取 JSON：" + e.getMessage(), "Unreadable JSON: " + e.getMessage());
        }
        return validate(o);
    }

    private AuditRequest validate(JsonObject o) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<String> known = Set.of("site", "urls", "maxPages", "maxDepth", "staticOnly", "workers", "locale", "standards");
        for (String key : o.keySet()) {
            if (!known.contains(key)) {
                errors.add(new Problem.FieldError(key, "未知字段。", "Unknown field."));
            }
        }
        String siteId = string(o, "site", errors);
        Optional<Site> site = Optional.empty();
        if (siteId == null) {
            errors.add(new Problem.FieldError("site", "必须给出站点 id。", "A site id is required."));
        } else {
            site = sites.byId(siteId);
            if (site.isEmpty()) {
                errors.add(new Problem.FieldError("site", "未知站点：" + siteId, "Unknown site: " + siteId));
            }
        }
        List<URI> urls = new ArrayList<>();
        JsonValue rawUrls = o.get("urls");
        if (rawUrls != null && rawUrls != JsonValue.NULL) {
            if (rawUrls.getValueType() != JsonValue.ValueType.ARRAY) {
                errors.add(new Problem.FieldError("urls", "必须是字符串数组。", "Must be an array of strings."));
            } else if (rawUrls.asJsonArray().size() > Limits.MAX_URLS) {
                errors.add(new Problem.FieldError("urls", "最多 " + Limits.MAX_URLS + " 个网址。",
                        "At most " + Limits.MAX_URLS + " URLs."));
            } else {
                int i = 0;
                for (JsonValue v : rawUrls.asJsonArray()) {
                    String field = "urls[" + i++ + "]";
                    if (!(v instanceof JsonString s)) {
                        errors.add(new Problem.FieldError(field, "必须是字符串。", "Must be a string."));
                        continue;
                    }
                    site.ifPresent(st -> inside(st, s.getString(), field, errors).ifPresent(urls::add));
                }
            }
        }
        int defaultDepth = urls.isEmpty() ? 2 : 0;
        int maxPages = integer(o, "maxPages", urls.isEmpty() ? 20 : Math.max(1, urls.size()), 1, limits.maxPages(), errors);
        int maxDepth = integer(o, "maxDepth", defaultDepth, 0, Limits.MAX_DEPTH, errors);
        int workers = integer(o, "workers", 1, 1, limits.browsers(), errors);
        boolean staticOnly = bool(o, "staticOnly", false, errors);
        String locale = Optional.ofNullable(string(o, "locale", errors)).orElse("zh-CN");
        if (!locale.equals("zh-CN") && !locale.equals("en")) {
            errors.add(new Problem.FieldError("locale", "只支持 zh-CN 或 en。", "Only zh-CN or en."));
        }
        Set<String> standards = new LinkedHashSet<>();
        JsonValue rawStd = o.get("standards");
        if (rawStd != null && rawStd != JsonValue.NULL) {
            if (rawStd.getValueType() != JsonValue.ValueType.ARRAY) {
                errors.add(new Problem.FieldError("standards", "必须是字符串数组。", "Must be an array of strings."));
            } else {
                for (JsonValue v : rawStd.asJsonArray()) {
                    if (v instanceof JsonString s && STANDARDS.contains(s.getString())) {
                        standards.add(s.getString());
                    } else {
                        errors.add(new Problem.FieldError("standards", "未知标准：" + v + "（可用 wcag22-aa、gbt37668-2、elder）",
                                "Unknown standard: " + v + " (wcag22-aa, gbt37668-2, elder)"));
                    }
                }
            }
        }
        if (standards.isEmpty()) {
            standards.addAll(List.of("wcag22-aa", "gbt37668-2", "elder"));
        }
        if (!errors.isEmpty()) {
            boolean unknownSite = siteId != null && site.isEmpty();
            throw new ProblemException(new Problem(unknownSite ? 404 : 422,
                    unknownSite ? "unknown-site" : "invalid-audit-request",
                    unknownSite ? "未知站点" : "审计请求无效", unknownSite ? "Unknown site" : "Invalid audit request",
                    "请求有 " + errors.size() + " 处错误，未启动审计。",
                    "The request has " + errors.size() + " error(s); no audit was started.", errors));
        }
        return new AuditRequest(siteId, urls, maxPages, maxDepth, staticOnly, workers, locale, List.copyOf(standards));
    }

    /** A URL (absolute, or a path on the site) that stays inside the site's upstream; otherwise an error. */
    static Optional<URI> inside(Site site, String raw, String field, List<Problem.FieldError> errors) {
        URI base = site.upstream();
        URI u;
        try {
            u = raw.startsWith("/") && !raw.startsWith("//")
                    ? URI.create(base.getScheme() + "://" + base.getRawAuthority()).resolve(raw)
                    : new URI(raw);
        } catch (URISyntaxException | IllegalArgumentException e) {
            errors.add(new Problem.FieldError(field, "不是有效的网址。", "Not a valid URL."));
            return Optional.empty();
        }
        String basePath = base.getRawPath() == null || base.getRawPath().isEmpty() ? "/" : base.getRawPath();
        boolean sameOrigin = u.getScheme() != null && u.getScheme().equalsIgnoreCase(base.getScheme())
                && u.getRawAuthority() != null && u.getRawAuthority().equalsIgnoreCase(base.getRawAuthority())
                && u.getRawUserInfo() == null;
        String path = u.normalize().getRawPath() == null || u.normalize().getRawPath().isEmpty() ? "/" : u.normalize().getRawPath();
        if (!sameOrigin || !path.startsWith(basePath) || path.contains("/../")) {
            errors.add(new Problem.FieldError(field, "网址不属于站点 " + site.id() + "（" + base + "）：" + raw,
                    "URL is outside site " + site.id() + " (" + base + "): " + raw));
            return Optional.empty();
        }
        return Optional.of(u.normalize());
    }

    private static String string(JsonObject o, String key, List<Problem.FieldError> errors) {
        JsonValue v = o.get(key);
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        if (v instanceof JsonString s) {
            return s.getString();
        }
        errors.add(new Problem.FieldError(key, "必须是字符串。", "Must be a string."));
        return null;
    }

    private static int integer(JsonObject o, String key, int dflt, int min, int max, List<Problem.FieldError> errors) {
        JsonValue v = o.get(key);
        if (v == null || v == JsonValue.NULL) {
            return dflt;
        }
        if (!(v instanceof JsonNumber n) || !n.isIntegral() || n.bigDecimalValue().abs().compareTo(java.math.BigDecimal.valueOf(Integer.MAX_VALUE)) > 0
                || n.intValue() < min || n.intValue() > max) {
            errors.add(new Problem.FieldError(key, "必须是 " + min + " 到 " + max + " 之间的整数。",
                    "Must be an integer from " + min + " to " + max + "."));
            return dflt;
        }
        return n.intValue();
    }

    private static boolean bool(JsonObject o, String key, boolean dflt, List<Problem.FieldError> errors) {
        JsonValue v = o.get(key);
        if (v == null || v == JsonValue.NULL) {
            return dflt;
        }
        if (v == JsonValue.TRUE || v == JsonValue.FALSE) {
            return v == JsonValue.TRUE;
        }
        errors.add(new Problem.FieldError(key, "必须是 true 或 false。", "Must be true or false."));
        return dflt;
    }

    private static ProblemException malformed(String zh, String en) {
        return new ProblemException(Problem.of(400, "malformed-json", "请求格式错误", "Malformed request", zh, en));
    }
}
