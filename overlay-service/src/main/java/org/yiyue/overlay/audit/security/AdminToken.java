package org.yiyue.overlay.audit.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The machine credential for cache purges (a publishing system's hook): header {@code X-Yiyue-Admin-Token} equal to
 * the configured {@code yiyue.admin.token}. Without a token configured, no request has it. Loopback callers are no
 * longer trusted as such: behind a balancer on the same host every request comes from loopback.
 */
public final class AdminToken {

    public static final String HEADER = "X-Yiyue-Admin-Token";

    private AdminToken() {
    }

    public static boolean valid(String token) {
        Optional<String> configured = ConfigProvider.getConfig().getOptionalValue("yiyue.admin.token", String.class);
        return configured.isPresent() && !configured.get().isBlank() && token != null && MessageDigest.isEqual(
                configured.get().getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }
}
