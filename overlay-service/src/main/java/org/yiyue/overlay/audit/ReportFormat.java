package org.yiyue.overlay.audit;

import java.util.Locale;
import java.util.Optional;

/** The report downloads: file extension, media type. */
public enum ReportFormat {
    HTML("html", "text/html;charset=utf-8"),
    PDF("pdf", "application/pdf"),
    JSON("json", "application/json;charset=utf-8"),
    EARL("earl", "application/ld+json;charset=utf-8"),
    CSV("csv", "text/csv;charset=utf-8"),
    JUNIT("junit", "application/xml;charset=utf-8"),
    /** SARIF 2.1.0, for code-scanning tools (the media type registered by OASIS). */
    SARIF("sarif", "application/sarif+json;charset=utf-8");

    private final String ext;
    private final String mediaType;

    ReportFormat(String ext, String mediaType) {
        this.ext = ext;
        this.mediaType = mediaType;
    }

    public String ext() { return ext; }
    public String mediaType() { return mediaType; }

    public String fileName(String siteId, String runId) {
        String suffix = this == EARL ? "earl.jsonld" : this == JUNIT ? "junit.xml" : ext;
        return "yiyue-" + siteId + "-" + runId.substring(0, 8) + "." + suffix;
    }

    public static Optional<ReportFormat> of(String ext) {
        for (ReportFormat f : values()) {
            if (f.ext.equals(ext.toLowerCase(Locale.ROOT))) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
