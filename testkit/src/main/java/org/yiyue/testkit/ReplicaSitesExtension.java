package org.yiyue.testkit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.yiyue.demo.ReplicaCatalog;
import org.yiyue.demo.ReplicaSites;

/**
 * The replica sites for JUnit 5 tests, started lazily once per JVM (test run) and closed when the run ends.
 *
 * <pre>{@code
 * @ExtendWith(ReplicaSitesExtension.class)
 * class MyTest {
 *     @Test void plain(ReplicaSites sites) { sites.origin("zwfw") ... }
 *     @Test void withToolbar(@EmbeddedToolbar ReplicaSites sites) { ... }
 *     @Test void catalogue(ReplicaCatalog catalog) { catalog.defects("portal") ... }
 * }
 * }</pre>
 *
 * <p>Two shared instances at most: one plain, one with {@code embedToolbar(true)}. Both live in the root context's
 * store, so every test class of the run reuses them; JUnit closes them (they are {@link AutoCloseable}) when the root
 * context closes. Ports are ephemeral on 127.0.0.1. Tests must not depend on state left by other tests (the yth
 * sessions and gcjs registrations are per-client anyway).
 */
public final class ReplicaSitesExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ReplicaSitesExtension.class);
    private static final String PLAIN = "replica-sites";
    private static final String TOOLBAR = "replica-sites-with-toolbar";

    /** The shared plain instance, starting it if needed (for use from other extensions or @BeforeAll code). */
    public static ReplicaSites shared(ExtensionContext context) {
        return shared(context, false);
    }

    /** The shared instance with or without the embedded toolbar, starting it if needed. */
    public static ReplicaSites shared(ExtensionContext context, boolean embedToolbar) {
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        return store.getOrComputeIfAbsent(embedToolbar ? TOOLBAR : PLAIN,
                key -> ReplicaSites.start(ReplicaSites.options().embedToolbar(embedToolbar)), ReplicaSites.class);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == ReplicaSites.class || type == ReplicaCatalog.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (parameter.getParameter().getType() == ReplicaCatalog.class) {
            return context.getRoot().getStore(NAMESPACE)
                    .getOrComputeIfAbsent("catalog", key -> ReplicaCatalog.load(), ReplicaCatalog.class);
        }
        return shared(context, parameter.isAnnotated(EmbeddedToolbar.class));
    }
}
