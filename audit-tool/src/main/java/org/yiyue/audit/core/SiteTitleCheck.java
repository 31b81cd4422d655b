package org.yiyue.audit.core;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.yiyue.audit.report.Finding;
import org.yiyue.audit.report.PageReport;
import org.yiyue.audit.report.RuleInfo;
import org.yiyue.rules.checks.site.SharedTitles;
import org.yiyue.rules.model.Mapping;
import org.yiyue.rules.model.RuleMeta;

/**
 * Runs the site-level title check ({@link SharedTitles}, 2.4.2 / F25) over the audited pages once they are all in,
 * and adds its verdict to each page's findings and outcomes. Content is compared by the text of the page as fetched,
 * so two URLs of one page are not taken for two pages.
 */
final class SiteTitleCheck {

    private SiteTitleCheck() {
    }

    static RuleInfo info() {
        RuleMeta m = SharedTitles.META;
        return new RuleInfo(m.id(), StaticRules.ENGINE, m.title(), m.wcag(), m.miit().stream().map(Mapping::item).toList(), null);
    }

    /** @param contentKeys per URL, a key equal for pages of equal text (pages without one count as distinct) */
    static List<PageReport> apply(List<PageReport> pages, Map<String, String> contentKeys) {
        List<SharedTitles.SitePage> site = new ArrayList<>();
        for (PageReport p : pages) {
            if (p.audited()) {
                URI u = URI.create(p.url());
                site.add(new SharedTitles.SitePage(p.url(), u.getScheme() + "://" + u.getRawAuthority() + u.getRawPath(),
                        p.title(), contentKeys.getOrDefault(p.url(), p.url())));
            }
        }
        Map<String, SharedTitles.Result> byUrl = new HashMap<>();
        SharedTitles.check(site).forEach(r -> byUrl.put(r.url(), r));
        RuleMeta m = SharedTitles.META;
        List<String> miit = m.miit().stream().map(Mapping::item).toList();
        List<PageReport> out = new ArrayList<>(pages.size());
        for (PageReport p : pages) {
            SharedTitles.Result r = byUrl.get(p.url());
            if (r == null) {
                out.add(p);
                continue;
            }
            List<Finding> findings = new ArrayList<>(p.findings());
            if (!r.outcome().equals("passed")) {
                findings.add(new Finding(p.url(), StaticRules.ENGINE, m.id(), r.outcome(), m.wcag(), miit,
                        r.outcome().equals("failed") ? "serious" : "moderate", "title",
                        PageFindings.snippet("<title>" + p.title() + "</title>"), r.message(), m.help(), null, List.of()));
            }
            Map<String, String> outcomes = new HashMap<>(p.ruleOutcomes());
            outcomes.put(m.id(), r.outcome());
            out.add(new PageReport(p.url(), p.title(), p.pageType(), p.sample(), p.device(), p.status(), p.httpStatus(),
                    p.detail(), p.millis(), findings, outcomes));
        }
        return out;
    }
}
