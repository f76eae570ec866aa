package io.topograph.scanner.target;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The addresses a scan will probe: merged, sorted IPv4 ranges plus individual IPv6 addresses,
 * already stripped of every address that must never be probed. Iteration is lazy (a /16 is not
 * materialized), in ascending order.
 */
public final class TargetSet implements Iterable<InetAddress> {

    /** An inclusive IPv4 range, addresses as unsigned 32-bit values in a long. */
    public record V4Range(long first, long last) {
        public long size() {
            return last - first + 1;
        }
    }

    private final List<V4Range> v4;
    private final List<Inet6Address> v6;
    private final List<String> warnings;

    TargetSet(List<V4Range> v4, List<Inet6Address> v6, List<String> warnings) {
        this.v4 = List.copyOf(v4);
        this.v6 = List.copyOf(v6);
        this.warnings = List.copyOf(warnings);
    }

    public List<V4Range> v4Ranges() {
        return v4;
    }

    public List<Inet6Address> v6Addresses() {
        return v6;
    }

    /** Addresses that were inside a requested range but excluded (metadata, broadcast, network address). */
    public List<String> warnings() {
        return warnings;
    }

    public long size() {
        long n = v6.size();
        for (V4Range r : v4) {
            n += r.size();
        }
        return n;
    }

    public boolean isEmpty() {
        return size() == 0;
    }

    public static String v4ToString(long a) {
        return ((a >>> 24) & 255) + "." + ((a >>> 16) & 255) + "." + ((a >>> 8) & 255) + "." + (a & 255);
    }

    public static InetAddress v4Address(long a) {
        byte[] b = {(byte) (a >>> 24), (byte) (a >>> 16), (byte) (a >>> 8), (byte) a};
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long v4Value(Inet4Address address) {
        byte[] b = address.getAddress();
        return ((b[0] & 255L) << 24) | ((b[1] & 255L) << 16) | ((b[2] & 255L) << 8) | (b[3] & 255L);
    }

    public boolean contains(InetAddress address) {
        if (address instanceof Inet4Address a4) {
            long v = v4Value(a4);
            for (V4Range r : v4) {
                if (v >= r.first() && v <= r.last()) {
                    return true;
                }
            }
            return false;
        }
        return v6.contains(address);
    }

    @Override
    public Iterator<InetAddress> iterator() {
        return new Iterator<>() {
            int range;
            long next = v4.isEmpty() ? 0 : v4.get(0).first();
            int v6Index;

            @Override
            public boolean hasNext() {
                return range < v4.size() || v6Index < v6.size();
            }

            @Override
            public InetAddress next() {
                if (range < v4.size()) {
                    V4Range r = v4.get(range);
                    InetAddress a = v4Address(next);
                    if (next == r.last()) {
                        range++;
                        if (range < v4.size()) {
                            next = v4.get(range).first();
                        }
                    } else {
                        next++;
                    }
                    return a;
                }
                if (v6Index < v6.size()) {
                    return v6.get(v6Index++);
                }
                throw new NoSuchElementException();
            }
        };
    }

    static List<V4Range> merge(List<V4Range> ranges) {
        List<V4Range> sorted = new ArrayList<>(ranges);
        sorted.sort((x, y) -> Long.compare(x.first(), y.first()));
        List<V4Range> out = new ArrayList<>();
        for (V4Range r : sorted) {
            if (!out.isEmpty() && r.first() <= out.get(out.size() - 1).last() + 1) {
                V4Range prev = out.remove(out.size() - 1);
                out.add(new V4Range(prev.first(), Math.max(prev.last(), r.last())));
            } else {
                out.add(r);
            }
        }
        return out;
    }
}
