package org.yiyue.overlay.proxy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.microprofile.config.ConfigProvider;

import org.yiyue.overlay.site.Site;

/**
 * What the operator configured about forwarding: the public host name of the overlay ({@code yiyue.public-host},
 * sent upstream as X-Forwarded-Host — never the client's Host, which anyone can set) and extra end-to-end request
 * headers to let through ({@code yiyue.proxy.request-headers}, comma-separated).
 */
record ForwardingConfig(Optional<String> publicHost, Set<String> extraRequestHeaders) {

    private static final class Holder {
        static final ForwardingConfig INSTANCE = load();
    }

    static ForwardingConfig get() {
        return Holder.INSTANCE;
    }

    private static ForwardingConfig load() {
        var config = ConfigProvider.getConfig();
        Optional<String> host = config.getOptionalValue("yiyue.public-host", String.class)
                .map(String::trim).filter(h -> !h.isEmpty());
        Set<String> extra = config.getOptionalValue("yiyue.proxy.request-headers", String.class)
                .map(v -> Arrays.stream(v.split(",")).map(s -> s.trim().toLowerCase(Locale.ROOT))
                        .filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet()))
                .orElse(Set.of());
        return new ForwardingConfig(host, extra);
    }

    /** The site's own public host when it has one, else the overlay's. */
    Optional<String> forwardedHost(Site site) {
        return site.publicHost().or(() -> publicHost);
    }
}
