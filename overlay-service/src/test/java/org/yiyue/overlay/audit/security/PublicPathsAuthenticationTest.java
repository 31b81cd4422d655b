package org.yiyue.overlay.audit.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.security.auth.Subject;

import jakarta.security.auth.message.AuthStatus;
import jakarta.security.auth.message.MessageInfo;
import jakarta.security.auth.message.config.ServerAuthContext;
import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;

/** Public paths answer at once; account paths still reach the registered login module, with its own answer. */
class PublicPathsAuthenticationTest {

    private final List<String> delegated = new ArrayList<>();

    private final ServerAuthContext registered = new ServerAuthContext() {
        @Override
        public AuthStatus validateRequest(MessageInfo m, Subject client, Subject service) {
            delegated.add("validate " + ((HttpServletRequest) m.getRequestMessage()).getRequestURI());
            return AuthStatus.SEND_FAILURE;
        }

        @Override
        public AuthStatus secureResponse(MessageInfo m, Subject service) {
            delegated.add("secure " + ((HttpServletRequest) m.getRequestMessage()).getRequestURI());
            return AuthStatus.SEND_CONTINUE;
        }

        @Override
        public void cleanSubject(MessageInfo m, Subject subject) {
            delegated.add("clean");
        }
    };

    private static MessageInfo message(String uri) {
        HttpServletRequest req = (HttpServletRequest) Proxy.newProxyInstance(
                PublicPathsAuthenticationTest.class.getClassLoader(), new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getRequestURI" -> uri;
                    case "getContextPath" -> "";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        Map<String, Object> map = new HashMap<>();
        return new MessageInfo() {
            @Override
            public Object getRequestMessage() {
                return req;
            }

            @Override
            public Object getResponseMessage() {
                return null;
            }

            @Override
            public void setRequestMessage(Object request) {
            }

            @Override
            public void setResponseMessage(Object response) {
            }

            @Override
            @SuppressWarnings("rawtypes")
            public Map getMap() {
                return map;
            }
        };
    }

    @Test
    void publicPathsNeverReachTheLoginModule() throws Exception {
        var ctx = new PublicPathsAuthentication.PublicPathsContext(registered, "");
        for (String uri : List.of("/s/zwfw/index.html", "/a11y/toolbar.js", "/api/info", "/api/tts", "/health/ready",
                "/api/sites", "/")) {
            assertEquals(AuthStatus.SUCCESS, ctx.validateRequest(message(uri), new Subject(), null), uri);
            assertEquals(AuthStatus.SEND_SUCCESS, ctx.secureResponse(message(uri), null), uri);
        }
        assertEquals(List.of(), delegated);
    }

    @Test
    void accountPathsGetTheRegisteredModulesAnswer() throws Exception {
        var ctx = new PublicPathsAuthentication.PublicPathsContext(registered, "");
        for (String uri : List.of("/console", "/console/login", "/api/audits", "/api/users/x", "/api/access-log",
                "/api/sites/zwfw/cache", "/api/rules")) {
            assertEquals(AuthStatus.SEND_FAILURE, ctx.validateRequest(message(uri), new Subject(), null), uri);
            assertEquals(AuthStatus.SEND_CONTINUE, ctx.secureResponse(message(uri), null), uri);
        }
        assertEquals(14, delegated.size(), delegated.toString());
        ctx.cleanSubject(message("/s/x"), new Subject());
        assertEquals("clean", delegated.get(14));
    }
}
