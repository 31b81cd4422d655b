package org.yiyue.overlay.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.Test;

class SchemaMigratorTest {

    @Test
    void appliesEachScriptOnceAndRecordsIt() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:migrate-" + System.nanoTime())) {
            assertEquals(List.of(1), SchemaMigrator.migrate(c));
            assertEquals(List.of(), SchemaMigrator.migrate(c), "second start applies nothing");
            assertEquals(1, SchemaMigrator.currentVersion(c));
            try (Statement st = c.createStatement()) {
                st.execute("INSERT INTO audit_run (id, site_id, status, request_json, created_at) VALUES ('r1', 'zwfw', 'queued', '{}', 1)");
                st.execute("INSERT INTO page_result (id, run_id, seq, url, status, failures, page_json) VALUES ('p1', 'r1', 1, 'http://x/', 'audited', 0, '{}')");
                // one manual result per run and item
                st.execute("INSERT INTO manual_result (id, run_id, item, outcome, checked_by, checked_at) VALUES ('m1', 'r1', '1.3.2', 'passed', 'a', 1)");
                assertThrows(java.sql.SQLException.class, () -> st.execute(
                        "INSERT INTO manual_result (id, run_id, item, outcome, checked_by, checked_at) VALUES ('m2', 'r1', '1.3.2', 'failed', 'b', 2)"));
                // results go with their run
                st.execute("DELETE FROM audit_run WHERE id = 'r1'");
                try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM page_result")) {
                    rs.next();
                    assertEquals(0, rs.getInt(1));
                }
            }
        }
    }

    @Test
    void splitsStatementsAndDropsComments() {
        List<String> s = SchemaMigrator.statements("-- a comment; with a semicolon\nCREATE TABLE a (x INT);\n\nCREATE INDEX i ON a (x);\n");
        assertEquals(List.of("CREATE TABLE a (x INT)", "CREATE INDEX i ON a (x)"), s);
    }

    @Test
    void fileNamesCarryTheirVersion() {
        assertEquals(12, SchemaMigrator.versionOf("V12__more_things.sql"));
        assertThrows(IllegalStateException.class, () -> SchemaMigrator.versionOf("12_things.sql"));
        assertTrue(SchemaMigrator.index().get(0).startsWith("V1__"));
    }
}
