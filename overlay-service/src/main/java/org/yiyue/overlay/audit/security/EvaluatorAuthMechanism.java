package org.yiyue.overlay.audit.security;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
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
 * Evaluator login on the evaluators' paths only ({@link ProtectedPaths}): HTTP Basic for API clients, the console's
 * login form (POST /console/login) for people; a successful login is kept in the session. This mechanism never
 * refuses a request itself: the audit resources and the console answer 401 to anyone not logged in, and every
 * other path passes untouched (an Authorization header meant for a proxied site is not even read).
 */
@ApplicationScoped
public class EvaluatorAuthMechanism implements HttpAuthenticationMechanism {

    public static final String LOGIN_FAILED = "yiyue.login.failed";
    /**
     * The signed-in evaluator, kept as plain strings in the HTTP session and applied to each request from there
     * (instead of the container's session login, {@code @AutoApplySession}): in a cluster the session lives in the
     * data grid, and the container's own record of a login came back on another instance without its groups, so the
     * evaluator was refused there. The session id is changed at login; logout invalidates the session.
     */
    static final String SESSION_CALLER = "yiyue.evaluator.caller";
    static final String SESSION_GROUPS = "yiyue.evaluator.groups";

    @Inject
    IdentityStoreHandler identities;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!ProtectedPaths.isEvaluatorPath(path)) {
            return context.doNothing();
        }
        if ("POST".equals(request.getMethod()) && path.equals("/console/login")) {
            String user = request.getParameter("username");
            String password = request.getParameter("password");
            if (user != null && password != null && !user.isBlank()) {
                CredentialValidationResult r = identities.validate(new UsernamePasswordCredential(user.strip(), password));
                if (r.getStatus() == CredentialValidationResult.Status.VALID) {
                    return remember(request, context, r);
                }
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
                CredentialValidationResult r = identities.validate(
                        new UsernamePasswordCredential(decoded.substring(0, colon), decoded.substring(colon + 1)));
                if (r.getStatus() == CredentialValidationResult.Status.VALID) {
                    return remember(request, context, r); // the client's session cookie spares the next check
                }
            }
        }
        return context.doNothing();
    }

    private static AuthenticationStatus remember(HttpServletRequest request, HttpMessageContext context,
                                                 CredentialValidationResult r) {
        HttpSession session = request.getSession(true);
        session.setAttribute(SESSION_CALLER, r.getCallerPrincipal().getName());
        session.setAttribute(SESSION_GROUPS, String.join("\n", r.getCallerGroups()));
        return context.notifyContainerAboutLogin(r);
    }
}
