package org.yiyue.audit.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yiyue.audit.report.ManualResult;
import org.yiyue.audit.report.PageReport;
import org.yiyue.audit.report.RequirementResult;
import org.yiyue.audit.report.Score;
import org.yiyue.audit.report.Verdict;

class JudgeTest {

    private static final List<String> ALL = List.of(Judge.WCAG, Judge.GBT, Judge.ELDER);

    private static RequirementResult req(List<RequirementResult> rs, String std, String id) {
        return rs.stream().filter(r -> r.standard().equals(std) && r.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void fiftyFiveScsAndTheNoActOnesAreNeverPassedByAutomation() {
        assertEquals(55, Wcag22.all().size());
        assertEquals(31, Wcag22.all().stream().filter(s -> s.level().equals("A")).count());
        assertEquals(25, Wcag22.NO_ACT_RULE.size());
        PageReport p = Fixtures.page("http://a.cn/", List.of(), Map.of("reflow-320", "passed", "image-name", "passed",
                "html-lang", "inapplicable"));
        List<RequirementResult> rs = new Judge(List.of(p), Fixtures.rules(), List.of()).judge(ALL);
        assertEquals(Verdict.NOT_TESTED, req(rs, Judge.WCAG, "1.4.10").verdict(), "1.4.10 has no ACT rule: never passed");
        assertEquals(Verdict.PASSED_BY_AUTOMATION, req(rs, Judge.WCAG, "1.1.1").verdict());
        assertEquals(Verdict.NOT_APPLICABLE, req(rs, Judge.WCAG, "3.1.1").verdict());
        assertEquals(Verdict.NOT_TESTED, req(rs, Judge.WCAG, "1.3.2").verdict(), "no check at all");
        assertTrue(rs.stream().filter(r -> r.standard().equals(Judge.WCAG)).noneMatch(r -> Wcag22.NO_ACT_RULE.contains(r.id())
                && r.verdict() == Verdict.PASSED_BY_AUTOMATION));
    }

    @Test
    void scAnchorsAreTheFragmentIdsOfTheWcag22Recommendation() {
        assertEquals("contrast-minimum", Wcag22.w3cAnchor("1.4.3"));
        assertEquals("name-role-value", Wcag22.w3cAnchor("4.1.2"));
        assertEquals("non-text-content", Wcag22.w3cAnchor("1.1.1"));
        assertEquals("error-prevention-legal-financial-data", Wcag22.w3cAnchor("3.3.4"));
        assertEquals("audio-only-and-video-only-prerecorded", Wcag22.w3cAnchor("1.2.1"));
        assertEquals("interruptions", Wcag22.w3cAnchor("2.2.4")); // AAA: cited by ACT rules, not in the A/AA table
        assertEquals("change-on-request", Wcag22.w3cAnchor("3.2.5"));
        assertEquals("focus-not-obscured-minimum", Wcag22.w3cAnchor("2.4.11"));
        assertEquals("sc-9-9-9", Wcag22.w3cAnchor("9.9.9"));
    }

    @Test
    void failuresCountPagesAndCarryToGbtAndElder() {
        PageReport a = Fixtures.page("http://a.cn/1", List.of(Fixtures.failed("http://a.cn/1", "yiyue", "kbd-focus-visible", "a", "2.4.7")),
                Map.of("kbd-focus-visible", "failed"));
        PageReport b = Fixtures.page("http://a.cn/2", List.of(), Map.of("kbd-focus-visible", "passed"));
        List<RequirementResult> rs = new Judge(List.of(a, b), Fixtures.rules(), List.of()).judge(ALL);
        RequirementResult sc = req(rs, Judge.WCAG, "2.4.7");
        assertEquals(Verdict.FAILED, sc.verdict());
        assertEquals(1, sc.failedPages());
        assertEquals(Verdict.FAILED, req(rs, Judge.GBT, "GBT:2.4.7").verdict());
        assertEquals(Verdict.FAILED, req(rs, Judge.ELDER, "W-P5").verdict());
        List<Score> scores = Scoring.score(rs, ALL, 2);
        Score w = scores.get(0);
        assertEquals(1, w.decided());
        assertEquals(25, w.value(), "one failed requirement on half the pages: 0.5 × (1 − 1/2) = 0.25");
    }

    @Test
    void cantTellIsNotAPass() {
        PageReport p = Fixtures.page("http://a.cn/", List.of(Fixtures.cantTell("http://a.cn/", "image-name", "img", "1.1.1")),
                Map.of("image-name", "cantTell"));
        List<RequirementResult> rs = new Judge(List.of(p), Fixtures.rules(), List.of()).judge(List.of(Judge.WCAG));
        assertEquals(Verdict.CANNOT_TELL, req(rs, Judge.WCAG, "1.1.1").verdict());
        assertEquals(-1, Scoring.score(rs, List.of(Judge.WCAG), 1).get(0).value(), "nothing decided: no score");
    }

    @Test
    void evaluatorResultsCompleteTheReportButNeverHideAFailure() {
        PageReport p = Fixtures.page("http://a.cn/", List.of(Fixtures.failed("http://a.cn/", "yiyue", "image-name", "img", "1.1.1")),
                Map.of("image-name", "failed"));
        List<ManualResult> manual = List.of(
                new ManualResult("1.3.2", "passed", "张三", "2026-11-20", "reading order checked with NVDA"),
                new ManualResult("1.1.1", "passed", "张三", "2026-11-20", ""),
                new ManualResult("W-P7", "inapplicable", "李四", "2026-11-21", "no CAPTCHA"));
        List<RequirementResult> rs = new Judge(List.of(p), Fixtures.rules(), manual).judge(ALL);
        assertEquals(Verdict.PASSED_BY_EVALUATOR, req(rs, Judge.WCAG, "1.3.2").verdict());
        assertEquals("张三", req(rs, Judge.WCAG, "1.3.2").manual().checkedBy());
        assertEquals(Verdict.FAILED, req(rs, Judge.WCAG, "1.1.1").verdict(), "automation found a failing element");
        assertEquals(Verdict.NOT_APPLICABLE, req(rs, Judge.ELDER, "W-P7").verdict());
    }

    @Test
    void gbtClauseNumbersOnlyWhereASecondarySourceHasThem() {
        List<RequirementResult> rs = new Judge(List.of(), Fixtures.rules(), List.of()).judge(List.of(Judge.GBT));
        assertEquals("3.2.1.3 非文本控件", req(rs, Judge.GBT, "GBT:1.1.1").clause());
        assertNull(req(rs, Judge.GBT, "GBT:1.4.3").clause(), "unverified clause numbers are never printed");
        assertTrue(rs.stream().noneMatch(r -> r.id().equals("GBT:2.5.8")), "WCAG 2.2 additions have no 2019 counterpart");
        assertTrue(rs.stream().allMatch(r -> r.mapping().contains("our mapping")));
    }

    @Test
    void vetoItemsFlagged() {
        PageReport p = Fixtures.page("http://a.cn/", List.of(Fixtures.failed("http://a.cn/", "yiyue-browser", "kbd-trap", "#x", "2.1.2")),
                Map.of("kbd-trap", "failed"));
        List<RequirementResult> rs = new Judge(List.of(p), Fixtures.rules(), List.of()).judge(List.of(Judge.ELDER));
        RequirementResult o1 = req(rs, Judge.ELDER, "W-O1");
        assertTrue(o1.veto());
        assertEquals(Verdict.FAILED, o1.verdict());
        assertTrue(Scoring.score(rs, List.of(Judge.ELDER), 1).get(0).vetoFailed());
        assertEquals(Verdict.NOT_TESTED, req(rs, Judge.ELDER, "W-U1").verdict(), "needs an evaluator");
    }
}
