package org.yiyue.demo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** zwfw: {@code /} redirects to the topic page; {@code /search?q=} searches the matters catalogue. */
final class ZwfwRoutes implements Routes {

    record Matter(String title, String dept, String path, String keywords) {
    }

    @Override
    public Optional<Reply> route(Request request, SiteResources site) {
        String path = request.path();
        if (path.equals("/") && request.isGet()) {
            return Optional.of(Reply.redirect(302, "/index.html"));
        }
        if ((path.equals("/search") || path.equals("/search.html")) && request.isGet()) {
            return Optional.of(search(request.query().getOrDefault("q", "").strip(), site));
        }
        return Optional.empty();
    }

    private Reply search(String q, SiteResources site) {
        if (q.length() > 100) {
            q = q.substring(0, 100);
        }
        List<Matter> hits = new ArrayList<>();
        if (!q.isEmpty()) {
            String needle = q.toLowerCase(Locale.ROOT);
            for (Matter m : matters(site)) {
                if ((m.title() + " " + m.dept() + " " + m.keywords()).toLowerCase(Locale.ROOT).contains(needle)) {
                    hits.add(m);
                }
            }
        }
        StringBuilder rows = new StringBuilder();
        for (Matter m : hits) {
            rows.append("<li><a href=\"").append(SiteResources.escape(m.path())).append("\">")
                    .append(SiteResources.escape(m.title())).append("</a><span class=\"dept\">")
                    .append(SiteResources.escape(m.dept())).append("</span></li>\n");
        }
        String summary = q.isEmpty() ? "请输入事项名称、部门或关键词进行搜索。"
                : hits.isEmpty() ? "未找到与“" + SiteResources.escape(q) + "”相关的事项，请更换关键词。"
                : "共找到 <em id=\"hit-count\">" + hits.size() + "</em> 个与“" + SiteResources.escape(q) + "”相关的事项";
        return site.page(200, "/_tpl/search.html",
                Map.of("q", SiteResources.escape(q), "summary", summary, "results", rows.toString()));
    }

    /** The catalogue: one tab-separated matter per line (title, department, page, keywords). */
    static List<Matter> matters(SiteResources site) {
        String tsv = new String(site.raw("/_data/matters.tsv").orElse(new byte[0]), StandardCharsets.UTF_8);
        List<Matter> out = new ArrayList<>();
        for (String line : tsv.split("\n")) {
            String[] f = line.split("\t");
            if (f.length >= 3 && !line.startsWith("#")) {
                out.add(new Matter(f[0].strip(), f[1].strip(), f[2].strip(), f.length > 3 ? f[3].strip() : ""));
            }
        }
        return out;
    }
}
