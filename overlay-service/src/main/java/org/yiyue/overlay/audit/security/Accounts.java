package org.yiyue.overlay.audit.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.yiyue.overlay.audit.AuditDatabase;

/**
 * The accounts, in the audit database (table {@code app_user}) so that every instance of a cluster sees the same
 * accounts and the same lock-outs. The configuration's accounts are written there at start: {@code yiyue.evaluators}
 * ({@code name=<hash>;…}, all 测评员) and {@code yiyue.users} ({@code name=<role>[@<site>],<hash>;…}).
 * After {@code yiyue.login.max-failures} wrong passwords in a row (default 5) an account is locked for
 * {@code yiyue.login.lockout} (default PT15M); an administrator can unlock it sooner.
 */
@ApplicationScoped
public class Accounts {

    private static final Logger LOG = Logger.getLogger(Accounts.class.getName());

    @Inject
    AuditDatabase db;

    private volatile boolean seeded;

    /** The configured accounts: name → (role, site, hash). */
    static Map<String, Account> configured(Config c) {
        Map<String, Account> out = new LinkedHashMap<>();
        for (String entry : c.getOptionalValue("yiyue.evaluators", String.class).orElse("").split(";")) {
            int eq = entry.indexOf('=');
            if (eq > 0 && validHash(entry.substring(eq + 1).strip())) {
                String name = entry.substring(0, eq).strip();
                out.put(name, new Account(name, Role.EVALUATOR, null, entry.substring(eq + 1).strip(), 0, null, true));
            } else if (!entry.isBlank()) {
                LOG.warning(() -> "yiyue.evaluators: an entry is not name=<PBKDF2 hash>; ignored");
            }
        }
        for (String entry : c.getOptionalValue("yiyue.users", String.class).orElse("").split(";")) {
            int eq = entry.indexOf('=');
            int comma = entry.indexOf(',');
            if (entry.isBlank()) {
                continue;
            }
            if (eq <= 0 || comma < eq) {
                LOG.warning(() -> "yiyue.users: an entry is not name=role[@site],<hash>; ignored");
                continue;
            }
            String name = entry.substring(0, eq).strip();
            String roleText = entry.substring(eq + 1, comma).strip();
            String site = null;
            int at = roleText.indexOf('@');
            if (at > 0) {
                site = roleText.substring(at + 1);
                roleText = roleText.substring(0, at);
            }
            Optional<Role> role = Role.of(roleText);
            String hash = entry.substring(comma + 1).strip();
            if (role.isEmpty() || !validHash(hash) || (role.get() == Role.SITE_OPS) != (site != null)) {
                LOG.warning(() -> "yiyue.users: account " + name + " has an unknown role, a bad hash, or a site-ops "
                        + "account without its site (site-ops@<site>); ignored");
                continue;
            }
            out.put(name, new Account(name, role.get(), site, hash, 0, null, true));
        }
        return out;
    }

    static boolean validHash(String hash) {
        return hash.split(":").length == 4 && hash.startsWith("PBKDF2With");
    }

    /** Writes the configured accounts into the database (their role, site and hash win over what is stored). */
    void seed() {
        if (seeded) {
            return;
        }
        Map<String, Account> accounts = configured(ConfigProvider.getConfig());
        db.jdbc(c -> {
            for (Account a : accounts.values()) {
                try (PreparedStatement up = c.prepareStatement("UPDATE app_user SET role = ?, site_id = ?, "
                        + "password_hash = ?, from_config = TRUE WHERE name = ?")) {
                    up.setString(1, a.role().id());
                    up.setString(2, a.siteId());
                    up.setString(3, a.passwordHash());
                    up.setString(4, a.name());
                    if (up.executeUpdate() == 0) {
                        insert(c, a, "configuration");
                    }
                }
            }
            return null;
        });
        seeded = true;
        if (accounts.isEmpty()) {
            LOG.warning("no accounts configured (yiyue.evaluators, yiyue.users): only accounts made through the API can log in");
        }
    }

    public Optional<Account> find(String name) {
        seed();
        return db.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT name, role, site_id, password_hash, failed_logins, "
                    + "locked_until, from_config FROM app_user WHERE name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            }
        });
    }

    public List<Account> all() {
        seed();
        return db.jdbc(c -> {
            List<Account> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT name, role, site_id, password_hash, failed_logins, "
                    + "locked_until, from_config FROM app_user ORDER BY name");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        });
    }

    /** False when the name is taken. */
    public boolean create(Account a, String by) {
        seed();
        return db.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM app_user WHERE name = ?")) {
                ps.setString(1, a.name());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return false;
                    }
                }
            }
            insert(c, a, by);
            return true;
        });
    }

    public boolean delete(String name) {
        return db.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM app_user WHERE name = ? AND from_config = FALSE")) {
                ps.setString(1, name);
                return ps.executeUpdate() == 1;
            }
        });
    }

    public boolean unlock(String name) {
        return db.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE app_user SET failed_logins = 0, locked_until = NULL WHERE name = ?")) {
                ps.setString(1, name);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Counts one wrong password; locks the account when it was one too many. Returns true when now locked. */
    boolean failed(String name, long now) {
        Config config = ConfigProvider.getConfig();
        int max = Math.max(1, config.getOptionalValue("yiyue.login.max-failures", Integer.class).orElse(5));
        long lockMs = Duration.parse(config.getOptionalValue("yiyue.login.lockout", String.class).orElse("PT15M")).toMillis();
        return db.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE app_user SET failed_logins = failed_logins + 1 WHERE name = ?")) {
                ps.setString(1, name);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE app_user SET locked_until = ?, failed_logins = 0 "
                    + "WHERE name = ? AND failed_logins >= ?")) {
                ps.setLong(1, now + lockMs);
                ps.setString(2, name);
                ps.setInt(3, max);
                return ps.executeUpdate() == 1;
            }
        });
    }

    void succeeded(String name) {
        db.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE app_user SET failed_logins = 0 WHERE name = ? AND failed_logins <> 0")) {
                ps.setString(1, name);
                return ps.executeUpdate();
            }
        });
    }

    private static void insert(Connection c, Account a, String by) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO app_user (name, role, site_id, password_hash, "
                + "failed_logins, from_config, created_by, created_at) VALUES (?, ?, ?, ?, 0, ?, ?, ?)")) {
            ps.setString(1, a.name());
            ps.setString(2, a.role().id());
            ps.setString(3, a.siteId());
            ps.setString(4, a.passwordHash());
            ps.setBoolean(5, a.fromConfig());
            ps.setString(6, by);
            ps.setLong(7, System.currentTimeMillis());
            ps.executeUpdate();
        }
    }

    private static Account read(ResultSet rs) throws SQLException {
        long locked = rs.getLong(6);
        Long lockedUntil = rs.wasNull() ? null : locked;
        return new Account(rs.getString(1), Role.of(rs.getString(2)).orElse(Role.READER), rs.getString(3),
                rs.getString(4), rs.getInt(5), lockedUntil, rs.getBoolean(7));
    }
}
