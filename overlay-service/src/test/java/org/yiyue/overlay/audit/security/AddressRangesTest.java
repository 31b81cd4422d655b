package org.yiyue.overlay.audit.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;

class AddressRangesTest {

    @Test
    void cidrRangesOfBothFamilies() {
        AddressRanges r = AddressRanges.parse("10.1.0.0/16, 127.0.0.1/32, 2001:db8::/32");
        assertTrue(r.allows("10.1.255.7"));
        assertFalse(r.allows("10.2.0.1"));
        assertTrue(r.allows("127.0.0.1"));
        assertFalse(r.allows("127.0.0.2"));
        assertTrue(r.allows("2001:db8:0:1::5"));
        assertFalse(r.allows("2001:db9::1"));
        assertFalse(r.allows(null));
        assertFalse(r.allows("intranet.example"), "names are never looked up");
        assertTrue(AddressRanges.parse("").allows("203.0.113.9"), "no ranges: anywhere");
        assertTrue(AddressRanges.parse("0.0.0.0/0").allows("203.0.113.9"));
    }

    @Test
    void badRangesAreRefusedNotIgnored() {
        assertThrows(IllegalArgumentException.class, () -> AddressRanges.parse("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> AddressRanges.parse("intranet/8"));
    }

    /** The policy table itself: least privilege, and the administrator never signs. */
    @Test
    void rolesAndRights() {
        assertTrue(Right.SIGN.grantedTo(Role.EVALUATOR));
        assertFalse(Right.SIGN.grantedTo(Role.ADMIN));
        for (Right r : Right.values()) {
            assertFalse(r.grantedTo(Role.READER) && r != Right.READ_REPORTS, "the reader only reads: " + r);
            assertFalse(r.grantedTo(Role.SITE_OPS) && !Right.SITE_SCOPED.contains(r), "site-ops only on its site: " + r);
        }
        assertTrue(EnumSet.of(Right.MANAGE_USERS, Right.READ_ACCESS_LOG, Right.PURGE_CACHE).stream()
                .allMatch(r -> r.grantedTo(Role.ADMIN)));
        assertFalse(Right.RUN_AUDITS.grantedTo(Role.ADMIN) || Right.WRITE_MANUAL.grantedTo(Role.ADMIN));
    }
}
