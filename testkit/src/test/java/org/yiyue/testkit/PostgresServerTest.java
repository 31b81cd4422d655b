package org.yiyue.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The throw-away server starts on loopback, takes databases and SQL, and is gone after close(). */
class PostgresServerTest {

    @Test
    void startsOnLoopbackServesSqlAndStops() throws Exception {
        PostgresServer pg = PostgresServer.start(Path.of("target/postgres-selftest"));
        try {
            String url = pg.createDatabase("selftest");
            assertEquals("jdbc:postgresql://127.0.0.1:" + pg.port() + "/selftest", url);
            assertEquals("3", pg.psql("selftest", "SELECT 1 + 2"));
            assertTrue(pg.psql("selftest", "SHOW listen_addresses").equals("127.0.0.1"));
            assertTrue(reachable(pg.port()));
            assertThrows(IllegalArgumentException.class, () -> pg.createDatabase("Robert'); DROP"));
        } finally {
            pg.close();
        }
        assertFalse(reachable(pg.port()), "the server is stopped by close()");
    }

    private static boolean reachable(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
