package org.yiyue.overlay.audit;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yiyue.audit.report.AuditReport;
import org.yiyue.audit.report.Finding;

/**
 * Failures of a later run against an earlier one of the same site: new, fixed and unchanged. A failure is the same
 * when rule, page path and target selector are the same (page URLs compared by path, so a moved origin still
 * matches).
 */
public record RunComparison(List<Finding> added, List<Finding> fixed, List<Finding> unchanged) {

    public static RunComparison of(AuditReport before, AuditReport after) {
        Map<String, Finding> old = failures(before);
        Map<String, Finding> now = failures(after);
        List<Finding> added = new ArrayList<>();
        List<Finding> unchanged = new ArrayList<>();
        now.forEach((k, f) -> (old.containsKey(k) ? unchanged : added).add(f));
        List<Finding> fixed = new ArrayList<>();
        old.forEach((k, f) -> {
            if (!now.containsKey(k)) {
                fixed.add(f);
            }
        });
        return new RunComparison(added, fixed, unchanged);
    }

    static String key(Finding f) {
        return f.ruleId() + "|" + path(f.page()) + "|" + f.target();
    }

    private static Map<String, Finding> failures(AuditReport r) {
        Map<String, Finding> out = new LinkedHashMap<>();
        for (Finding f : r.findings()) {
            if (f.failed()) {
                out.putIfAbsent(key(f), f);
            }
        }
        return out;
    }

    private static String path(String url) {
        try {
            URI u = URI.create(url);
            return (u.getRawPath() == null ? "" : u.getRawPath()) + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
        } catch (IllegalArgumentException e) {
            return url;
        }
    }
}
