package org.yiyue.overlay.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Audit jobs are claimed from the database, so any instance of a cluster with a free browser may run one: the
 * oldest queued run, or a running run whose owner stopped renewing its lease (the instance died; the new owner
 * resumes it and keeps the pages already stored). Each method runs inside the caller's transaction.
 *
 * <p>PostgreSQL picks the candidate with {@code FOR UPDATE SKIP LOCKED}, so two instances claiming at the same time
 * take different runs without waiting on each other. H2 (one process only) has no SKIP LOCKED: it reads the
 * candidates and claims one with a conditional UPDATE, which only one claimant can win. On both, that guarded UPDATE
 * is what makes the claim.
 */
final class JobClaims {

    /** A claimed run: {@code takenOver} when it was running on another instance whose lease ran out. */
    record Claim(String runId, boolean takenOver) {
    }

    private static final String CLAIMABLE = "(status = 'queued' OR (status = 'running' AND (lease_until IS NULL OR lease_until < ?)))";

    private final boolean skipLocked;

    JobClaims(boolean skipLocked) {
        this.skipLocked = skipLocked;
    }

    static JobClaims forUrl(String jdbcUrl) {
        return new JobClaims(jdbcUrl.startsWith("jdbc:postgresql:"));
    }

    /** Claims the oldest claimable run for {@code owner} until {@code now + leaseMs}. */
    Optional<Claim> claimNext(Connection c, String owner, long now, long leaseMs) throws SQLException {
        List<String[]> candidates = new ArrayList<>();
        String select = "SELECT id, status FROM audit_run WHERE " + CLAIMABLE + " ORDER BY created_at, id";
        select += skipLocked ? " LIMIT 1 FOR UPDATE SKIP LOCKED" : " LIMIT 8";
        try (PreparedStatement ps = c.prepareStatement(select)) {
            ps.setLong(1, now);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    candidates.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
        }
        for (String[] candidate : candidates) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE audit_run SET status = 'running', owner = ?, "
                    + "lease_until = ? WHERE id = ? AND " + CLAIMABLE)) {
                ps.setString(1, owner);
                ps.setLong(2, now + leaseMs);
                ps.setString(3, candidate[0]);
                ps.setLong(4, now);
                if (ps.executeUpdate() == 1) {
                    return Optional.of(new Claim(candidate[0], candidate[1].equals("running")));
                }
            }
        }
        return Optional.empty();
    }

    /** Extends the leases of the runs {@code owner} is running; returns the ids of those it still owns. */
    List<String> renew(Connection c, String owner, List<String> runIds, long now, long leaseMs) throws SQLException {
        List<String> kept = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE audit_run SET lease_until = ? WHERE id = ? AND owner = ? AND status = 'running'")) {
            for (String id : runIds) {
                ps.setLong(1, now + leaseMs);
                ps.setString(2, id);
                ps.setString(3, owner);
                if (ps.executeUpdate() == 1) {
                    kept.add(id);
                }
            }
        }
        return kept;
    }

    /** Asks whichever instance runs it to stop; a queued run is cancelled at once. Returns false when finished. */
    boolean requestCancel(Connection c, String runId, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE audit_run SET status = 'cancelled', finished_at = ? "
                + "WHERE id = ? AND status = 'queued'")) {
            ps.setLong(1, now);
            ps.setString(2, runId);
            if (ps.executeUpdate() == 1) {
                return true;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE audit_run SET cancel_requested = TRUE "
                + "WHERE id = ? AND status = 'running'")) {
            ps.setString(1, runId);
            return ps.executeUpdate() == 1;
        }
    }

    /** Those of {@code runIds} whose cancellation was asked for (possibly through another instance). */
    List<String> cancelRequested(Connection c, List<String> runIds) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT cancel_requested FROM audit_run WHERE id = ?")) {
            for (String id : runIds) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getBoolean(1)) {
                        out.add(id);
                    }
                }
            }
        }
        return out;
    }

    /** Puts a stopped run back in the queue (resume): its stored pages stay. False unless it had stopped. */
    boolean requeue(Connection c, String runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE audit_run SET status = 'queued', owner = NULL, "
                + "lease_until = NULL, cancel_requested = FALSE WHERE id = ? AND status IN ('interrupted', 'failed', 'cancelled')")) {
            ps.setString(1, runId);
            return ps.executeUpdate() == 1;
        }
    }
}
