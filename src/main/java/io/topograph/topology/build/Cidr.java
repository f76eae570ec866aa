package io.topograph.topology.build;

import io.micronaut.core.annotation.Nullable;
import io.topograph.hosts.IpLiteral;

import java.math.BigInteger;
import java.util.Comparator;

/**
 * A CIDR block as numbers, for the pure parts of graph building: which block holds an address, its
 * first and last usable address, and the numeric order subnets are listed in (10.0.2.0/24 before
 * 10.0.10.0/24, IPv4 before IPv6, wider blocks before narrower at the same start). Text only:
 * nothing here resolves or contacts anything.
 */
public record Cidr(String text, BigInteger network, int prefix, int bits) {

    /** Numeric order; unparsable blocks last, by text. */
    public static final Comparator<String> ORDER = (a, b) -> {
        Cidr x = parse(a);
        Cidr y = parse(b);
        if (x == null || y == null) {
            return x == null && y == null ? a.compareTo(b) : x == null ? 1 : -1;
        }
        int c = Integer.compare(x.bits, y.bits);
        if (c == 0) {
            c = x.network.compareTo(y.network);
        }
        if (c == 0) {
            c = Integer.compare(x.prefix, y.prefix);
        }
        return c;
    };

    /** {@code 10.0.0.0/24} (a bare address is a single-address block); null when it is not a CIDR literal. */
    @Nullable
    public static Cidr parse(@Nullable String text) {
        if (text == null) {
            return null;
        }
        int slash = text.indexOf('/');
        byte[] address = IpLiteral.parse(slash < 0 ? text : text.substring(0, slash));
        if (address == null) {
            return null;
        }
        int bits = address.length * 8;
        int prefix;
        try {
            prefix = slash < 0 ? bits : Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
            return null;
        }
        if (prefix < 0 || prefix > bits) {
            return null;
        }
        BigInteger mask = mask(prefix, bits);
        return new Cidr(text, new BigInteger(1, address).and(mask), prefix, bits);
    }

    /** An address as a number, or null when it is not an address literal. */
    @Nullable
    public static BigInteger address(@Nullable String ip) {
        byte[] bytes = IpLiteral.parse(ip);
        return bytes == null ? null : new BigInteger(1, bytes);
    }

    public boolean contains(@Nullable String ip) {
        byte[] bytes = IpLiteral.parse(ip);
        return bytes != null && bytes.length * 8 == bits && new BigInteger(1, bytes).and(mask(prefix, bits)).equals(network);
    }

    /** The first usable host address (.1 of a /24); the network address itself for /31, /32 (and IPv6 /127, /128). */
    public BigInteger firstUsable() {
        return bits - prefix <= 1 ? network : network.add(BigInteger.ONE);
    }

    /** The last usable host address (.254 of a /24: the broadcast address is not a host). */
    public BigInteger lastUsable() {
        BigInteger last = network.add(BigInteger.ONE.shiftLeft(bits - prefix)).subtract(BigInteger.ONE);
        return bits == 32 && bits - prefix > 1 ? last.subtract(BigInteger.ONE) : last;
    }

    /** Whether this block lies inside {@code other} (or is it). */
    public boolean within(Cidr other) {
        return bits == other.bits && prefix >= other.prefix && network.and(mask(other.prefix, bits)).equals(other.network);
    }

    private static BigInteger mask(int prefix, int bits) {
        BigInteger all = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
        return all.xor(BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE));
    }
}
