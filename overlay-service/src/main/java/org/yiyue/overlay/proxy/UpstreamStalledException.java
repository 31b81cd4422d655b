package org.yiyue.overlay.proxy;

import java.io.IOException;
import java.time.Duration;

/**
 * The upstream sent its headers, then no new body bytes for the body idle timeout
 * ({@code yiyue.upstream.body-idle-timeout-ms}). Its own type so the proxy can tell a stall from a reset.
 */
public final class UpstreamStalledException extends IOException {

    private static final long serialVersionUID = 1L;

    public UpstreamStalledException(Duration idle) {
        super("upstream sent no body bytes for " + idle.toMillis() + " ms");
    }
}
