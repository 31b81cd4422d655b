package org.yiyue.overlay.audit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.yiyue.testkit.PostgresServer;

/**
 * An empty database of either kind the audit service supports, for the tests of the audit package that run on both:
 * an H2 file under target/ or a fresh database on the build's throw-away PostgreSQL server.
 */
record TestDatabase(String kind, String url, String user, String password) {

    static final List<String> KINDS = List.of("h2", "postgresql");
    private static final AtomicInteger SEQ = new AtomicInteger();

    static TestDatabase fresh(String kind) {
        String name = "t" + ProcessHandle.current().pid() + "_" + System.nanoTime() % 1_000_000 + "_" + SEQ.incrementAndGet();
        return switch (kind) {
            case "h2" -> new TestDatabase(kind, "jdbc:h2:file:" + java.nio.file.Path.of("target/h2-tests", name)
                    .toAbsolutePath() + ";DB_CLOSE_DELAY=0", "", "");
            case "postgresql" -> new TestDatabase(kind, PostgresServer.shared().createDatabase(name),
                    PostgresServer.USER, PostgresServer.PASSWORD);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    @Override
    public String toString() {
        return kind;
    }
}
