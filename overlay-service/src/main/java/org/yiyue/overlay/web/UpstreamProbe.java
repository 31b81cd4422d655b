package org.yiyue.overlay.web;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.yiyue.overlay.site.Site;
import org.yiyue.overlay.site.SiteRegistry;

/**
 * Is each upstream accepting connections? A TCP connect with a 1 s timeout, all sites in parallel, remembered for
 * 10 s so health polling never hammers the government sites.
 */
@ApplicationScoped
public class UpstreamProbe {

    private static final Duration TTL = Duration.ofSeconds(10);

    @Inject
    SiteRegistry sites;

    private volatile Map<String, Boolean> last = Map.of();
    private volatile Instant at = Instant.EPOCH;

    public Map<String, Boolean> reachability() {
        if (Duration.between(at, Instant.now()).compareTo(TTL) < 0) {
            return last;
        }
        Map<String, CompletableFuture<Boolean>> probes = new LinkedHashMap<>();
        for (Site s : sites.all()) {
            probes.put(s.id(), CompletableFuture.supplyAsync(() -> reachable(s)));
        }
        Map<String, Boolean> result = new LinkedHashMap<>();
        probes.forEach((id, f) -> result.put(id, f.join()));
        last = result;
        at = Instant.now();
        return result;
    }

    static boolean reachable(Site s) {
        int port = s.upstream().getPort() > 0 ? s.upstream().getPort()
                : "https".equals(s.upstream().getScheme()) ? 443 : 80;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(s.upstream().getHost(), port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
