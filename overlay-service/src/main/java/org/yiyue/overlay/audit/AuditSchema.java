package org.yiyue.overlay.audit;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The tables and columns the audit service's SQL uses (JPA entities, {@link JobClaims}, accounts, access log).
 * Flyway only compares its history table with the scripts; it never looks at the tables themselves. A database whose
 * history says "version 2" while the objects of version 2 are not there (a file that lost part of its writes when its
 * process was killed, a partial restore, a hand-made copy) would pass as "up to date", and every component would then
 * fail on its own first query ("Table APP_USER not found", "Column LEASE_UNTIL not found"). This check makes such a
 * database fail once, at open, with one message that names what is missing.
 */
final class AuditSchema {

    /** Table → the columns that the code reads or writes (not every column of the scripts, only the ones used). */
    static final Map<String, List<String>> REQUIRED = Map.of(
            "audit_run", List.of("id", "site_id", "status", "request_json", "pages_total", "pages_done", "failures",
                    "created_by", "created_at", "started_at", "finished_at", "error_message", "report_json",
                    "owner", "lease_until", "cancel_requested", "signed_by", "signed_at"),
            "page_result", List.of("id", "run_id", "seq", "url", "status", "failures", "page_json"),
            "manual_result", List.of("id", "run_id", "item", "outcome", "checked_by", "checked_at", "note"),
            "app_user", List.of("name", "role", "site_id", "password_hash", "failed_logins", "locked_until",
                    "from_config", "created_by", "created_at"),
            "access_log", List.of("id", "logged_at", "actor", "role", "action", "target", "client", "outcome"));

    private AuditSchema() {
    }

    /** What is missing, as {@code table} or {@code table.column}, sorted; empty when the schema is complete. */
    static List<String> missing(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        for (var table : new java.util.TreeMap<>(REQUIRED).entrySet()) {
            Set<String> columns = columns(c.getMetaData(), table.getKey());
            if (columns.isEmpty()) {
                out.add(table.getKey());
                continue;
            }
            for (String column : table.getValue()) {
                if (!columns.contains(column)) {
                    out.add(table.getKey() + "." + column);
                }
            }
        }
        return out;
    }

    /**
     * Throws when something is missing after the migrations ran: the service must not run on such a database.
     * {@code seenBy} says which connection looked (Flyway's history version, or the JPA pool's connection).
     */
    static void verify(Connection c, String seenBy) throws SQLException {
        List<String> missing = missing(c);
        if (!missing.isEmpty()) {
            throw new IncompleteSchemaException("the audit database lacks " + missing + " (" + seenBy + "); it is not"
                    + " the database its migration history describes: restore it from a backup, or move it aside to"
                    + " start with an empty one");
        }
    }

    /** Lower-case column names of a table in the connection's current schema (H2 upper-cases, PostgreSQL not). */
    private static Set<String> columns(DatabaseMetaData meta, String table) throws SQLException {
        Set<String> out = new TreeSet<>();
        String schema = meta.getConnection().getSchema();
        for (String name : List.of(table, table.toUpperCase(Locale.ROOT))) {
            try (ResultSet rs = meta.getColumns(null, schema, name, null)) {
                while (rs.next()) {
                    out.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
            if (!out.isEmpty()) {
                break;
            }
        }
        return out;
    }

    /** The schema the history describes is not there; never retried into success by the same file. */
    static final class IncompleteSchemaException extends SQLException {
        IncompleteSchemaException(String message) {
            super(message);
        }
    }
}
