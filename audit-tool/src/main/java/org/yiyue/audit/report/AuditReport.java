package org.yiyue.audit.report;

import java.util.List;
import java.util.Map;

/**
 * The one result model every renderer reads (HTML, PDF, JSON, EARL, CSV, JUnit). Sections follow
 * spec/standards.md §3: identification, scope, standards, environment, sample, veto check, results per
 * requirement with evidence, scores, issues with fix advice, conclusion and date.
 */
public record AuditReport(
        String tool,
        String toolVersion,
        String siteId,
        String siteName,
        String startUrl,
        String startedAt,
        String finishedAt,
        String locale,
        Scope scope,
        List<String> standards,
        Environment environment,
        List<SampleEntry> sample,
        List<PageReport> pages,
        List<RuleInfo> rules,
        List<RequirementResult> requirements,
        List<Score> scores,
        Trend trend,
        boolean complete) {

    public AuditReport {
        standards = List.copyOf(standards);
        sample = List.copyOf(sample);
        pages = List.copyOf(pages);
        rules = List.copyOf(rules);
        requirements = List.copyOf(requirements);
        scores = List.copyOf(scores);
    }

    /** pages: URLs audited; devices: "desktop", "mobile"; processes: complete processes given by the tester. */
    public record Scope(int pagesFound, int pagesAudited, List<String> devices, List<String> processes,
                        int maxPages, int maxDepth, boolean staticOnly, String note) {
    }

    /**
     * @param axeSource   where the axe-core came from and its integrity (npm's SRI of the tarball, verified at build)
     * @param engineMerge per ACT rule, which engine decided (by measured consistency on W3C's test cases)
     */
    public record Environment(String browser, String axeVersion, String rulesVersion, String java, String os,
                              int workers, String assistiveTech, String axeSource, List<EngineDecision> engineMerge) {
        public Environment {
            axeSource = axeSource == null ? "" : axeSource;
            engineMerge = engineMerge == null ? List.of() : List.copyOf(engineMerge);
        }
    }

    public record SampleEntry(String url, String reason, String detail) {
    }

    /** Failures of the previous run of the same site, for the trend chart; null when there was none. */
    public record Trend(List<Point> points) {
        public record Point(String date, long failures, Map<String, Integer> scores) {
        }
    }

    public long failures() {
        return pages.stream().mapToLong(PageReport::failures).sum();
    }

    public List<Finding> findings() {
        return pages.stream().flatMap(p -> p.findings().stream()).toList();
    }

    /**
     * Pages this audit did not audit in full: not audited at all (fetch failed, not HTML …), and in a browser audit
     * the pages whose browser part failed and that have static results only. Reports and the CLI name them.
     */
    public List<PageReport> incompletePages() {
        return pages().stream().filter(p -> !p.audited() || (!scope().staticOnly() && "audited-static".equals(p.status()))).toList();
    }
}
