package org.yiyue.overlay.audit.security;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Where an account of one role may connect from (终端接入地址范围): CIDR ranges such as {@code 10.1.0.0/16,
 * 127.0.0.1/32, ::1/128}. No ranges: anywhere. Addresses are compared as the container sees the client (behind a
 * balancer that is the balancer, unless the container is told to trust its forwarded address).
 */
public record AddressRanges(List<Range> ranges) {

    public record Range(BigInteger network, int prefix, int bits) {
        boolean contains(byte[] address) {
            if (address.length * 8 != bits) {
                return false;
            }
            BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                    .shiftRight(prefix).not().and(BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE));
            return new BigInteger(1, address).and(mask).equals(network.and(mask));
        }
    }

    public static final AddressRanges ANYWHERE = new AddressRanges(List.of());

    /** Parses {@code a.b.c.d/n, …}; a range without /n is one address. Throws on anything else. */
    public static AddressRanges parse(String text) {
        List<Range> out = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            int slash = p.indexOf('/');
            String host = slash < 0 ? p : p.substring(0, slash);
            if (!host.matches("[0-9a-fA-F:.]+")) {
                throw new IllegalArgumentException("not an IP address range: " + p);
            }
            byte[] address;
            try {
                address = InetAddress.getByName(host).getAddress(); // literal only: checked above, no lookup
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("not an IP address range: " + p, e);
            }
            int bits = address.length * 8;
            int prefix = slash < 0 ? bits : Integer.parseInt(p.substring(slash + 1));
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("prefix out of range: " + p);
            }
            out.add(new Range(new BigInteger(1, address), prefix, bits));
        }
        return new AddressRanges(List.copyOf(out));
    }

    public boolean allows(String clientAddress) {
        if (ranges.isEmpty()) {
            return true;
        }
        if (clientAddress == null || !clientAddress.matches("[0-9a-fA-F:.%a-z]+")) {
            return false;
        }
        byte[] address;
        try {
            address = InetAddress.getByName(clientAddress.replaceAll("%.*$", "")).getAddress();
        } catch (UnknownHostException e) {
            return false;
        }
        return ranges.stream().anyMatch(r -> r.contains(address));
    }
}
