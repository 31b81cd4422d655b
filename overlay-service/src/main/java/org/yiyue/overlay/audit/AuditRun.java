package org.yiyue.overlay.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One audit of one site: what was asked, how far it got, and the finished result model as JSON. */
@Entity
@Table(name = "audit_run")
public class AuditRun {

    @Id
    private String id;
    @Column(name = "site_id")
    private String siteId;
    private String status;
    @Column(name = "request_json")
    private String requestJson;
    @Column(name = "pages_total")
    private int pagesTotal;
    @Column(name = "pages_done")
    private int pagesDone;
    private long failures;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_at")
    private long createdAt;
    @Column(name = "started_at")
    private Long startedAt;
    @Column(name = "finished_at")
    private Long finishedAt;
    @Column(name = "error_message")
    private String errorMessage;
    @Column(name = "report_json")
    private String reportJson;
    @Column(name = "signed_by")
    private String signedBy;
    @Column(name = "signed_at")
    private Long signedAt;

    protected AuditRun() {
    }

    AuditRun(String id, String siteId, String requestJson, String createdBy, long createdAt) {
        this.id = id;
        this.siteId = siteId;
        this.requestJson = requestJson;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.status = RunStatus.QUEUED.wire();
    }

    public String id() { return id; }
    public String siteId() { return siteId; }
    public RunStatus status() { return RunStatus.of(status); }
    public String requestJson() { return requestJson; }
    public int pagesTotal() { return pagesTotal; }
    public int pagesDone() { return pagesDone; }
    public long failures() { return failures; }
    public String createdBy() { return createdBy; }
    public long createdAt() { return createdAt; }
    public Long startedAt() { return startedAt; }
    public Long finishedAt() { return finishedAt; }
    public String errorMessage() { return errorMessage; }
    public String reportJson() { return reportJson; }
    public String signedBy() { return signedBy; }
    public Long signedAt() { return signedAt; }

    void status(RunStatus s) { status = s.wire(); }
    void signed(String by, long at) { signedBy = by; signedAt = at; }
    void progress(int done, int total) { pagesDone = done; pagesTotal = total; }
    void started(long at) { startedAt = at; finishedAt = null; errorMessage = null; }
    void finished(long at, long failureCount, String report) {
        finishedAt = at;
        failures = failureCount;
        reportJson = report;
    }
    void failed(long at, String message) {
        finishedAt = at;
        errorMessage = message == null ? null : message.substring(0, Math.min(message.length(), 1900));
    }
}
