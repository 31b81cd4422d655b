package org.yiyue.overlay.audit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.OptionalInt;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The audit schema, migrated by Flyway: {@code db/migration} for both databases, {@code db/vendor/<vendor>} for
 * what only one of them has (PostgreSQL's append-only trigger on the access log). A database made by the versions
 * before Flyway (its versions in {@code yiyue_schema_version}) is baselined at the version it recorded, so its data
 * stays and only the newer scripts run.
 */
final class Migrations {

    static final String LEGACY_TABLE = "yiyue_schema_version";
    static final String HISTORY_TABLE = "flyway_schema_history";

    private Migrations() {
    }

    /**
     * Applies what is missing, then checks that the tables and columns of the recorded version are really there
     * ({@link AuditSchema}); returns the versions applied by this call. Throws rather than return a database that the
     * service cannot use: the caller opens nothing on it.
     */
    static List<String> migrate(String url, String user, String password) throws SQLException {
        var config = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(url, user, password)
                .locations("classpath:db/migration", "classpath:db/vendor/" + vendor(url))
                .table(HISTORY_TABLE)
                .validateMigrationNaming(true);
        OptionalInt legacy = legacyVersion(url, user, password);
        if (legacy.isPresent()) {
            config = config.baselineOnMigrate(true).baselineVersion(String.valueOf(legacy.getAsInt()))
                    .baselineDescription("schema of " + LEGACY_TABLE);
        }
        MigrateResult result = config.load().migrate();
        String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            AuditSchema.verify(c, "its migration history is at version " + version);
        }
        return result.migrations.stream().map(m -> m.version).toList();
    }

    /** The folder of scripts for one database only: {@code postgresql} or {@code h2}. */
    static String vendor(String url) {
        return url.startsWith("jdbc:postgresql:") ? "postgresql" : "h2";
    }

    /** The version recorded by the home-made migrator of earlier releases, when Flyway has not taken over yet. */
    static OptionalInt legacyVersion(String url, String user, String password) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            if (!hasTable(c, LEGACY_TABLE) || hasTable(c, HISTORY_TABLE)) {
                return OptionalInt.empty();
            }
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT MAX(version) FROM " + LEGACY_TABLE)) {
                return rs.next() && rs.getInt(1) > 0 ? OptionalInt.of(rs.getInt(1)) : OptionalInt.empty();
            }
        }
    }

    private static boolean hasTable(Connection c, String name) throws SQLException {
        for (String n : List.of(name, name.toUpperCase())) {
            try (ResultSet rs = c.getMetaData().getTables(null, null, n, null)) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
