package org.yiyue.overlay.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Who may purge caches: callers on loopback, or anyone presenting {@code X-Yiyue-Admin-Token} equal to the
 * configured {@code yiyue.admin.token}. Without a token configured, only loopback.
 */
final class AdminAccess {

    private AdminAccess() {
    }

    static boolean allowed(String remoteAddr, String token) {
        Optional<String> configured = ConfigProvider.getConfig().getOptionalValue("yiyue.admin.token", String.class);
        if (configured.isPresent() && token != null && MessageDigest.isEqual(
                configured.get().getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
            return true;
        }
        try {
            return remoteAddr != null && InetAddress.getByName(remoteAddr).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
