package io.topograph.discovery.ingest;

import io.micronaut.core.annotation.Nullable;
import io.topograph.hosts.IpLiteral;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** The subnets of a network, asked which one holds an address: the narrowest that contains it. */
final class Subnets {

    /** A subnet as stored ({@code cidr} in PostgreSQL's text form, e.g. {@code 127.0.0.0/8}). */
    record Subnet(UUID id, String cidr) {
    }

    private record Range(Subnet subnet, byte[] network, int prefix) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    private final List<Range> ranges = new ArrayList<>();

    Subnets(List<Subnet> subnets) {
        for (Subnet s : subnets) {
            int slash = s.cidr().indexOf('/');
            byte[] network = IpLiteral.parse(slash < 0 ? s.cidr() : s.cidr().substring(0, slash));
            if (network == null) {
                continue;
            }
            int prefix = slash < 0 ? network.length * 8 : Integer.parseInt(s.cidr().substring(slash + 1));
            ranges.add(new Range(s, network, prefix));
        }
        // Narrowest first, so the first range that contains an address is the one to use.
        ranges.sort(Comparator.comparingInt((Range r) -> -r.prefix()).thenComparing(r -> r.subnet().cidr()));
    }

    static Subnets none() {
        return new Subnets(List.of());
    }

    /** The narrowest subnet containing {@code ip}, or null when none does (or {@code ip} is not a literal). */
    @Nullable
    Subnet containing(String ip) {
        byte[] address = IpLiteral.parse(ip);
        if (address == null) {
            return null;
        }
        for (Range r : ranges) {
            if (r.contains(address)) {
                return r.subnet();
            }
        }
        return null;
    }
}
