package org.yiyue.audit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yiyue.audit.browser.AuditBrowser;

/**
 * Reports lead with the verdict: the top of the HTML report and the first page of its PDF (printed by Chromium, read
 * back by PDFBox) hold per standard the score, the veto items, failures by severity, the top problems with pages and
 * fix hints, and what needs an evaluator; the combined certificate opens with a one-page overview of every site.
 */
public class VerdictFirstTest {

    static AuditReport other() {
        AuditReport r = RenderersTest.report();
        return new AuditReport(r.tool(), r.toolVersion(), "b", "乙站", r.startUrl(), r.startedAt(), r.finishedAt(), r.locale(),
                r.scope(), r.standards(), r.environment(), r.sample(), r.pages(), r.rules(), r.requirements(), r.scores(), r.trend(), r.complete());
    }

    @Test
    void theHtmlReportOpensWithScoresVetoSeveritiesTopProblemsAndOpenItems() {
        AuditReport r = RenderersTest.report();
        for (boolean zh : new boolean[] {true, false}) {
            Document d = Jsoup.parse(new HtmlReport(zh, null).render(r));
            Element first = d.selectFirst("main > *");
            assertTrue(first.is("section.verdict"), "the verdict comes first in main: " + first.tagName() + first.className());
            Element scores = first.selectFirst("table.scores");
            assertEquals(r.scores().size(), scores.select("tbody tr").size());
            for (Score s : r.scores()) {
                assertTrue(scores.text().contains(shown(s, zh)), s + " in " + scores.text());
            }
            String elder = scores.select("tbody tr").last().text();
            assertTrue(elder.contains(zh ? "不通过" : "failed") || elder.contains(zh ? "未发现不通过" : "none failed"), elder);
            assertTrue(first.selectFirst("p.severity").text().contains(zh ? "较重 3" : "serious 3"), first.selectFirst("p.severity").text());
            Element top = first.selectFirst("table.top");
            assertEquals(3, top.select("tbody tr").size(), "three failing checks in the fixture");
            assertTrue(top.text().contains("html-lang") && top.text().contains("/index.html"), top.text());
            assertTrue(top.text().contains(zh ? "加 lang" : "=HYPERLINK"), "fix hint: " + top.text());
            assertTrue(first.selectFirst("p.evaluator").text().contains(zh ? "未自动检测" : "not tested automatically"));
            assertEquals(2, first.select("svg[role=img]").size(), "charts by principle and by page type");
            assertEquals(2, first.select("details table").size(), "each chart's numbers as a table");
            // the identification and scope tables come after it
            assertTrue(d.html().indexOf("id=\"s-v\"") < d.html().indexOf("id=\"s-id\""));
        }
    }

    @Test
    void theFirstPdfPagesHoldTheVerdict(@TempDir Path dir) throws Exception {
        AuditReport r = RenderersTest.report();
        Path html = dir.resolve("report.html");
        Path all = dir.resolve("certification.html");
        new HtmlReport(true, dir).write(r, html);
        Files.writeString(all, new HtmlReport(true, null).renderAll("四个网站测评", List.of(r, other())), StandardCharsets.UTF_8);
        try (AuditBrowser b = AuditBrowser.start(true, Duration.ofSeconds(60))) {
            PdfReport.print(b.driver(), html, dir.resolve("report.pdf"));
            PdfReport.print(b.driver(), all, dir.resolve("certification.pdf"));
        }
        String site = firstPage(dir.resolve("report.pdf"));
        assertTrue(site.contains("结论摘要"), site);
        for (Score s : r.scores()) {
            assertTrue(site.contains(shown(s, true)), s + " on page 1: " + site);
        }
        assertTrue(site.contains("否决项"), site);
        assertTrue(site.contains("较重 3"), site);
        assertTrue(site.contains("最需修复") && site.contains("html-lang") && site.contains("/index.html"), site);
        assertTrue(site.contains("需要测评人员"), site);
        assertFalse(site.contains("一、标识"), "identification starts on a later page");

        String cert = firstPage(dir.resolve("certification.pdf"));
        assertTrue(cert.contains("各网站结论摘要"), cert);
        assertTrue(cert.contains("测试站点") && cert.contains("乙站"), "both sites on the first page: " + cert);
        assertTrue(cert.contains(shown(r.scores().get(0), true)), cert);
        assertFalse(cert.contains("一、标识"), cert);
    }

    /** A score as the summary prints it (-1: nothing decided yet). */
    static String shown(Score s, boolean zh) {
        return s.value() >= 0 ? s.value() + " / 100" : zh ? "无（没有已判定" : "n/a";
    }

    /** The text of a PDF's first page (PDFBox), whitespace collapsed. */
    public static String firstPage(Path pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertTrue(doc.getNumberOfPages() > 1);
            PDFTextStripper s = new PDFTextStripper();
            s.setStartPage(1);
            s.setEndPage(1);
            return s.getText(doc).replaceAll("\\s+", " ");
        }
    }
}
