package org.yiyue.overlay.audit.security;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Predicate;

/** The role of an authenticated caller, from the container's role check (each account is in exactly one). */
public final class Callers {

    private Callers() {
    }

    public static Optional<Role> role(Predicate<String> isUserInRole) {
        return Arrays.stream(Role.values()).filter(r -> isUserInRole.test(r.id())).findFirst();
    }
}
