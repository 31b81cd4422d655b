package org.yiyue.audit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.yiyue.audit.judge.Fixtures;
import org.yiyue.audit.judge.Judge;
import org.yiyue.audit.judge.Scoring;

public class RenderersTest {

    public static AuditReport report() {
        String u1 = "http://a.cn/index.html";
        String u2 = "http://a.cn/news/1.html";
        PageReport p1 = Fixtures.page(u1, List.of(
                Fixtures.failed(u1, "yiyue", "image-name", "#logo > img", "1.1.1"),
                Fixtures.failed(u1, "axe-core", "axe:image-alt", "img.x", "1.1.1"),
                new Finding(u1, "yiyue", "html-lang", "failed", List.of("3.1.1"), List.of(), "serious", "html", "<html>",
                        org.yiyue.rules.model.Text.of("缺少语言", "no lang"), org.yiyue.rules.model.Text.of("加 lang", "=HYPERLINK(\"x\")"), null, List.of())),
                Map.of("image-name", "failed", "axe:image-alt", "failed", "html-lang", "failed", "reflow-320", "passed"));
        PageReport p2 = Fixtures.page(u2, List.of(), Map.of("image-name", "passed", "html-lang", "passed", "axe:image-alt", "inapplicable"));
        PageReport bad = new PageReport("http://a.cn/gone.html", "", "", "structured", "desktop", "http-error", 404, "HTTP 404", 3, List.of(), Map.of());
        List<PageReport> pages = List.of(p1, p2, bad);
        List<RuleInfo> rules = new java.util.ArrayList<>(Fixtures.rules());
        rules.add(new RuleInfo("axe:image-alt", "axe-core", org.yiyue.rules.model.Text.of("alt", "alt"), List.of("1.1.1"), List.of(), "https://dequeuniversity.com/rules/axe/4.11/image-alt"));
        List<String> stds = List.of(Judge.WCAG, Judge.GBT, Judge.ELDER);
        List<RequirementResult> reqs = new Judge(pages, rules, List.of()).judge(stds);
        return new AuditReport("Yiyue audit", "0.1.0", "a", "测试站点 <a&b>", u1, "2026-11-26T00:00:00Z", "2026-11-26T00:01:00Z",
                "zh-CN", new AuditReport.Scope(3, 2, List.of("desktop"), List.of(), 10, 2, false, "every crawled page"),
                stds, new AuditReport.Environment("Chromium 1", "4.11.1", "52 rules", "Java 17", "Linux", 1, "none", "", List.of()),
                List.of(new AuditReport.SampleEntry(u1, "structured", "home")), pages, rules, reqs, Scoring.score(reqs, stds, 2),
                new AuditReport.Trend(List.of(new AuditReport.Trend.Point("2026-11-25", 5, Map.of()),
                        new AuditReport.Trend.Point("2026-11-26", 3, Map.of()))), true);
    }

    @Test
    void earlHasOneAssertionPerPageAndRule() throws Exception {
        AuditReport r = report();
        JsonNode earl = JsonReport.MAPPER.readTree(JsonReport.MAPPER.writeValueAsString(EarlReport.render(r)));
        assertTrue(earl.get("@context").isObject());
        Set<String> pairs = new HashSet<>();
        int assertions = 0;
        for (JsonNode n : earl.get("@graph")) {
            if (n.path("@type").asText().equals("earl:Assertion")) {
                assertions++;
                assertTrue(pairs.add(n.at("/earl:subject/@id").asText() + " " + n.at("/earl:test/@id").asText()), "duplicate (page, rule)");
                assertTrue(Set.of("earl:passed", "earl:failed", "earl:cantTell", "earl:inapplicable", "earl:untested")
                        .contains(n.at("/earl:result/earl:outcome/@id").asText()));
            }
        }
        int expected = r.pages().stream().mapToInt(p -> p.audited() ? p.ruleOutcomes().size() : 1).sum();
        assertEquals(expected, assertions);
        assertEquals(8, assertions);
    }

    @Test
    void csvQuotesAndDefusesFormulas() {
        String csv = CsvReport.render(report(), false);
        assertTrue(csv.startsWith("\uFEFF\"site\""));
        assertTrue(csv.contains("\"'=HYPERLINK(\"\"x\"\")\""), csv);
        assertTrue(csv.contains("\"http-error\""));
    }

    @Test
    void junitXmlParsesAndCountsFailures() throws Exception {
        String xml = JunitReport.render(report());
        org.w3c.dom.Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        org.w3c.dom.Element root = d.getDocumentElement();
        assertEquals("testsuites", root.getTagName());
        assertEquals("3", root.getAttribute("failures"));
        assertEquals("1", root.getAttribute("errors"), "the 404 page");
    }

    @Test
    void htmlFollowsTheSkeletonAndClaimsNoCompliance() {
        for (boolean zh : new boolean[] {true, false}) {
            String html = new HtmlReport(zh, null).render(report());
            assertTrue(html.startsWith("<!DOCTYPE html>"));
            assertTrue(html.contains("lang=\"" + (zh ? "zh-CN" : "en") + "\""));
            assertFalse(html.contains("合规"), "never claims compliance");
            assertFalse(html.toLowerCase().contains("compliant"));
            assertFalse(html.contains("<a&b>"), "escaped");
            for (String section : List.of("-id\"", "-scope\"", "-std\"", "-env\"", "-sample\"", "-veto\"", "-results\"", "-score\"",
                    "-charts\"", "-issues\"", "-end\"")) {
                assertTrue(html.contains("id=\"s" + section), section);
            }
            assertTrue(html.contains("<svg role=\"img\""));
            assertTrue(html.contains(zh ? "未自动检测（需测评人员）" : "not tested automatically"));
        }
    }
}
