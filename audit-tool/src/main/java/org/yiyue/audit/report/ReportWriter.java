package org.yiyue.audit.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.yiyue.audit.browser.AuditBrowser;

/** Writes the chosen formats of one report into its folder; returns the files written. */
public final class ReportWriter {

    public static final Set<String> FORMATS = Set.of("html", "pdf", "json", "earl", "csv", "junit", "sarif");

    private ReportWriter() {
    }

    public static List<Path> write(AuditReport r, Path dir, List<String> formats, boolean zh) throws IOException {
        return write(r, dir, formats, zh, null);
    }

    /** @param printer a browser to print the PDF with (reused across reports), or null to start one */
    public static List<Path> write(AuditReport r, Path dir, List<String> formats, boolean zh, AuditBrowser printer) throws IOException {
        Files.createDirectories(dir);
        List<Path> out = new ArrayList<>();
        Path html = dir.resolve("report.html");
        if (formats.contains("html") || formats.contains("pdf")) {
            new HtmlReport(zh, dir).write(r, html);
            out.add(html);
        }
        if (formats.contains("json")) {
            JsonReport.write(r, dir.resolve("report.json"));
            out.add(dir.resolve("report.json"));
        }
        if (formats.contains("earl")) {
            EarlReport.write(r, dir.resolve("report.earl.jsonld"));
            out.add(dir.resolve("report.earl.jsonld"));
        }
        if (formats.contains("csv")) {
            CsvReport.write(r, zh, dir.resolve("findings.csv"));
            out.add(dir.resolve("findings.csv"));
        }
        if (formats.contains("junit")) {
            JunitReport.write(r, dir.resolve("junit.xml"));
            out.add(dir.resolve("junit.xml"));
        }
        if (formats.contains("sarif")) {
            SarifReport.write(r, zh, dir.resolve("report.sarif"));
            out.add(dir.resolve("report.sarif"));
        }
        if (formats.contains("pdf")) {
            if (printer != null) {
                PdfReport.print(printer.driver(), html, dir.resolve("report.pdf"));
            } else {
                try (AuditBrowser b = AuditBrowser.start(true, Duration.ofSeconds(60))) {
                    PdfReport.print(b.driver(), html, dir.resolve("report.pdf"));
                }
            }
            out.add(dir.resolve("report.pdf"));
        }
        return out;
    }
}
