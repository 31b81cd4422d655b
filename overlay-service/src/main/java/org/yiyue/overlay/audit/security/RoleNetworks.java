package org.yiyue.overlay.audit.security;

import java.util.EnumMap;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.ConfigProvider;

/** Per role, the client addresses it may log in and work from: {@code yiyue.access.<role>.networks} (CIDR list). */
@ApplicationScoped
public class RoleNetworks {

    private final Map<Role, AddressRanges> ranges = new EnumMap<>(Role.class);

    @PostConstruct
    void load() {
        for (Role r : Role.values()) {
            ranges.put(r, ConfigProvider.getConfig().getOptionalValue("yiyue.access." + r.id() + ".networks", String.class)
                    .map(AddressRanges::parse).orElse(AddressRanges.ANYWHERE));
        }
    }

    public boolean allows(Role role, String clientAddress) {
        return ranges.getOrDefault(role, AddressRanges.ANYWHERE).allows(clientAddress);
    }
}
