package org.yiyue.audit.cli;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import org.yiyue.demo.ReplicaCatalog;
import org.yiyue.demo.ReplicaSites;

/**
 * Finds the four replica sites: on their default ports if something answers there (./yiyue demo is running),
 * otherwise started in this process on ephemeral loopback ports and stopped on close.
 */
final class ReplicaTargets implements AutoCloseable {

    private final ReplicaCatalog catalog = ReplicaCatalog.load();
    private final Map<String, URI> origins = new LinkedHashMap<>();
    private ReplicaSites started;

    static boolean isSiteId(String s) {
        return ReplicaSites.SITE_IDS.contains(s);
    }

    ReplicaCatalog catalog() {
        return catalog;
    }

    /** Origin of the site, e.g. http://127.0.0.1:8101, starting the replicas when nothing runs on the default port. */
    URI origin(String siteId) {
        return origins.computeIfAbsent(siteId, id -> {
            URI def = URI.create("http://127.0.0.1:" + catalog.site(id).defaultPort());
            if (started == null && answers(def)) {
                return def;
            }
            if (started == null) {
                started = ReplicaSites.start();
            }
            return started.origin(id);
        });
    }

    boolean startedHere() {
        return started != null;
    }

    private static boolean answers(URI origin) {
        try {
            HttpURLConnection c = (HttpURLConnection) origin.resolve("/index.html").toURL().openConnection();
            c.setConnectTimeout(500);
            c.setReadTimeout(2000);
            int code = c.getResponseCode();
            c.disconnect();
            return code == 200;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (started != null) {
            started.close();
        }
    }
}
