package org.yiyue.overlay.audit.security;

import java.io.IOException;
import java.security.Principal;
import java.time.Duration;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * On the account paths, after the login: (1) the idle lock (操作超时锁定) — a session unused for longer than
 * {@code yiyue.session.idle-timeout} (default PT15M) is ended and the request goes on as not logged in, marked
 * {@link #SESSION_LOCKED}; (2) the access log — every state-changing request (not GET/HEAD/OPTIONS) is written to
 * the {@link AccessLog} with its caller, role, address and answer status, refused ones included.
 */
@WebFilter(urlPatterns = {"/api/*", "/console", "/console/*"}, asyncSupported = true)
public class AccountFilter extends HttpFilter {

    public static final String SESSION_LOCKED = "yiyue.session.locked";
    private static final String LAST_SEEN = "yiyue.session.last-seen";

    @Inject
    transient AccessLog log;

    private long idleMs;

    @Override
    public void init() {
        idleMs = Duration.parse(ConfigProvider.getConfig().getOptionalValue("yiyue.session.idle-timeout", String.class)
                .orElse("PT15M")).toMillis();
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        String path = req.getRequestURI().substring(req.getContextPath().length());
        if (!ProtectedPaths.isAccountPath(path)) {
            chain.doFilter(req, resp);
            return;
        }
        HttpServletRequest request = idleCheck(req);
        chain.doFilter(request, resp);
        String method = req.getMethod();
        boolean changes = !(method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS"));
        if (changes && !path.equals("/console/login")) { // logins are written by the LoginMechanism
            Principal who = request.getUserPrincipal();
            Role role = who == null ? null : Callers.role(request::isUserInRole).orElse(null);
            log.record(who == null ? (AdminToken.valid(req.getHeader(AdminToken.HEADER)) ? "admin-token" : "anonymous")
                    : who.getName(), role, method + " " + path, req.getQueryString(), req.getRemoteAddr(), resp.getStatus());
        }
    }

    private HttpServletRequest idleCheck(HttpServletRequest req) throws ServletException {
        HttpSession session = req.getSession(false);
        if (session == null || req.getUserPrincipal() == null) {
            return req;
        }
        long now = System.currentTimeMillis();
        Object last = session.getAttribute(LAST_SEEN);
        if (last instanceof Long seen && now - seen > idleMs) {
            session.invalidate();
            req.logout();
            req.setAttribute(SESSION_LOCKED, Boolean.TRUE);
            return new HttpServletRequestWrapper(req) { // logged out for everything downstream, whatever the container keeps
                @Override
                public Principal getUserPrincipal() {
                    return null;
                }

                @Override
                public boolean isUserInRole(String role) {
                    return false;
                }

                @Override
                public String getRemoteUser() {
                    return null;
                }
            };
        }
        session.setAttribute(LAST_SEEN, now);
        session.setMaxInactiveInterval((int) Math.min(Integer.MAX_VALUE, idleMs / 1000 + 60));
        return req;
    }
}
