package org.yiyue.overlay.audit.security;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.yiyue.overlay.audit.AuditDatabase;

/**
 * The append-only record of every state-changing action and every login attempt: who, in which role, what, on what,
 * from which address, when, and the answer's status. Only inserts are written (on PostgreSQL a trigger also
 * refuses any UPDATE, DELETE or TRUNCATE); administrators read it through {@code GET /api/access-log}.
 */
@ApplicationScoped
public class AccessLog {

    private static final Logger LOG = Logger.getLogger(AccessLog.class.getName());

    public record Entry(long id, long at, String actor, String role, String action, String target, String client,
                        int outcome) {
    }

    @Inject
    AuditDatabase db;

    /** Never throws: a database outage must not turn the action's own answer into an error (it is logged). */
    public void record(String actor, Role role, String action, String target, String client, int outcome) {
        try {
            db.jdbc(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO access_log (logged_at, actor, role, "
                        + "action, target, client, outcome) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    ps.setLong(1, System.currentTimeMillis());
                    ps.setString(2, cut(actor == null ? "anonymous" : actor, 64));
                    ps.setString(3, role == null ? null : role.id());
                    ps.setString(4, cut(action, 120));
                    ps.setString(5, target == null ? null : cut(target, 1000));
                    ps.setString(6, client == null ? null : cut(client, 64));
                    ps.setInt(7, outcome);
                    return ps.executeUpdate();
                }
            });
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "access log not written: " + actor + " " + action + " " + target + " -> " + outcome, e);
        }
    }

    /** Newest first, at most {@code max}, older than {@code beforeId} when given. */
    public List<Entry> recent(int max, Long beforeId) {
        return db.jdbc(c -> {
            List<Entry> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, logged_at, actor, role, action, target, client, "
                    + "outcome FROM access_log WHERE id < ? ORDER BY id DESC LIMIT " + Math.max(1, Math.min(max, 1000)))) {
                ps.setLong(1, beforeId == null ? Long.MAX_VALUE : beforeId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Entry(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8)));
                    }
                }
            }
            return out;
        });
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
