package org.yiyue.overlay.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An evaluator's result for one requirement of one run (what automation cannot decide). */
@Entity
@Table(name = "manual_result")
public class ManualEntry {

    @Id
    private String id;
    @Column(name = "run_id")
    private String runId;
    private String item;
    private String outcome;
    @Column(name = "checked_by")
    private String checkedBy;
    @Column(name = "checked_at")
    private long checkedAt;
    private String note;

    protected ManualEntry() {
    }

    ManualEntry(String id, String runId, String item, String outcome, String checkedBy, long checkedAt, String note) {
        this.id = id;
        this.runId = runId;
        this.item = item;
        this.outcome = outcome;
        this.checkedBy = checkedBy;
        this.checkedAt = checkedAt;
        this.note = note;
    }

    public String runId() { return runId; }
    public String item() { return item; }
    public String outcome() { return outcome; }
    public String checkedBy() { return checkedBy; }
    public long checkedAt() { return checkedAt; }
    public String note() { return note; }

    void update(String newOutcome, String by, long at, String newNote) {
        outcome = newOutcome;
        checkedBy = by;
        checkedAt = at;
        note = newNote;
    }
}
