package org.yiyue.audit.cli;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.yiyue.audit.crawl.FetchResult;
import org.yiyue.audit.crawl.Fetcher;
import org.yiyue.audit.report.AuditReport;
import org.yiyue.audit.report.Finding;
import org.yiyue.audit.report.PageReport;
import org.yiyue.demo.ReplicaCatalog;

/**
 * Decides whether an audit found a declared defect: a failed finding on the defect's page whose element is the
 * defect's element (or inside it; page-level defects on html/head/body/title/meta match page-level findings),
 * for at least one of the defect's WCAG SCs (or its MIIT item when it has no SC). Elements are compared in the
 * page's served HTML.
 */
public final class DefectMatcher {

    public record Match(String id, String page, String selector, List<String> wcag, String detectable, boolean found,
                        List<String> foundBy, String note) {
    }

    private static final java.util.regex.Pattern ATTRIBUTE_TARGET =
            java.util.regex.Pattern.compile("(.*\\S)\\s+\\[([A-Za-z_:][-A-Za-z0-9_:.]*)]");
    private static final Set<String> PAGE_LEVEL = Set.of("html", "head", "body", "title", "meta");

    private final Fetcher fetcher;

    public DefectMatcher(Fetcher fetcher) {
        this.fetcher = fetcher;
    }

    public List<Match> match(AuditReport report, URI origin, List<ReplicaCatalog.Defect> defects) {
        List<Match> out = new ArrayList<>();
        for (ReplicaCatalog.Defect d : defects) {
            URI pageUrl = origin.resolve(d.page());
            PageReport page = report.pages().stream().filter(p -> samePage(p.url(), pageUrl)).findFirst().orElse(null);
            if (page == null) {
                out.add(new Match(d.id(), d.page(), d.selector(), d.wcag(), d.detectable(), false, List.of(), "page not audited"));
                continue;
            }
            if (!page.audited()) {
                out.add(new Match(d.id(), d.page(), d.selector(), d.wcag(), d.detectable(), false, List.of(), "page " + page.status()));
                continue;
            }
            Document doc = fetch(pageUrl);
            List<Element> defectEls = doc == null ? List.of() : safeSelect(doc, d.selector());
            Set<String> by = new LinkedHashSet<>();
            for (Finding f : page.findings()) {
                if (!f.failed() || !relevant(f, d)) {
                    continue;
                }
                List<Element> hit = doc == null ? List.of() : findingElements(doc, f.target());
                if (sameElement(hit, defectEls)) {
                    by.add(f.engine() + ":" + f.ruleId());
                    f.alsoFoundBy().forEach(e -> by.add(e + " (merged)"));
                }
            }
            String note = defectEls.isEmpty() ? "defect selector matches nothing in the served page" : "";
            out.add(new Match(d.id(), d.page(), d.selector(), d.wcag(), d.detectable(), !by.isEmpty(), List.copyOf(by), note));
        }
        return out;
    }

    /**
     * The elements a finding's target names. Rules whose test target is an attribute (ACT allows that) write it as
     * "element-selector [attribute]", e.g. {@code #f > label:nth-child(1) [for]}; read as CSS that would select the
     * element's descendants with the attribute, usually none. So when the target selects nothing as CSS, the part
     * before the bracket names the element, provided the element carries that attribute.
     */
    static List<Element> findingElements(Document doc, String target) {
        List<Element> hit = safeSelect(doc, target);
        if (!hit.isEmpty() || target == null) {
            return hit;
        }
        java.util.regex.Matcher m = ATTRIBUTE_TARGET.matcher(target.strip());
        if (!m.matches()) {
            return hit;
        }
        String attribute = m.group(2);
        return safeSelect(doc, m.group(1)).stream().filter(e -> e.hasAttr(attribute)).toList();
    }

    static boolean relevant(Finding f, ReplicaCatalog.Defect d) {
        if (d.wcag().isEmpty()) {
            return d.miit() != null && f.miit().stream().anyMatch(d.miit()::contains);
        }
        return f.sc().stream().anyMatch(d.wcag()::contains);
    }

    static boolean sameElement(List<Element> finding, List<Element> defect) {
        for (Element f : finding) {
            for (Element d : defect) {
                if (f == d) {
                    return true;
                }
                for (Element a = f.parent(); a != null; a = a.parent()) {
                    if (a == d && !PAGE_LEVEL.contains(d.normalName())) {
                        return true;
                    }
                }
                if (PAGE_LEVEL.contains(d.normalName()) && PAGE_LEVEL.contains(f.normalName())) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean samePage(String reportUrl, URI defectUrl) {
        URI r = URI.create(reportUrl);
        String a = r.getRawPath() + (r.getRawQuery() == null ? "" : "?" + r.getRawQuery());
        String b = defectUrl.getRawPath() + (defectUrl.getRawQuery() == null ? "" : "?" + defectUrl.getRawQuery());
        return a.equals(b) && r.getPort() == defectUrl.getPort();
    }

    private Document fetch(URI u) {
        FetchResult r = fetcher.fetch(u);
        return r instanceof FetchResult.Html h ? Jsoup.parse(h.html(), h.finalUrl().toString()) : null;
    }

    private static List<Element> safeSelect(Document doc, String selector) {
        if (selector == null || selector.isBlank()) {
            return List.of();
        }
        try {
            return doc.select(selector);
        } catch (RuntimeException e) {
            return List.of();
        }
    }
}
