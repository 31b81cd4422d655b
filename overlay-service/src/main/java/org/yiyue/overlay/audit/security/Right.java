package org.yiyue.overlay.audit.security;

import java.util.EnumSet;
import java.util.Set;

/**
 * What an action needs. {@link #SITE_SCOPED} rights are limited to the account's own site for {@link Role#SITE_OPS}.
 * The table is the whole policy: every protected API method and console action names one right.
 */
public enum Right {
    MANAGE_USERS("管理账户", "manage accounts", EnumSet.of(Role.ADMIN)),
    READ_ACCESS_LOG("查看操作日志", "read the access log", EnumSet.of(Role.ADMIN)),
    PURGE_CACHE("清除网站缓存", "purge a site's cache", EnumSet.of(Role.ADMIN, Role.SITE_OPS)),
    RUN_AUDITS("发起、取消、继续审计", "start, cancel and resume audits", EnumSet.of(Role.EVALUATOR)),
    WRITE_MANUAL("录入人工测评结果", "record manual results", EnumSet.of(Role.EVALUATOR)),
    SIGN("签署测评结论", "sign an evaluation", EnumSet.of(Role.EVALUATOR)),
    READ_REPORTS("查看审计与报告", "read audits and reports", EnumSet.of(Role.EVALUATOR, Role.READER));

    public static final Set<Right> SITE_SCOPED = EnumSet.of(PURGE_CACHE);

    private final String zh;
    private final String en;
    private final Set<Role> roles;

    Right(String zh, String en, Set<Role> roles) {
        this.zh = zh;
        this.en = en;
        this.roles = roles;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }

    public boolean grantedTo(Role role) {
        return roles.contains(role);
    }

    public Set<Role> roles() {
        return Set.copyOf(roles);
    }
}
