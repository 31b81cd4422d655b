package org.yiyue.overlay.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yiyue.audit.report.AuditReport;
import org.yiyue.audit.report.Finding;
import org.yiyue.audit.report.PageReport;
import org.yiyue.rules.model.Text;

class RunComparisonTest {

    private static Finding f(String origin, String page, String rule, String target, String outcome) {
        return new Finding(origin + page, "yiyue", rule, outcome, List.of("1.1.1"), List.of(), "serious", target, "<img>",
                new Text("缺少替代文本", "missing alt"), null, null, List.of());
    }

    private static AuditReport report(Finding... findings) {
        PageReport page = new PageReport("http://x/", "t", "home", "structured", "desktop", "audited", 200, "", 1,
                List.of(findings), Map.of());
        return new AuditReport("t", "1", "zwfw", "z", "http://x/", "a", "b", "zh-CN", null, List.of(), null, List.of(),
                List.of(page), List.of(), List.of(), List.of(), null, true);
    }

    @Test
    void newFixedAndUnchangedFailures() {
        AuditReport before = report(f("http://127.0.0.1:1", "/a", "img-alt", "#logo", "failed"),
                f("http://127.0.0.1:1", "/a", "img-alt", "#banner", "failed"),
                f("http://127.0.0.1:1", "/b", "link-name", "a.more", "cantTell"));
        // same site on another port (restarted replica): matched by path
        AuditReport after = report(f("http://127.0.0.1:2", "/a", "img-alt", "#logo", "failed"),
                f("http://127.0.0.1:2", "/b", "link-name", "a.more", "failed"));
        RunComparison c = RunComparison.of(before, after);
        assertEquals(List.of("#logo"), c.unchanged().stream().map(Finding::target).toList());
        assertEquals(List.of("#banner"), c.fixed().stream().map(Finding::target).toList());
        assertEquals(List.of("a.more"), c.added().stream().map(Finding::target).toList(), "cantTell → failed is new");
    }
}
