package org.yiyue.overlay.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Claiming audit jobs from the database, as two instances of a cluster do, on H2 and on PostgreSQL. */
class JobClaimsTest {

    static final List<String> KINDS = TestDatabase.KINDS;
    static final long LEASE = 30_000;

    @ParameterizedTest(name = "{0}")
    @FieldSource("KINDS")
    void oldestQueuedFirstEachOnce_liveLeaseKept_expiredLeaseTakenOver(String kind) throws Exception {
        TestDatabase db = migrated(kind);
        JobClaims claims = JobClaims.forUrl(db.url());
        try (Connection c = db.connect()) {
            insert(c, "b", 2, "queued");
            insert(c, "a", 1, "queued");
            assertEquals(Optional.of(new JobClaims.Claim("a", false)), claims.claimNext(c, "A", 1000, LEASE));
            assertEquals(Optional.of(new JobClaims.Claim("b", false)), claims.claimNext(c, "B", 1000, LEASE));
            assertEquals(Optional.empty(), claims.claimNext(c, "B", 1000 + LEASE - 1, LEASE), "leases still live");

            assertEquals(List.of("a"), claims.renew(c, "A", List.of("a", "b"), 20_000, LEASE), "A renews only its own");
            // B dies: its lease ends at 31 000; A's renewed lease ends at 50 000
            assertEquals(Optional.of(new JobClaims.Claim("b", true)), claims.claimNext(c, "A", 31_001, LEASE));
            assertEquals(List.of(), claims.renew(c, "B", List.of("b"), 31_002, LEASE), "B lost it");
            assertEquals("A", owner(c, "b"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("KINDS")
    void cancelReachesTheOwner_resumeRequeuesOnlyStoppedRuns(String kind) throws Exception {
        TestDatabase db = migrated(kind);
        JobClaims claims = JobClaims.forUrl(db.url());
        try (Connection c = db.connect()) {
            insert(c, "q", 1, "queued");
            insert(c, "r", 2, "queued");
            insert(c, "done", 3, "succeeded");
            assertTrue(claims.claimNext(c, "A", 0, LEASE).isPresent()); // q
            assertTrue(claims.claimNext(c, "A", 0, LEASE).isPresent()); // r
            insert(c, "q2", 4, "queued");
            assertTrue(claims.requestCancel(c, "q2", 5), "queued: cancelled at once");
            assertEquals("cancelled", status(c, "q2"));
            assertTrue(claims.requestCancel(c, "r", 5), "running: the owner is asked");
            assertEquals(List.of("r"), claims.cancelRequested(c, List.of("q", "r")));
            assertFalse(claims.requestCancel(c, "done", 5));

            assertFalse(claims.requeue(c, "r"), "a running run is not queued twice");
            assertTrue(claims.requeue(c, "q2"));
            assertEquals("queued", status(c, "q2"));
            assertFalse(claims.requeue(c, "done"));
        }
    }

    /** Two instances claim 30 runs at the same time: every run is claimed exactly once. */
    @ParameterizedTest(name = "{0}")
    @FieldSource("KINDS")
    void racingClaimantsNeverShareARun(String kind) throws Exception {
        TestDatabase db = migrated(kind);
        JobClaims claims = JobClaims.forUrl(db.url());
        List<String> all = new ArrayList<>();
        try (Connection c = db.connect()) {
            for (int i = 0; i < 30; i++) {
                insert(c, "run" + i, i, "queued");
                all.add("run" + i);
            }
        }
        List<String> claimed = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> instances = new ArrayList<>();
        for (String owner : List.of("A", "B")) {
            instances.add(pool.submit(() -> {
                try (Connection c = db.connect()) {
                    c.setAutoCommit(false);
                    go.await();
                    while (true) {
                        Optional<JobClaims.Claim> claim;
                        try {
                            claim = claims.claimNext(c, owner, 0, LEASE);
                            c.commit();
                        } catch (SQLException e) {
                            c.rollback(); // H2 may report a lock conflict: the other instance won that row
                            continue;
                        }
                        if (claim.isEmpty()) {
                            return null;
                        }
                        claimed.add(claim.get().runId());
                    }
                }
            }));
        }
        go.countDown();
        for (Future<?> f : instances) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertEquals(30, claimed.size(), claimed.toString());
        assertEquals(new HashSet<>(all), new HashSet<>(claimed));
    }

    /** On PostgreSQL a claim in progress does not hold up the other instance: it skips the locked row. */
    @Test
    void postgresqlSkipsTheRowAnotherInstanceIsClaiming() throws Exception {
        TestDatabase db = migrated("postgresql");
        JobClaims claims = JobClaims.forUrl(db.url());
        try (Connection setup = db.connect(); Connection a = db.connect(); Connection b = db.connect()) {
            insert(setup, "first", 1, "queued");
            insert(setup, "second", 2, "queued");
            a.setAutoCommit(false);
            b.setAutoCommit(false);
            assertEquals("first", claims.claimNext(a, "A", 0, LEASE).orElseThrow().runId()); // not committed yet
            long t0 = System.nanoTime();
            assertEquals("second", claims.claimNext(b, "B", 0, LEASE).orElseThrow().runId());
            assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(5), "B did not wait for A's lock");
            assertEquals(Optional.empty(), claims.claimNext(b, "B", 0, LEASE));
            a.commit();
            b.commit();
        }
    }

    static TestDatabase migrated(String kind) throws SQLException {
        TestDatabase db = TestDatabase.fresh(kind);
        Migrations.migrate(db.url(), db.user(), db.password());
        return db;
    }

    static void insert(Connection c, String id, long createdAt, String status) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO audit_run (id, site_id, status, request_json, created_at) VALUES (?, 'zwfw', ?, '{}', ?)")) {
            ps.setString(1, id);
            ps.setString(2, status);
            ps.setLong(3, createdAt);
            ps.executeUpdate();
        }
    }

    static String status(Connection c, String id) throws SQLException {
        return value(c, "SELECT status FROM audit_run WHERE id = '" + id + "'");
    }

    static String owner(Connection c, String id) throws SQLException {
        return value(c, "SELECT owner FROM audit_run WHERE id = '" + id + "'");
    }

    private static String value(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
