package org.yiyue.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The four replica government sites, each on its own loopback port like separate hosts.
 *
 * <pre>{@code
 * try (ReplicaSites sites = ReplicaSites.start()) {          // ephemeral ports on 127.0.0.1
 *     URI zwfw = sites.origin("zwfw");                       // http://127.0.0.1:PORT
 * }
 * ReplicaSites demo = ReplicaSites.start(ReplicaSites.options().basePort(8101).embedToolbar(true));
 * }</pre>
 *
 * <p>Site ids, in port order: {@code zwfw}, {@code yth}, {@code gcjs}, {@code portal}. With a base port, the sites
 * take base, base+1, base+2, base+3. All four share one bounded thread pool. Pages link to their own origin through
 * the placeholder {@code {{ORIGIN}}} and to a sibling site through {@code {{ORIGIN:<id>}}}, both filled at serve time.
 */
public final class ReplicaSites implements AutoCloseable {

    /** The site ids in the order of their ports. */
    public static final List<String> SITE_IDS = List.of("zwfw", "yth", "gcjs", "portal");

    private final Map<String, SiteServer> servers;
    private final ExecutorService pool;
    private final Options options;

    private ReplicaSites(Map<String, SiteServer> servers, ExecutorService pool, Options options) {
        this.servers = servers;
        this.pool = pool;
        this.options = options;
    }

    /** All four sites on ephemeral ports of 127.0.0.1, without the toolbar. */
    public static ReplicaSites start() {
        return start(options());
    }

    /** A fresh options builder: ephemeral ports, no toolbar. */
    public static Options options() {
        return new Options(0, false);
    }

    /** Starts all four sites; if one fails to bind, the others are stopped and the failure is thrown. */
    public static ReplicaSites start(Options options) {
        ExecutorService pool = Executors.newFixedThreadPool(16, daemonThreads());
        Map<String, SiteServer> servers = new LinkedHashMap<>();
        try {
            for (int i = 0; i < SITE_IDS.size(); i++) {
                String id = SITE_IDS.get(i);
                int port = options.basePort() == 0 ? 0 : options.basePort() + i;
                servers.put(id, SiteServer.start(SiteProfile.of(id), port, options.embedToolbar(), pool));
            }
            Map<String, URI> origins = new LinkedHashMap<>();
            servers.forEach((id, server) -> origins.put(id, server.origin()));
            servers.values().forEach(server -> server.siblings(origins));
        } catch (IOException | RuntimeException e) {
            servers.values().forEach(SiteServer::stop);
            pool.shutdownNow();
            if (e instanceof IOException io) {
                throw new UncheckedIOException("replica sites could not bind: " + io.getMessage(), io);
            }
            throw (RuntimeException) e;
        }
        return new ReplicaSites(servers, pool, options);
    }

    /** The origin of one site, e.g. {@code http://127.0.0.1:8101}; no trailing slash. */
    public URI origin(String siteId) {
        SiteServer server = servers.get(siteId);
        if (server == null) {
            throw new IllegalArgumentException("unknown site id: " + siteId + " (known: " + SITE_IDS + ")");
        }
        return server.origin();
    }

    /** The site ids, in port order. */
    public List<String> siteIds() {
        return new ArrayList<>(servers.keySet());
    }

    /** Whether every HTML response carries the toolbar script tag. */
    public boolean embedsToolbar() {
        return options.embedToolbar();
    }

    /** Stops all sites at once and releases the thread pool. Safe to call twice. */
    @Override
    public void close() {
        servers.values().forEach(SiteServer::stop);
        pool.shutdownNow();
        try {
            pool.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "replica-sites-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * How to start the sites.
     *
     * @param basePort     0 for ephemeral ports (tests), otherwise zwfw=base, yth=base+1, gcjs=base+2, portal=base+3
     * @param embedToolbar insert {@code <script src="/a11y/toolbar.js" data-site="ID">} (not deferred, so saved settings
     *                     apply before first paint) after {@code <head>} in
     *                     every HTML response and serve {@code /a11y/**} from classpath {@code META-INF/resources/a11y/}
     */
    public record Options(int basePort, boolean embedToolbar) {
        public Options {
            if (basePort < 0 || basePort > 65535 - SITE_IDS.size()) {
                throw new IllegalArgumentException("base port out of range: " + basePort);
            }
        }

        public Options basePort(int port) {
            return new Options(port, embedToolbar);
        }

        public Options embedToolbar(boolean embed) {
            return new Options(basePort, embed);
        }
    }
}
