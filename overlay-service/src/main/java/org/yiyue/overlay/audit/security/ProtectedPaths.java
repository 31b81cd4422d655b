package org.yiyue.overlay.audit.security;

import java.util.regex.Pattern;

/**
 * Which paths need an account: the console (but its login page and static files), the audit API, accounts, the
 * access log and cache purges. Everything else (the proxied sites, the toolbar and its assets, /api/tts, /api/info,
 * /api/sites and the fix ledger, health) stays public and is never looked at by the login.
 */
public final class ProtectedPaths {

    private static final Pattern API = Pattern.compile(
            "/api/(audits(/.*)?|rules/?|sites/[^/]+/audits/?|sites/[^/]+/cache/?|users(/.*)?|access-log/?)");

    private ProtectedPaths() {
    }

    /** @param path the request path inside the application (no context path) */
    public static boolean isAccountPath(String path) {
        return isConsole(path) || API.matcher(path).matches();
    }

    public static boolean isConsole(String path) {
        return path.equals("/console") || path.startsWith("/console/");
    }

    /** Console paths anyone may load: the login page and the console's own stylesheet. */
    public static boolean isPublicConsole(String path) {
        return path.equals("/console/login") || path.startsWith("/console/static/");
    }
}
