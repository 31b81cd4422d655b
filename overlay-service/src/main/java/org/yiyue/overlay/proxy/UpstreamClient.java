package org.yiyue.overlay.proxy;

import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The one HTTP client that talks to upstreams: HTTP/1.1 (old government servers), never follows redirects (the
 * browser must see them, rewritten), connect timeout {@code yiyue.upstream.connect-timeout-ms} (5 s) and
 * time-to-headers timeout {@code yiyue.upstream.response-timeout-ms} (30 s), and a body idle timeout
 * {@code yiyue.upstream.body-idle-timeout-ms} (30 s without a new body byte): the JDK client has none after the
 * headers, and an upstream that stalls mid-body would otherwise hold a servlet thread forever.
 */
@ApplicationScoped
public class UpstreamClient {

    static {
        // lets a configured Host header through the JDK client (it is otherwise a restricted header)
        String allowed = System.getProperty("jdk.httpclient.allowRestrictedHeaders", "");
        if (!allowed.toLowerCase().contains("host")) {
            System.setProperty("jdk.httpclient.allowRestrictedHeaders", allowed.isEmpty() ? "host" : allowed + ",host");
        }
    }

    private HttpClient client;
    private BlockingUpstream blocking;
    private Duration connectTimeout;
    private Duration responseTimeout;
    private Duration bodyIdleTimeout;

    @PostConstruct
    void init() {
        var config = ConfigProvider.getConfig();
        long connectMs = config.getOptionalValue("yiyue.upstream.connect-timeout-ms", Long.class).orElse(5000L);
        long responseMs = config.getOptionalValue("yiyue.upstream.response-timeout-ms", Long.class).orElse(30000L);
        long bodyIdleMs = config.getOptionalValue("yiyue.upstream.body-idle-timeout-ms", Long.class).orElse(30000L);
        if (bodyIdleMs <= 0) {
            throw new IllegalArgumentException("yiyue.upstream.body-idle-timeout-ms must be positive: " + bodyIdleMs);
        }
        connectTimeout = Duration.ofMillis(connectMs);
        responseTimeout = Duration.ofMillis(responseMs);
        bodyIdleTimeout = Duration.ofMillis(bodyIdleMs);
        blocking = new BlockingUpstream(connectTimeout, responseTimeout, bodyIdleTimeout);
        client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofMillis(connectMs))
                .build();
    }

    public HttpClient client() {
        return client;
    }

    /** GET and HEAD without a body, on the calling thread (see {@link BlockingUpstream}). */
    BlockingUpstream blocking() {
        return blocking;
    }

    /** Also bounds the WebSocket handshake's own socket (see {@link WebSocketProxy}). */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration responseTimeout() {
        return responseTimeout;
    }

    /** Response bodies as streams that fail with {@link UpstreamStalledException} once the upstream goes quiet. */
    public HttpResponse.BodyHandler<InputStream> bodyHandler() {
        return IdleTimeoutBodySubscriber.handler(bodyIdleTimeout);
    }
}
