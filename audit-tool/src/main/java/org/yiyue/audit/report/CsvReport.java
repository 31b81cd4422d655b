package org.yiyue.audit.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** One row per finding (failed and cantTell), UTF-8 with BOM so spreadsheet software reads the Chinese. */
public final class CsvReport {

    private CsvReport() {
    }

    public static String render(AuditReport r, boolean zh) {
        StringBuilder sb = new StringBuilder("\uFEFF");
        row(sb, List.of("site", "page", "engine", "rule", "outcome", "wcag", "miit", "impact", "target", "snippet",
                "message", "fix", "also_found_by", "screenshot"));
        for (PageReport p : r.pages()) {
            if (!p.audited()) {
                row(sb, List.of(r.siteId(), p.url(), "", "", p.status(), "", "", "", "", "", p.detail(), "", "", ""));
                continue;
            }
            for (Finding f : p.findings()) {
                row(sb, List.of(r.siteId(), p.url(), f.engine(), f.ruleId(), f.outcome(), String.join(" ", f.sc()),
                        String.join(" ", f.miit()), f.impact(), nz(f.target()), nz(f.snippet()),
                        zh ? f.message().zh() : f.message().en(), zh ? f.fix().zh() : f.fix().en(),
                        String.join(" ", f.alsoFoundBy()), nz(f.screenshot())));
            }
        }
        return sb.toString();
    }

    public static void write(AuditReport r, boolean zh, Path file) throws IOException {
        Files.writeString(file, render(r, zh), StandardCharsets.UTF_8);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static void row(StringBuilder sb, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            String c = cells.get(i) == null ? "" : cells.get(i);
            // a leading = + - @ would be run as a formula by spreadsheet software
            if (!c.isEmpty() && "=+-@".indexOf(c.charAt(0)) >= 0) {
                c = "'" + c;
            }
            sb.append('"').append(c.replace("\"", "\"\"")).append('"');
        }
        sb.append("\r\n");
    }
}
