package org.yiyue.overlay.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Flyway builds the schema on H2 and PostgreSQL alike, and takes over databases made by the earlier migrator. */
class MigrationsTest {

    static final List<String> KINDS = TestDatabase.KINDS;

    @ParameterizedTest(name = "{0}")
    @FieldSource("KINDS")
    void freshDatabaseGetsEveryScriptOnce(String kind) throws Exception {
        TestDatabase db = TestDatabase.fresh(kind);
        List<String> expected = kind.equals("postgresql") ? List.of("1", "2", "3") : List.of("1", "2");
        assertEquals(expected, Migrations.migrate(db.url(), db.user(), db.password()));
        assertEquals(List.of(), Migrations.migrate(db.url(), db.user(), db.password()), "second start applies nothing");
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO audit_run (id, site_id, status, request_json, created_at) VALUES ('r1', 'zwfw', 'queued', '{}', 1)");
            st.execute("INSERT INTO page_result (id, run_id, seq, url, status, failures, page_json) VALUES ('p1', 'r1', 1, 'http://x/', 'audited', 0, '{}')");
            st.execute("INSERT INTO manual_result (id, run_id, item, outcome, checked_by, checked_at) VALUES ('m1', 'r1', '1.3.2', 'passed', 'a', 1)");
            assertThrows(SQLException.class, () -> st.execute(
                    "INSERT INTO manual_result (id, run_id, item, outcome, checked_by, checked_at) VALUES ('m2', 'r1', '1.3.2', 'failed', 'b', 2)"),
                    "one manual result per run and item");
            st.execute("DELETE FROM audit_run WHERE id = 'r1'");
            assertEquals(0, count(st, "SELECT COUNT(*) FROM page_result"), "results go with their run");
            st.execute("INSERT INTO access_log (logged_at, actor, role, action, target, client, outcome) "
                    + "VALUES (1, 'a', 'admin', 'POST /api/users', 'b', '127.0.0.1', 201)");
            if (kind.equals("postgresql")) {
                assertThrows(SQLException.class, () -> st.execute("UPDATE access_log SET actor = 'x'"), "append-only");
                assertThrows(SQLException.class, () -> st.execute("DELETE FROM access_log"), "append-only");
            }
            assertEquals(1, count(st, "SELECT COUNT(*) FROM access_log WHERE actor = 'a'"));
        }
    }

    /** A database of the releases before Flyway: schema version 1 in yiyue_schema_version, with audits in it. */
    @ParameterizedTest(name = "{0}")
    @FieldSource("KINDS")
    void databaseOfTheOldMigratorIsBaselinedAndKeepsItsData(String kind) throws Exception {
        TestDatabase db = TestDatabase.fresh(kind);
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE yiyue_schema_version (version INTEGER PRIMARY KEY, script VARCHAR(200) NOT NULL, applied_at BIGINT NOT NULL)");
            for (String sql : resource("db/migration/V1__audit_runs.sql").replaceAll("(?m)^--.*$", "").split(";")) {
                if (!sql.isBlank()) {
                    st.execute(sql);
                }
            }
            st.execute("INSERT INTO yiyue_schema_version VALUES (1, 'V1__audit_runs.sql', 1)");
            st.execute("INSERT INTO audit_run (id, site_id, status, request_json, created_at, report_json) VALUES ('old', 'zwfw', 'succeeded', '{}', 1, '{\"r\":1}')");
        }
        List<String> applied = Migrations.migrate(db.url(), db.user(), db.password());
        assertEquals(kind.equals("postgresql") ? List.of("2", "3") : List.of("2"), applied, "only the newer scripts run");
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            assertEquals(1, count(st, "SELECT COUNT(*) FROM audit_run WHERE id = 'old' AND report_json = '{\"r\":1}'"));
            assertEquals(0, count(st, "SELECT COUNT(*) FROM audit_run WHERE owner IS NOT NULL"), "new columns exist");
        }
        assertEquals(List.of(), Migrations.migrate(db.url(), db.user(), db.password()));
    }

    /**
     * Issue 15 (restart): the restarted node found a file whose Flyway history said version 2 while app_user and
     * audit_run.lease_until were not there; Flyway answered "up to date" and every component then failed on its own
     * first query. The migration must refuse such a database with one message that names what is missing.
     */
    @ParameterizedTest(name = "{0}")
    @FieldSource("KINDS")
    void historyThatClaimsMoreThanTheTablesHoldIsRefused(String kind) throws Exception {
        TestDatabase db = TestDatabase.fresh(kind);
        Migrations.migrate(db.url(), db.user(), db.password());
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("DROP TABLE app_user");
            st.execute("ALTER TABLE audit_run DROP COLUMN lease_until");
        }
        SQLException e = assertThrows(SQLException.class, () -> Migrations.migrate(db.url(), db.user(), db.password()));
        assertTrue(e.getMessage().contains("app_user") && e.getMessage().contains("audit_run.lease_until")
                && !e.getMessage().contains("access_log"), e.getMessage());
    }

    /**
     * Issue 15 (restart): the restarted node starts while the first one still holds the H2 file. Its migration must
     * fail (H2 90020) rather than run on anything else, and once the holder is gone (killed, as in AuditRestartIT) the
     * same call finds the first node's schema and data complete.
     */
    @org.junit.jupiter.api.Test
    void h2FileStillHeldByTheFirstNodeFailsThenMigratesOnceReleased() throws Exception {
        TestDatabase db = TestDatabase.fresh("h2");
        Migrations.migrate(db.url(), db.user(), db.password());
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), H2FileHolder.class.getName(), db.url())
                .redirectErrorStream(true).start();
        try {
            var out = new java.io.BufferedReader(new java.io.InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("READY", out.readLine(), "the holder opened the file");
            SQLException held = assertThrows(SQLException.class, () -> Migrations.migrate(db.url(), db.user(), db.password()));
            assertEquals(90020, held.getErrorCode(), held.getMessage());
        } finally {
            holder.destroyForcibly();
            assertTrue(holder.waitFor(30, java.util.concurrent.TimeUnit.SECONDS), "holder gone");
        }
        assertEquals(List.of(), Migrations.migrate(db.url(), db.user(), db.password()), "nothing to apply again");
        try (Connection c = db.connect()) {
            assertEquals(List.of(), AuditSchema.missing(c));
        }
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("KINDS")
    void completeSchemaHasNothingMissing(String kind) throws Exception {
        TestDatabase db = TestDatabase.fresh(kind);
        Migrations.migrate(db.url(), db.user(), db.password());
        try (Connection c = db.connect()) {
            assertEquals(List.of(), AuditSchema.missing(c));
        }
    }

    static int count(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    static String resource(String name) throws IOException {
        try (InputStream in = MigrationsTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
