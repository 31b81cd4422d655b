package org.yiyue.overlay.proxy;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Deque;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;

/**
 * Ends a response that is already under way so the client sees a failed transfer, not a short body that looks
 * complete. The Servlet API has no abort, and neither throwing from the servlet nor a protocol upgrade is enough:
 * Payara then still ends a chunked body with its last chunk and keeps the connection open (both measured with
 * UpstreamStallIT). So this closes the client's connection itself, through Payara's public but non-standard
 * accessors: the Catalina request behind the facade, its Grizzly request, that request's connection. Reflection
 * keeps the WAR free of a compile-time Payara dependency; on another container it reports false and the caller
 * falls back to throwing. Not solved: HTTP/2 (h2c measured) — Payara ends the stream cleanly after a throw, and
 * resetting just that stream would need Grizzly's HTTP/2 internals.
 */
final class ResponseAbort {

    private ResponseAbort() {
    }

    /**
     * @return true if the client connection is being closed; false for HTTP/2 (closing the connection would cut
     * every other stream the browser has open on it) or a container that offers no way to do it
     */
    static boolean abort(ServletRequest req) {
        if (!req.getProtocol().startsWith("HTTP/1.")) {
            return false;
        }
        ServletRequest inner = req;
        while (inner instanceof ServletRequestWrapper w) {
            inner = w.getRequest();
        }
        try {
            Object catalina = call(inner, "getUnwrappedCoyoteRequest");
            Object grizzly = call(catalina, "getCoyoteRequest");
            Object context = call(grizzly, "getContext");
            Object connection = call(context, "getConnection");
            // Grizzly writes what is already queued, then closes; the container's closing chunk never goes out
            call(connection, "closeSilently");
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    /** Calls a public no-argument method through a public type that declares it (implementations may be hidden). */
    private static Object call(Object target, String name) throws ReflectiveOperationException {
        if (target == null) {
            throw new NoSuchMethodException(name + " on null");
        }
        Deque<Class<?>> types = new ArrayDeque<>();
        types.add(target.getClass());
        while (!types.isEmpty()) {
            Class<?> type = types.poll();
            if (Modifier.isPublic(type.getModifiers())) {
                try {
                    Method m = type.getMethod(name);
                    return m.invoke(target);
                } catch (NoSuchMethodException notHere) {
                    // try its supertypes
                }
            }
            if (type.getSuperclass() != null) {
                types.add(type.getSuperclass());
            }
            types.addAll(java.util.List.of(type.getInterfaces()));
        }
        throw new NoSuchMethodException(target.getClass().getName() + "." + name);
    }
}
