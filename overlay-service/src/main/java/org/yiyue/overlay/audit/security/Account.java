package org.yiyue.overlay.audit.security;

/**
 * One login: its single role, the site of a {@link Role#SITE_OPS} account, its PBKDF2 hash, and the lock-out state.
 * {@code fromConfig}: made from the configuration at start (changed there, not through the API).
 */
public record Account(String name, Role role, String siteId, String passwordHash, int failedLogins, Long lockedUntil,
                      boolean fromConfig) {

    public boolean lockedAt(long now) {
        return lockedUntil != null && lockedUntil > now;
    }
}
