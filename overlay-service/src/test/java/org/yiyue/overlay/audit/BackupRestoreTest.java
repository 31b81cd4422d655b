package org.yiyue.overlay.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.yiyue.testkit.PostgresServer;

/**
 * {@code ./yiyue backup} then {@code ./yiyue restore} into an empty database, on H2 and on PostgreSQL: every audit
 * (with its report), page result, manual result, signature, account and access-log entry comes back identical,
 * column by column, and the restored schema is one Flyway recognises as current.
 */
class BackupRestoreTest {

    static final List<String> KINDS = TestDatabase.KINDS;
    static final List<String> TABLES = List.of("audit_run", "page_result", "manual_result", "app_user", "access_log");

    @ParameterizedTest(name = "{0}")
    @FieldSource("KINDS")
    void restoredDatabaseHoldsEveryAuditManualResultAndReport(String kind) throws Exception {
        Path work = Files.createDirectories(Path.of("target/backup-test").toAbsolutePath())
                .resolve(kind + "-" + System.nanoTime());
        Map<String, String> source = database(kind, work.resolve("source"));
        Map<String, String> target = database(kind, work.resolve("restored"));
        Migrations.migrate(source.get("url"), source.get("user"), source.get("password"));
        fill(source);
        Map<String, List<String>> before = snapshot(source);
        assertEquals(3, before.get("audit_run").size());

        Path file = work.resolve("yiyue-backup." + (kind.equals("h2") ? "zip" : "dump"));
        String backup = yiyue(source, "backup", file.toString());
        assertTrue(backup.contains("BACKUP " + file), backup);
        String restored = yiyue(target, "restore", file.toString());
        assertTrue(restored.contains("RESTORED"), restored);

        assertEquals(before, snapshot(target), "every row of every table, column by column");
        assertEquals(List.of(), Migrations.migrate(target.get("url"), target.get("user"), target.get("password")),
                "Flyway finds the restored schema current");
        if (kind.equals("postgresql")) {
            try (Connection c = connect(target); Statement st = c.createStatement()) {
                assertThrows(SQLException.class, () -> st.execute("DELETE FROM access_log"), "still append-only");
            }
        }
        String again = yiyueFails(target, "restore", file.toString());
        assertTrue(again.contains("not empty") || again.contains("exists"), "no restore over live data: " + again);
    }

    static Map<String, String> database(String kind, Path dir) throws Exception {
        Map<String, String> db = new LinkedHashMap<>();
        if (kind.equals("h2")) {
            Files.createDirectories(dir);
            db.put("YIYUE_DATA_DIR", dir.toString());
            db.put("url", "jdbc:h2:file:" + dir.resolve("audits"));
            db.put("user", "");
            db.put("password", "");
        } else {
            String url = PostgresServer.shared().createDatabase("b" + Math.abs(dir.toString().hashCode()) + "_"
                    + dir.getFileName().toString().charAt(0) + "_" + System.nanoTime() % 100000);
            db.put("YIYUE_DB_URL", url);
            db.put("YIYUE_DB_USER", PostgresServer.USER);
            db.put("YIYUE_DB_PASSWORD", PostgresServer.PASSWORD);
            db.put("url", url);
            db.put("user", PostgresServer.USER);
            db.put("password", PostgresServer.PASSWORD);
        }
        return db;
    }

    static Connection connect(Map<String, String> db) throws SQLException {
        return DriverManager.getConnection(db.get("url"), db.get("user"), db.get("password"));
    }

