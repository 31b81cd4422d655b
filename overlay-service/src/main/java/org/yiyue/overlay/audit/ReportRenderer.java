package org.yiyue.overlay.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Semaphore;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.yiyue.audit.browser.AuditBrowser;
import org.yiyue.audit.judge.Judge;
import org.yiyue.audit.judge.Scoring;
import org.yiyue.audit.report.AuditReport;
import org.yiyue.audit.report.CsvReport;
import org.yiyue.audit.report.EarlReport;
import org.yiyue.audit.report.HtmlReport;
import org.yiyue.audit.report.JsonReport;
import org.yiyue.audit.report.JunitReport;
import org.yiyue.audit.report.SarifReport;
import org.yiyue.audit.report.ManualResult;
import org.yiyue.audit.report.PageReport;
import org.yiyue.audit.report.RequirementResult;

/**
 * Renders a stored run with the audit-tool renderers, after folding in the evaluators' manual results (the judge
 * runs again over the stored pages, so a manual "passed" or "failed" completes what automation left open).
 */
@ApplicationScoped
public class ReportRenderer {

    @Inject
    AuditStore store;
    @Inject
    AuditJobs jobs;

    /** Only one PDF print at a time: printing takes a browser outside the audit pool's accounting. */
    private final Semaphore printer = new Semaphore(1);

    public AuditReport report(AuditRun run) {
        try {
            AuditReport r = JsonReport.MAPPER.readValue(run.reportJson(), AuditReport.class);
            List<ManualResult> manual = store.manual(run.id()).stream()
                    .map(m -> new ManualResult(m.item(), m.outcome(), m.checkedBy(),
                            Instant.ofEpochMilli(m.checkedAt()).toString(), m.note() == null ? "" : m.note()))
                    .toList();
            if (manual.isEmpty()) {
                return r;
            }
            List<RequirementResult> reqs = new Judge(r.pages(), r.rules(), manual).judge(r.standards());
            int audited = (int) r.pages().stream().filter(PageReport::audited).count();
            return new AuditReport(r.tool(), r.toolVersion(), r.siteId(), r.siteName(), r.startUrl(), r.startedAt(),
                    r.finishedAt(), r.locale(), r.scope(), r.standards(), r.environment(), r.sample(), r.pages(), r.rules(),
                    reqs, Scoring.score(reqs, r.standards(), audited), r.trend(), r.complete());
        } catch (IOException e) {
            throw new UncheckedIOException("stored report of run " + run.id() + " is unreadable", e);
        }
    }

    public byte[] render(AuditRun run, ReportFormat format) throws IOException, InterruptedException {
        AuditReport r = report(run);
        boolean zh = !"en".equalsIgnoreCase(r.locale());
        Path dir = jobs.runDir(run.id());
        return switch (format) {
            case HTML -> new HtmlReport(zh, dir).render(r).getBytes(StandardCharsets.UTF_8);
            case JSON -> JsonReport.MAPPER.writeValueAsBytes(r);
            case EARL -> JsonReport.MAPPER.writeValueAsBytes(EarlReport.render(r));
            case CSV -> CsvReport.render(r, zh).getBytes(StandardCharsets.UTF_8);
            case JUNIT -> JunitReport.render(r).getBytes(StandardCharsets.UTF_8);
            case SARIF -> SarifReport.render(r, zh).getBytes(StandardCharsets.UTF_8);
            case PDF -> pdf(r, zh, dir);
        };
    }

    private byte[] pdf(AuditReport r, boolean zh, Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path html = Files.createTempFile(dir, "report-", ".html");
        Path pdf = Files.createTempFile(dir, "report-", ".pdf");
        printer.acquire();
        try {
            new HtmlReport(zh, dir).write(r, html);
            try (AuditBrowser b = AuditBrowser.start(true, Duration.ofSeconds(60))) {
                org.yiyue.audit.report.PdfReport.print(b.driver(), html, pdf);
            }
            return Files.readAllBytes(pdf);
        } finally {
            printer.release();
            Files.deleteIfExists(html);
            Files.deleteIfExists(pdf);
        }
    }
}
