package org.yiyue.overlay.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One finished page of a run, stored as soon as the page is done (so an interrupted run can resume). */
@Entity
@Table(name = "page_result")
public class PageResult {

    @Id
    private String id;
    @Column(name = "run_id")
    private String runId;
    private int seq;
    private String url;
    private String status;
    private int failures;
    @Column(name = "page_json")
    private String pageJson;

    protected PageResult() {
    }

    PageResult(String id, String runId, int seq, String url, String status, int failures, String pageJson) {
        this.id = id;
        this.runId = runId;
        this.seq = seq;
        this.url = url;
        this.status = status;
        this.failures = failures;
        this.pageJson = pageJson;
    }

    public String runId() { return runId; }
    public int seq() { return seq; }
    public String url() { return url; }
    public String status() { return status; }
    public int failures() { return failures; }
    public String pageJson() { return pageJson; }
}
