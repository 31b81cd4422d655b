package org.yiyue.overlay.audit.security;

import java.util.Arrays;
import java.util.Optional;

/**
 * The four roles of the tender (最小权限、相互制约): each account has exactly one. What each may do is {@link Right}.
 */
public enum Role {
    /** 管理员: accounts, the sites' caches and fix ledgers, the access log. Never audits, never signs. */
    ADMIN("admin", "管理员", "Administrator"),
    /** 测评员: audits, manual results, signing, reports. */
    EVALUATOR("evaluator", "测评员", "Evaluator"),
    /** 网站运维: its own site's cache and fix ledger only. */
    SITE_OPS("site-ops", "网站运维", "Site operator"),
    /** 只读: reads audits and reports. */
    READER("reader", "只读", "Read-only");

    private final String id;
    private final String zh;
    private final String en;

    Role(String id, String zh, String en) {
        this.id = id;
        this.zh = zh;
        this.en = en;
    }

    /** The group name given to the container and written in configuration. */
    public String id() {
        return id;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }

    public static Optional<Role> of(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
    }
}
