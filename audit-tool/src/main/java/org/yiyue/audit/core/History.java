package org.yiyue.audit.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;

import org.yiyue.audit.report.AuditReport;
import org.yiyue.audit.report.Score;

/** history-SITE.json in the output folder: failures and scores of each finished run, for the trend chart. */
public final class History {

    private History() {
    }

    public static List<AuditReport.Trend.Point> read(Path folder, String siteId) {
        Path f = folder.resolve("history-" + safe(siteId) + ".json");
        if (!Files.exists(f)) {
            return new ArrayList<>();
        }
        try {
            return new ArrayList<>(ResultStore.JSON.readValue(f.toFile(), new TypeReference<List<AuditReport.Trend.Point>>() { }));
        } catch (IOException e) {
            return new ArrayList<>(); // a damaged history only loses the chart
        }
    }

    public static AuditReport.Trend append(Path folder, String siteId, String date, long failures, List<Score> scores) throws IOException {
        List<AuditReport.Trend.Point> points = read(folder, siteId);
        Map<String, Integer> s = new LinkedHashMap<>();
        scores.forEach(x -> s.put(x.standard(), x.value()));
        points.add(new AuditReport.Trend.Point(date, failures, s));
        while (points.size() > 20) {
            points.remove(0);
        }
        ResultStore.JSON.writerWithDefaultPrettyPrinter().writeValue(folder.resolve("history-" + safe(siteId) + ".json").toFile(), points);
        return new AuditReport.Trend(points);
    }

    static String safe(String id) {
        return id.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
