package org.yiyue.overlay.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Versioned schema: applies {@code db/migration/V<n>__<name>.sql} (listed in {@code db/migration/index.txt}, in
 * order) that the table {@code yiyue_schema_version} does not record yet, each in its own transaction.
 */
final class SchemaMigrator {

    static final String TABLE = "yiyue_schema_version";

    private SchemaMigrator() {
    }

    /** Returns the versions applied by this call. */
    static List<Integer> migrate(Connection c) throws SQLException {
        ensureVersionTable(c);
        List<Integer> applied = new ArrayList<>();
        int current = currentVersion(c);
        for (String file : index()) {
            int version = versionOf(file);
            if (version <= current) {
                continue;
            }
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                for (String sql : statements(read("db/migration/" + file))) {
                    st.execute(sql);
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO " + TABLE + " (version, script, applied_at) VALUES (?, ?, ?)")) {
                    ps.setInt(1, version);
                    ps.setString(2, file);
                    ps.setLong(3, System.currentTimeMillis());
                    ps.executeUpdate();
                }
                c.commit();
                applied.add(version);
            } catch (SQLException e) {
                c.rollback();
                throw new SQLException("migration " + file + " failed: " + e.getMessage(), e);
            } finally {
                c.setAutoCommit(auto);
            }
        }
        return applied;
    }

    static int currentVersion(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT MAX(version) FROM " + TABLE)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void ensureVersionTable(Connection c) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        boolean exists = false;
        for (String name : List.of(TABLE, TABLE.toUpperCase())) {
            try (ResultSet rs = md.getTables(null, null, name, null)) {
                exists |= rs.next();
            }
        }
        if (!exists) {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE " + TABLE + " (version INTEGER PRIMARY KEY, script VARCHAR(200) NOT NULL, "
                        + "applied_at BIGINT NOT NULL)");
            }
        }
    }

    static List<String> index() {
        List<String> files = new ArrayList<>();
        for (String line : read("db/migration/index.txt").split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                files.add(line.strip());
            }
        }
        return files;
    }

    static int versionOf(String file) {
        if (!file.matches("V\\d+__[A-Za-z0-9_]+\\.sql")) {
            throw new IllegalStateException("migration file name must look like V1__name.sql: " + file);
        }
        return Integer.parseInt(file.substring(1, file.indexOf("__")));
    }

    /** Splits on ';' at line ends; comments (--) dropped. The scripts are ours: no ';' inside literals. */
    static List<String> statements(String script) {
        StringBuilder clean = new StringBuilder();
        for (String line : script.split("\n")) {
            String l = line.strip();
            if (!l.startsWith("--")) {
                clean.append(line).append('\n');
            }
        }
        List<String> out = new ArrayList<>();
        for (String s : clean.toString().split(";\\s*\n")) {
            if (!s.isBlank()) {
                out.add(s.strip().replaceAll(";$", ""));
            }
        }
        return out;
    }

    private static String read(String resource) {
        try (InputStream in = SchemaMigrator.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
