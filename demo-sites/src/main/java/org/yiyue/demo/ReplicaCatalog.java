package org.yiyue.demo;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The machine-readable description of the replica sites: {@code sites/sites.json} (sites and their pages) and
 * {@code sites/defects.json} (deliberate defects and defect-free control pages), read from the classpath.
 *
 * <pre>{@code
 * ReplicaCatalog catalog = ReplicaCatalog.load();
 * for (ReplicaCatalog.Defect d : catalog.defects("portal")) { ... d.page(), d.selector(), d.wcag() ... }
 * }</pre>
 */
public record ReplicaCatalog(List<Site> sites, List<Defect> defects, List<ControlPage> controlPages) {

    /** One replica site. {@code login} is present for sites with a login (yth). */
    public record Site(String id, String name, String nameEn, int defaultPort, List<Page> pages, Optional<Login> login) {
        public Optional<Page> page(String path) {
            return pages.stream().filter(p -> p.path().equals(path)).findFirst();
        }
    }

    /**
     * One page. {@code type}: home, list, article, guide, form, search, process, mobile or control. {@code path} may
     * carry a query string. {@code charset} is "gb2312" for the GBK pages (decode as GB18030), else "utf-8".
     * {@code flowStep} > 0 marks pages of the yth application flow, reachable only after login and the earlier steps.
     */
    public record Page(String path, String type, String title, String charset, boolean requiresLogin, int flowStep) {
    }

    /** The demo account of a site with a login form. */
    public record Login(String path, String username, String password, String captcha, String cookie) {
    }

    /**
     * One deliberate defect. {@code detectable}: "static" (from the HTML), "rendered" (needs a browser) or "manual".
     * {@code wcag} may be empty when the defect is against a MIIT 适老化 item only ({@code miit}).
     */
    public record Defect(String id, String site, String page, String selector, List<String> wcag, String description,
                         String descriptionEn, String detectable, List<String> miit) {
    }

    /** A page written to have no defects at all: audits must report zero failures there. */
    public record ControlPage(String site, String page, String title) {
    }

    /** Reads both files from the classpath; fails loudly if either is missing or malformed. */
    public static ReplicaCatalog load() {
        Map<String, Object> sitesDoc = object(Json.parse(resource("sites/sites.json")));
        Map<String, Object> defectsDoc = object(Json.parse(resource("sites/defects.json")));
        List<Site> sites = list(sitesDoc.get("sites")).stream().map(o -> site(object(o))).toList();
        List<Defect> defects = list(defectsDoc.get("defects")).stream().map(o -> defect(object(o))).toList();
        List<ControlPage> controls = list(defectsDoc.get("controlPages")).stream().map(o -> {
            Map<String, Object> m = object(o);
            return new ControlPage(str(m, "site"), str(m, "page"), str(m, "title"));
        }).toList();
        return new ReplicaCatalog(sites, defects, controls);
    }

    public Site site(String id) {
        return sites.stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown site id: " + id));
    }

    public List<Defect> defects(String siteId) {
        return defects.stream().filter(d -> d.site().equals(siteId)).toList();
    }

    public List<ControlPage> controlPages(String siteId) {
        return controlPages.stream().filter(c -> c.site().equals(siteId)).toList();
    }

    private static Site site(Map<String, Object> m) {
        List<Page> pages = list(m.get("pages")).stream().map(o -> {
            Map<String, Object> p = object(o);
            return new Page(str(p, "path"), str(p, "type"), str(p, "title"),
                    p.containsKey("charset") ? str(p, "charset") : "utf-8",
                    Boolean.TRUE.equals(p.get("requiresLogin")),
                    p.containsKey("flowStep") ? ((Number) p.get("flowStep")).intValue() : 0);
        }).toList();
        Optional<Login> login = Optional.ofNullable(m.get("login")).map(o -> {
            Map<String, Object> l = object(o);
            return new Login(str(l, "path"), str(l, "username"), str(l, "password"), str(l, "captcha"), str(l, "cookie"));
        });
        return new Site(str(m, "id"), str(m, "name"), str(m, "nameEn"), ((Number) m.get("defaultPort")).intValue(),
                pages, login);
    }

    private static Defect defect(Map<String, Object> m) {
        return new Defect(str(m, "id"), str(m, "site"), str(m, "page"), str(m, "selector"), strings(m.get("wcag")),
                str(m, "description"), str(m, "descriptionEn"), str(m, "detectable"),
                m.containsKey("miit") ? strings(m.get("miit")) : List.of());
    }

    private static String resource(String name) {
        return new String(SiteResources.classpath(name)
                .orElseThrow(() -> new IllegalStateException("missing classpath resource " + name)), StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object o) {
        if (!(o instanceof Map)) {
            throw new IllegalArgumentException("expected a JSON object, got " + o);
        }
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        if (!(o instanceof List)) {
            throw new IllegalArgumentException("expected a JSON array, got " + o);
        }
        return (List<Object>) o;
    }

    private static List<String> strings(Object o) {
        return list(o).stream().map(String::valueOf).toList();
    }

    private static String str(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof String s)) {
            throw new IllegalArgumentException("expected string field '" + key + "' in " + m);
        }
        return s;
    }
}
