package org.yiyue.overlay.audit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Stands in for the first node of a restart (a separate JVM): opens an H2 file database, keeps writing to it, and
 * holds it until it is killed. Prints READY once it holds the file.
 */
public final class H2FileHolder {

    private H2FileHolder() {
    }

    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection(args[0]); Statement st = c.createStatement()) {
            System.out.println("READY");
            System.out.flush();
            for (long i = 0; ; i++) {
                st.execute("INSERT INTO audit_run (id, site_id, status, request_json, created_at) VALUES ('held-" + i
                        + "', 'zwfw', 'queued', '{}', " + i + ")");
                Thread.sleep(5);
            }
        }
    }
}
