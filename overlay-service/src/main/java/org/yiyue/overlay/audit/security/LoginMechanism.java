package org.yiyue.overlay.audit.security;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Login on the account paths only ({@link ProtectedPaths}): HTTP Basic for API clients, the console's login form
 * (POST /console/login) for people; a successful login is kept in the session. An account whose role may not work
 * from the client's address ({@link RoleNetworks}) is not logged in. This mechanism never refuses a request itself:
 * the resources and the console answer 401 to anyone not logged in (saying why, from the request attributes set
 * here), and every other path passes untouched (an Authorization header meant for a proxied site is not even read).
 * Every failed login is written to the {@link AccessLog}, and so is each console login.
 */
@ApplicationScoped
public class LoginMechanism implements HttpAuthenticationMechanism {

    public static final String LOGIN_FAILED = "yiyue.login.failed";
    /** Set when the account is locked after repeated failures. */
    public static final String LOGIN_LOCKED = "yiyue.login.locked";
    /** Set when the account's role may not log in from this address. */
    public static final String ADDRESS_REFUSED = "yiyue.login.address-refused";
    /**
     * The signed-in account, kept as plain strings in the HTTP session and applied to each request from there
     * (instead of the container's session login, {@code @AutoApplySession}): in a cluster the session lives in the
     * data grid, and the container's own record of a login came back on another instance without its groups, so
     * the account was refused there (ClusterIT). The session id is changed at login; logout invalidates the session.
     */
    static final String SESSION_CALLER = "yiyue.account.caller";
    static final String SESSION_GROUPS = "yiyue.account.groups";

    @Inject
    IdentityStoreHandler identities;
    @Inject
    Accounts accounts;
    @Inject
    RoleNetworks networks;
    @Inject
    AccessLog log;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!ProtectedPaths.isAccountPath(path)) {
            return context.doNothing();
        }
        if ("POST".equals(request.getMethod()) && path.equals("/console/login")) {
            String user = request.getParameter("username");
            String password = request.getParameter("password");
            if (user != null && password != null && !user.isBlank()) {
                return login(request, context, user.strip(), password, "console login");
            }
            request.setAttribute(LOGIN_FAILED, Boolean.TRUE);
            return context.doNothing();
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_CALLER) instanceof String caller) {
            Object groups = session.getAttribute(SESSION_GROUPS);
            return context.notifyContainerAboutLogin(caller, groups instanceof String g && !g.isEmpty()
                    ? Set.copyOf(Arrays.asList(g.split("\n"))) : Set.of());
        }
        String auth = request.getHeader("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(auth.substring(6).strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return context.doNothing();
            }
            int colon = decoded.indexOf(':');
            if (colon > 0) {
                return login(request, context, decoded.substring(0, colon), decoded.substring(colon + 1), null);
            }
        }
        return context.doNothing();
    }

    /** @param logSuccess the access-log action for a successful login, or null to log failures only (Basic) */
    private AuthenticationStatus login(HttpServletRequest request, HttpMessageContext context, String user,
                                       String password, String logSuccess) {
        String client = request.getRemoteAddr();
        CredentialValidationResult r = identities.validate(new UsernamePasswordCredential(user, password));
        if (r.getStatus() == CredentialValidationResult.Status.VALID) {
            Optional<Role> role = r.getCallerGroups().stream().map(Role::of).flatMap(Optional::stream).findFirst();
            if (role.isEmpty() || !networks.allows(role.get(), client)) {
                request.setAttribute(ADDRESS_REFUSED, Boolean.TRUE);
                log.record(user, role.orElse(null), "login refused: address", request.getRequestURI(), client, 403);
                return context.doNothing();
            }
            if (logSuccess != null) {
                log.record(user, role.get(), logSuccess, request.getRequestURI(), client, 200);
            }
            // kept in the session for the next requests, on this instance or another (a Basic client that keeps
            // the cookie is spared the next password check, as with the container's session login before)
            HttpSession session = request.getSession(true);
            session.setAttribute(SESSION_CALLER, r.getCallerPrincipal().getName());
            session.setAttribute(SESSION_GROUPS, String.join("\n", r.getCallerGroups()));
            return context.notifyContainerAboutLogin(r);
        }
        request.setAttribute(LOGIN_FAILED, Boolean.TRUE);
        boolean locked = false;
        try {
            locked = accounts.find(user).map(a -> a.lockedAt(System.currentTimeMillis())).orElse(false);
        } catch (RuntimeException e) {
            // database away: reported as a plain failure
        }
        if (locked) {
            request.setAttribute(LOGIN_LOCKED, Boolean.TRUE);
        }
        log.record(user, null, locked ? "login refused: account locked" : "login failed", request.getRequestURI(),
                client, 401);
        return context.doNothing();
    }
}
