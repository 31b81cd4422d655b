package org.yiyue.overlay.audit.security;

import java.util.regex.Pattern;

/**
 * Which paths belong to the evaluators: the console (but its login page and static files) and the audit API.
 * Everything else (the proxied sites, the toolbar and its assets, /api/tts, /api/info, health) stays public and is
 * never looked at by the evaluator login.
 */
public final class ProtectedPaths {

    private static final Pattern API = Pattern.compile(
            "/api/(audits(/.*)?|rules/?|sites/[^/]+/audits/?)");

    private ProtectedPaths() {
    }

    /** @param path the request path inside the application (no context path) */
    public static boolean isEvaluatorPath(String path) {
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
