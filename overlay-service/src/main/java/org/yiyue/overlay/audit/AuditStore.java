package org.yiyue.overlay.audit;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Reads and writes runs, page results and manual results; every method is one short transaction. */
@ApplicationScoped
public class AuditStore {

    @Inject
    AuditDatabase db;

    static String newId() {
        return UUID.randomUUID().toString();
    }

    AuditRun create(String siteId, String requestJson, String by) {
        AuditRun run = new AuditRun(newId(), siteId, requestJson, by, System.currentTimeMillis());
        return db.inTransaction(em -> {
            em.persist(run);
            return run;
        });
    }

    public Optional<AuditRun> find(String id) {
        return Optional.ofNullable(db.read(em -> em.find(AuditRun.class, id)));
    }

    public List<AuditRun> history(String siteId) {
        return db.read(em -> em.createQuery(
                "SELECT r FROM AuditRun r WHERE r.siteId = :site ORDER BY r.createdAt DESC", AuditRun.class)
                .setParameter("site", siteId).setMaxResults(200).getResultList());
    }

    public List<AuditRun> recent(int max) {
        return db.read(em -> em.createQuery("SELECT r FROM AuditRun r ORDER BY r.createdAt DESC", AuditRun.class)
                .setMaxResults(max).getResultList());
    }

    void update(String id, java.util.function.Consumer<AuditRun> change) {
        db.inTransaction(em -> {
            AuditRun r = em.find(AuditRun.class, id);
            if (r != null) {
                change.accept(r);
            }
            return r;
        });
    }

    void addPage(String runId, int seq, String url, String status, int failures, String json) {
        db.inTransaction(em -> {
            em.persist(new PageResult(newId(), runId, seq, url, status, failures, json));
            return null;
        });
    }

    public List<PageResult> pages(String runId) {
        return db.read(em -> em.createQuery(
                "SELECT p FROM PageResult p WHERE p.runId = :run ORDER BY p.seq", PageResult.class)
                .setParameter("run", runId).getResultList());
    }

    public List<ManualEntry> manual(String runId) {
        return db.read(em -> em.createQuery(
                "SELECT m FROM ManualEntry m WHERE m.runId = :run ORDER BY m.item", ManualEntry.class)
                .setParameter("run", runId).getResultList());
    }

    /** Records the evaluator's signature on a run; false when it was signed already. */
    public boolean sign(String runId, String by, long at) {
        return db.inTransaction(em -> {
            AuditRun r = em.find(AuditRun.class, runId);
            if (r == null || r.signedBy() != null) {
                return false;
            }
            r.signed(by, at);
            return true;
        });
    }

    /** One result per item and run: a second entry for the same item replaces the first. */
    public void putManual(String runId, String item, String outcome, String by, String note) {
        long now = System.currentTimeMillis();
        db.inTransaction(em -> {
            List<ManualEntry> existing = em.createQuery(
                    "SELECT m FROM ManualEntry m WHERE m.runId = :run AND m.item = :item", ManualEntry.class)
                    .setParameter("run", runId).setParameter("item", item).getResultList();
            if (existing.isEmpty()) {
                em.persist(new ManualEntry(newId(), runId, item, outcome, by, now, note));
            } else {
                existing.get(0).update(outcome, by, now, note);
            }
            return null;
        });
    }
}
