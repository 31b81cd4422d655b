package org.yiyue.overlay.audit.security;

import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.security.auth.Subject;
import javax.security.auth.callback.CallbackHandler;

import jakarta.security.auth.message.AuthException;
import jakarta.security.auth.message.AuthStatus;
import jakarta.security.auth.message.MessageInfo;
import jakarta.security.auth.message.config.AuthConfigFactory;
import jakarta.security.auth.message.config.AuthConfigProvider;
import jakarta.security.auth.message.config.ClientAuthConfig;
import jakarta.security.auth.message.config.ServerAuthConfig;
import jakarta.security.auth.message.config.ServerAuthContext;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Keeps the login machinery off the public paths. Jakarta Security runs every request of the application through
 * its authentication module, and on Payara that costs a JNDI lookup of the bean manager twice per request (once to
 * validate the request, once to secure the response) plus the module's own work: about 45 % of the CPU of a cache
 * hit on a proxied page and 25 % of an uncached one (JFR, issue 12). {@link LoginMechanism} does nothing on any
 * path that is not an account path ({@link ProtectedPaths}), so for those paths this wraps the registered module
 * and answers "no login, go on" at once; account paths (console, audit API, accounts, access log, purges) go to the
 * registered module exactly as before. The application declares no container security constraints, so "no login"
 * on a public path is what the module would have answered too.
 */
@WebListener
public class PublicPathsAuthentication implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(PublicPathsAuthentication.class.getName());
    private static final String LAYER = "HttpServlet";

    @Override
    public void contextInitialized(ServletContextEvent sce) {
        ServletContext ctx = sce.getServletContext();
        String appContext = ctx.getVirtualServerName() + " " + ctx.getContextPath();
        try {
            AuthConfigFactory factory = AuthConfigFactory.getFactory();
            AuthConfigProvider registered = factory.getConfigProvider(LAYER, appContext, null);
            if (registered == null || registered instanceof PublicPathsProvider) {
                LOG.info(() -> "no authentication module registered for " + appContext + "; nothing to wrap");
                return;
            }
            factory.registerConfigProvider(new PublicPathsProvider(registered, ctx.getContextPath()), LAYER,
                    appContext, "yiyue: the registered module for account paths only");
            LOG.info(() -> "authentication module of " + appContext + " runs on account paths only");
        } catch (RuntimeException e) {
            // left as it was: slower, but every path still goes through the registered module
            LOG.log(Level.WARNING, "could not limit authentication to account paths", e);
        }
    }

    /** True when the request needs the login module: an account path (see {@link ProtectedPaths}). */
    static boolean needsLogin(HttpServletRequest request, String contextPath) {
        String uri = request.getRequestURI();
        String path = uri.startsWith(contextPath) ? uri.substring(contextPath.length()) : uri;
        return ProtectedPaths.isAccountPath(path);
    }

    private record PublicPathsProvider(AuthConfigProvider delegate, String contextPath) implements AuthConfigProvider {
        @Override
        public ServerAuthConfig getServerAuthConfig(String layer, String appContext, CallbackHandler handler)
                throws AuthException {
            ServerAuthConfig config = delegate.getServerAuthConfig(layer, appContext, handler);
            return config == null ? null : new PublicPathsConfig(config, contextPath);
        }

        @Override
        public ClientAuthConfig getClientAuthConfig(String layer, String appContext, CallbackHandler handler)
                throws AuthException {
            return delegate.getClientAuthConfig(layer, appContext, handler);
        }

        @Override
        public void refresh() {
            delegate.refresh();
        }
    }

    private record PublicPathsConfig(ServerAuthConfig delegate, String contextPath) implements ServerAuthConfig {
        @Override
        public ServerAuthContext getAuthContext(String authContextID, Subject serviceSubject,
                                                @SuppressWarnings("rawtypes") Map properties) throws AuthException {
            @SuppressWarnings("unchecked")
            ServerAuthContext context = delegate.getAuthContext(authContextID, serviceSubject, properties);
            return context == null ? null : new PublicPathsContext(context, contextPath);
        }

        @Override
        public String getMessageLayer() {
            return delegate.getMessageLayer();
        }

        @Override
        public String getAppContext() {
            return delegate.getAppContext();
        }

        @Override
        public String getAuthContextID(MessageInfo messageInfo) {
            return delegate.getAuthContextID(messageInfo);
        }

        @Override
        public void refresh() {
            delegate.refresh();
        }

        @Override
        public boolean isProtected() {
            return delegate.isProtected();
        }
    }

    record PublicPathsContext(ServerAuthContext delegate, String contextPath) implements ServerAuthContext {
        @Override
        public AuthStatus validateRequest(MessageInfo messageInfo, Subject clientSubject, Subject serviceSubject)
                throws AuthException {
            if (messageInfo.getRequestMessage() instanceof HttpServletRequest req && !needsLogin(req, contextPath)) {
                return AuthStatus.SUCCESS;
            }
            return delegate.validateRequest(messageInfo, clientSubject, serviceSubject);
        }

        @Override
        public AuthStatus secureResponse(MessageInfo messageInfo, Subject serviceSubject) throws AuthException {
            if (messageInfo.getRequestMessage() instanceof HttpServletRequest req && !needsLogin(req, contextPath)) {
                return AuthStatus.SEND_SUCCESS;
            }
            return delegate.secureResponse(messageInfo, serviceSubject);
        }

        @Override
        public void cleanSubject(MessageInfo messageInfo, Subject subject) throws AuthException {
            delegate.cleanSubject(messageInfo, subject);
        }
    }
}
