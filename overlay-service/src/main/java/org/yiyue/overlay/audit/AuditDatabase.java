package org.yiyue.overlay.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.Persistence;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The audit database: migrates the schema and checks that its tables are there ({@link Migrations}), then opens JPA
 * (EclipseLink, resource-local) on the configured JDBC URL. Nothing else creates or alters tables, and no component
 * gets a connection before this has succeeded.
 * Default: an H2 file under {@code yiyue.data.dir} (data survives restarts); {@code yiyue.db.url} for anything else
 * (PostgreSQL in production; see AUDIT-SERVICE.md).
 */
@ApplicationScoped
public class AuditDatabase {

    private static final Logger LOG = Logger.getLogger(AuditDatabase.class.getName());

    private volatile EntityManagerFactory emf;
    private String url;
    private List<String> migrated = List.of();

    private volatile String failure;
    private final RepeatedFailureLog openFailures = new RepeatedFailureLog(LOG, java.util.logging.Level.SEVERE,
            "audit database unavailable; audits are off until it opens");

    /**
     * Opens at deployment; if the database cannot be opened (locked by another process, server down, bad URL) the
     * rest of the overlay still deploys and the audit API answers 503 until a later attempt succeeds.
     */
    @PostConstruct
    void tryOpen() {
        try {
            open();
            failure = null;
            openFailures.succeeded();
        } catch (RuntimeException e) {
            // every claim tick retries: the same cause is logged in full once, not every second
            failure = e.getMessage();
            openFailures.failed(e);
        }
    }

    /**
     * Opens the database now (migrations, then the schema check) unless it is open: the start-up calls this before
     * anything else of the audit service touches the database, so the schema is made in one place and first.
     * False when it cannot open yet (the API answers 503 and every later use tries again).
     */
    boolean start() {
        try {
            emf();
            return true;
        } catch (ProblemException e) {
            return false;
        }
    }

    private EntityManagerFactory emf() {
        if (emf == null) {
            synchronized (this) {
                if (emf == null) {
                    tryOpen();
                }
            }
        }
        if (emf == null) {
            throw new ProblemException(Problem.of(503, "database-unavailable", "审计数据库不可用", "Audit database unavailable",
                    "审计数据库暂时无法打开，请稍后再试或联系管理员。", "The audit database cannot be opened now; try again later or ask the administrator."));
        }
        return emf;
    }

    private void open() {
        Config config = ConfigProvider.getConfig();
        url = config.getOptionalValue("yiyue.db.url", String.class).orElseGet(() -> defaultUrl(config));
        String user = config.getOptionalValue("yiyue.db.user", String.class).orElse("");
        String password = config.getOptionalValue("yiyue.db.password", String.class).orElse("");
        String driver = config.getOptionalValue("yiyue.db.driver", String.class).orElse(guessDriver(url));
        try {
            Class.forName(driver, true, AuditDatabase.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("JDBC driver " + driver + " is not in the WAR or the server", e);
        }
        try {
            migrated = Migrations.migrate(url, user, password);
        } catch (SQLException | org.flywaydb.core.api.FlywayException e) {
            throw new IllegalStateException("cannot migrate the audit database " + redacted() + ": " + e.getMessage()
                    + (heldByAnotherProcess(e) ? " (the H2 file is still held by another process, e.g. an instance"
                    + " that has not exited yet; tried again on the next use)" : ""), e);
        }
        Map<String, Object> props = new HashMap<>();
        props.put("eclipselink.persistencexml", "META-INF/yiyue-audit-persistence.xml");
        props.put("jakarta.persistence.jdbc.url", url);
        props.put("jakarta.persistence.jdbc.user", user);
        props.put("jakarta.persistence.jdbc.password", password);
        props.put("jakarta.persistence.jdbc.driver", driver);
        props.put("eclipselink.classloader", AuditDatabase.class.getClassLoader());
        props.put("eclipselink.connection-pool.default.max", "8");
        EntityManagerFactory opened = Persistence.createEntityManagerFactory("yiyue-audit", props);
        try {
            checkThroughPool(opened);
        } catch (RuntimeException e) {
            opened.close();
            throw e;
        }
        emf = opened;
        LOG.info(() -> "audit database " + redacted() + " ready; migrations applied now: " + migrated);
    }

    /** The schema check once more, on a connection of the pool the components will use (not Flyway's own). */
    private void checkThroughPool(EntityManagerFactory factory) {
        EntityManager em = factory.createEntityManager();
        try {
            em.getTransaction().begin();
            AuditSchema.verify(em.unwrap(Connection.class), "seen through the JPA connection pool after migrating");
        } catch (SQLException e) {
            throw new IllegalStateException("audit database " + redacted() + " not usable: " + e.getMessage(), e);
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    private static String defaultUrl(Config config) {
        Path dir = Path.of(config.getOptionalValue("yiyue.data.dir", String.class)
                .orElse(System.getProperty("user.home") + "/.yiyue")).toAbsolutePath();
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create data directory " + dir, e);
        }
        return "jdbc:h2:file:" + dir.resolve("audits") + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    /** H2's "database may be already in use" (90020): the file's lock belongs to another process. */
    private static boolean heldByAnotherProcess(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == 90020) {
                return true;
            }
        }
        return false;
    }

    private static String guessDriver(String url) {
        if (url.startsWith("jdbc:postgresql:")) {
            return "org.postgresql.Driver";
        }
        return "org.h2.Driver";
    }

    /** The URL without anything after ';' or '?' (may carry credentials). */
    String redacted() {
        return url.replaceAll("[;?].*$", "");
    }

    List<String> migratedNow() {
        return migrated;
    }

    /** PostgreSQL or H2, as the claim SQL needs to know. */
    JobClaims claims() {
        emf();
        return JobClaims.forUrl(url);
    }

    /** What a piece of plain JDBC work does inside one transaction. */
    @FunctionalInterface
    public interface JdbcWork<T> {
        T apply(Connection c) throws SQLException;
    }

    /** Runs plain JDBC (the claim SQL) in one JPA transaction, on the pool's connection. */
    public <T> T jdbc(JdbcWork<T> work) {
        return inTransaction(em -> {
            try {
                return work.apply(em.unwrap(Connection.class));
            } catch (SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
    }

    /** Runs work in one transaction; rolls back on any exception. */
    <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager em = emf().createEntityManager();
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            T result = work.apply(em);
            tx.commit();
            return result;
        } finally {
            if (tx.isActive()) {
                tx.rollback();
            }
            em.close();
        }
    }

    <T> T read(Function<EntityManager, T> work) {
        EntityManager em = emf().createEntityManager();
        try {
            return work.apply(em);
        } finally {
            em.close();
        }
    }

    @PreDestroy
    void close() {
        if (emf != null) {
            emf.close();
        }
        if (url != null && url.startsWith("jdbc:h2:")) {
            // a clean close, so the next start does not need recovery
            try (Connection c = DriverManager.getConnection(url, ConfigProvider.getConfig()
                    .getOptionalValue("yiyue.db.user", String.class).orElse(""), ConfigProvider.getConfig()
                    .getOptionalValue("yiyue.db.password", String.class).orElse(""));
                 var st = c.createStatement()) {
                st.execute("SHUTDOWN");
            } catch (SQLException e) {
                LOG.fine(() -> "H2 shutdown: " + e.getMessage());
            }
        }
    }
}