    /** Three runs (one finished with its report, manual results and a signature), pages, accounts, a log. */
    static void fill(Map<String, String> db) throws SQLException {
        String report = "{\"siteId\":\"zwfw\",\"title\":\"广东政务服务网 河源专题\",\"pages\":[{\"url\":\"http://127.0.0.1/\","
                + "\"findings\":[{\"rule\":\"image-alt\",\"message\":\"图片缺少替代文本 ‘引号’ \\\"q\\\" \\\\ \"}]}],"
                + "\"failures\":3}" + " ".repeat(5000);
        try (Connection c = connect(db)) {
            exec(c, "INSERT INTO audit_run (id, site_id, status, request_json, pages_total, pages_done, failures, created_by, "
                    + "created_at, started_at, finished_at, report_json, signed_by, signed_at) VALUES "
                    + "(?, 'zwfw', 'succeeded', '{\"site\":\"zwfw\"}', 2, 2, 3, 'pingce', 1, 2, 3, ?, 'pingce', 4)", "run-1", report);
            exec(c, "INSERT INTO audit_run (id, site_id, status, request_json, created_by, created_at, error_message, owner, "
                    + "lease_until) VALUES (?, 'portal', 'interrupted', '{}', 'pingce', 5, '服务停止', 'host/1/ab', 99)", "run-2");
            exec(c, "INSERT INTO audit_run (id, site_id, status, request_json, created_by, created_at) VALUES "
                    + "(?, 'yth', 'queued', '{}', 'scheduler', 6)", "run-3");
            for (int i = 1; i <= 2; i++) {
                exec(c, "INSERT INTO page_result (id, run_id, seq, url, status, failures, page_json) VALUES (?, 'run-1', "
                        + i + ", ?, 'audited', 1, '{\"标题\":\"页面\"}')", "p" + i, "http://127.0.0.1/页面" + i + ".html");
            }
            exec(c, "INSERT INTO page_result (id, run_id, seq, url, status, failures, page_json) VALUES "
                    + "('p3', 'run-2', 1, 'http://x/', 'audited', 0, '{}')");
            exec(c, "INSERT INTO manual_result (id, run_id, item, outcome, checked_by, checked_at, note) VALUES "
                    + "('m1', 'run-1', '1.4.1', 'passed', 'pingce', 7, '颜色不是唯一的区分方式')");
            exec(c, "INSERT INTO manual_result (id, run_id, item, outcome, checked_by, checked_at, note) VALUES "
                    + "('m2', 'run-1', 'MIIT:5.1', 'failed', 'pingce', 8, NULL)");
            exec(c, "INSERT INTO app_user (name, role, site_id, password_hash, failed_logins, locked_until, from_config, "
                    + "created_by, created_at) VALUES ('yunwei', 'site-ops', 'portal', 'PBKDF2WithHmacSHA256:1:a:b', 2, 10, "
                    + "FALSE, 'guanli', 9)");
            for (int i = 0; i < 3; i++) {
                exec(c, "INSERT INTO access_log (logged_at, actor, role, action, target, client, outcome) VALUES "
                        + "(?, 'guanli', 'admin', 'POST /api/users', NULL, '127.0.0.1', 201)", 100L + i);
            }
        }
    }

    static void exec(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
    }

    /** Every table as rows of "column=value" in key order. */
    static Map<String, List<String>> snapshot(Map<String, String> db) throws SQLException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        try (Connection c = connect(db); Statement st = c.createStatement()) {
            for (String table : TABLES) {
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("SELECT * FROM " + table + " ORDER BY 1")) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= n; i++) {
                            row.append(rs.getMetaData().getColumnName(i).toLowerCase()).append('=').append(rs.getString(i)).append(';');
                        }
                        rows.add(row.toString());
                    }
                }
                out.put(table, rows);
            }
        }
        return out;
    }

    static String yiyue(Map<String, String> db, String... args) throws Exception {
        Result r = run(db, args);
        assertEquals(0, r.exit(), String.join(" ", args) + ":\n" + r.output());
        return r.output();
    }

    static String yiyueFails(Map<String, String> db, String... args) throws Exception {
        Result r = run(db, args);
        assertTrue(r.exit() != 0, String.join(" ", args) + " should fail:\n" + r.output());
        return r.output();
    }

    record Result(int exit, String output) {
    }

    static Result run(Map<String, String> db, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("bash", Path.of("../yiyue").toAbsolutePath().normalize().toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("YIYUE_") || k.startsWith("PG"));
        db.forEach((k, v) -> {
            if (k.startsWith("YIYUE_")) {
                pb.environment().put(k, v);
            }
        });
        // the H2 jar the tests run with: the same version the service uses
        pb.environment().put("YIYUE_H2_JAR", Path.of(org.h2.Driver.class.getProtectionDomain().getCodeSource()
                .getLocation().toURI()).toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("./yiyue " + String.join(" ", args) + " did not finish");
        }
        return new Result(p.exitValue(), out);
    }
}
