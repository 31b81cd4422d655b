package org.yiyue.rules.checks.site;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yiyue.rules.engine.Meta;
import org.yiyue.rules.model.Confidence;
import org.yiyue.rules.model.Level;
import org.yiyue.rules.model.RuleMeta;
import org.yiyue.rules.model.Text;

/**
 * WCAG 2.4.2 across a site (failure F25: the title does not identify the page's contents): a title that several
 * pages with different content share cannot tell them apart — the legacy template that gives every page the site's
 * name. A site-level check, run over the audited sample, not a page rule:
 * <ul>
 * <li>failed: pages of different paths with different content share the title;</li>
 * <li>cantTell: the pages differ only in their query (search results, one record of a list): whether the title
 *     should name the query or record is a person's call;</li>
 * <li>passed: the page's title is its own (or every page carrying it has the same content: one page, two URLs).</li>
 * </ul>
 * Pages without a title are left to page-title (2.4.2, ACT 2779a5).
 */
public final class SharedTitles {

    public static final RuleMeta META = Meta.rule("page-title-unique-in-site")
            .title("网站内不同页面的标题互不相同", "Different pages of a site have different titles")
            .help("每个页面的 <title> 写明本页主题，如“高龄津贴申领 - 办事指南 - 网站名”，不要整站共用网站名",
                    "Give each page a <title> naming its own topic, e.g. 'Topic - Section - Site', not the site name on every page")
            .wcag(Level.A, "2.4.2")
            .gbt("≈ WCAG 2.4.2", "网页标题（条款号未核实）", Confidence.OURS)
            .tags("navigation", "site").build();

    /** One audited page: its URL split into path and query, its title, and a key that is equal for equal content. */
    public record SitePage(String url, String path, String title, String contentKey) {
    }

    /** The verdict on one page; {@code others} are the URLs that share its title. */
    public record Result(String url, String outcome, Text message, List<String> others) {
    }

    private SharedTitles() {
    }

    public static List<Result> check(List<SitePage> pages) {
        Map<String, List<SitePage>> byTitle = new LinkedHashMap<>();
        for (SitePage p : pages) {
            String t = normalise(p.title());
            if (!t.isEmpty()) {
                byTitle.computeIfAbsent(t, k -> new ArrayList<>()).add(p);
            }
        }
        List<Result> out = new ArrayList<>();
        for (SitePage p : pages) {
            String t = normalise(p.title());
            if (t.isEmpty()) {
                continue;
            }
            List<SitePage> same = byTitle.get(t).stream()
                    .filter(o -> !o.url().equals(p.url()) && !o.contentKey().equals(p.contentKey())).toList();
            if (same.isEmpty()) {
                out.add(new Result(p.url(), "passed", Text.of("页面标题在样本中唯一", "The title is unique in the sample"), List.of()));
                continue;
            }
            Set<String> otherPaths = new LinkedHashSet<>();
            same.forEach(o -> otherPaths.add(o.path()));
            List<String> urls = same.stream().map(SitePage::url).limit(5).toList();
            String list = String.join("、", urls) + (same.size() > 5 ? " 等" : "");
            String listEn = String.join(", ", urls) + (same.size() > 5 ? " …" : "");
            if (otherPaths.equals(Set.of(p.path()))) {
                out.add(new Result(p.url(), "cantTell",
                        Text.of("与同一路径、不同查询参数的 " + same.size() + " 个页面（" + list + "）标题相同（“" + t + "”）；请判断标题是否应写明查询内容",
                                "Shares its title (“" + t + "”) with " + same.size() + " page(s) of the same path and another query ("
                                        + listEn + "); decide whether the title should name what was asked for"), urls));
            } else {
                out.add(new Result(p.url(), "failed",
                        Text.of("与内容不同的 " + same.size() + " 个页面（" + list + "）标题相同（“" + t + "”），标题不能说明本页内容（失败技术 F25）",
                                "Shares its title (“" + t + "”) with " + same.size() + " page(s) of different content ("
                                        + listEn + "): the title does not identify this page (failure F25)"), urls));
            }
        }
        return out;
    }

    static String normalise(String title) {
        return title == null ? "" : title.replaceAll("[\\s\\u00a0\\u3000]+", " ").strip();
    }
}
