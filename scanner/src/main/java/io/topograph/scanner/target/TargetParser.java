package io.topograph.scanner.target;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Parses target specifications: {@code 10.0.0.5}, {@code 10.0.0.0/24}, {@code 10.0.0.1-10.0.1.20},
 * {@code 10.0.0.1-20} (last octet), single IPv6 literals and IPv6 CIDRs within the size limit,
 * separated by commas.
 *
 * <p>Safety rules: multicast (224.0.0.0/4, ff00::/8), the reserved block 240.0.0.0/4 with the limited
 * broadcast 255.255.255.255, "this network" 0.0.0.0/8, the unspecified IPv6 address and cloud metadata
 * addresses are refused when named; a range or CIDR that overlaps multicast/reserved/0.0.0.0/8 is refused
 * as a whole; metadata addresses inside a larger range are skipped with a warning; the network and
 * broadcast addresses of an IPv4 CIDR of /30 or wider are skipped. Hostnames are refused (no DNS).
 */
public final class TargetParser {

    /** Default limit: a /16. */
    public static final long DEFAULT_MAX_ADDRESSES = 65_536;
    /** Even with force, never more than a /8. */
    public static final long FORCED_MAX_ADDRESSES = 16_777_216;

    static final long[] METADATA_V4 = {
        v4("169.254.169.254"), // AWS, GCP, Azure, OpenStack, Oracle, DigitalOcean instance metadata
        v4("169.254.170.2"),   // AWS ECS task metadata
        v4("100.100.100.200")  // Alibaba Cloud instance metadata
    };
    static final Set<InetAddress> METADATA_V6 = Set.of(literal6("fd00:ec2::254"));

    private final long maxAddresses;

    public TargetParser() {
        this(false);
    }

    public TargetParser(boolean force) {
        this.maxAddresses = force ? FORCED_MAX_ADDRESSES : DEFAULT_MAX_ADDRESSES;
    }

    public TargetSet parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new TargetException("no targets given: use an IP address, a CIDR (10.0.0.0/24), a range (10.0.0.1-10.0.0.50 or 10.0.0.1-50), comma separated");
        }
        List<TargetSet.V4Range> v4 = new ArrayList<>();
        Set<Inet6Address> v6 = new LinkedHashSet<>();
        List<String> warnings = new ArrayList<>();
        for (String raw : spec.split(",", -1)) {
            String item = raw.trim();
            if (item.isEmpty()) {
                throw new TargetException("empty target in list \"" + spec + "\"");
            }
            parseItem(item, v4, v6, warnings);
        }
        List<TargetSet.V4Range> merged = TargetSet.merge(v4);
        TargetSet set = new TargetSet(merged, new ArrayList<>(v6), warnings);
        if (set.size() > maxAddresses) {
            throw new TargetException("targets cover " + set.size() + " addresses, more than the limit of " + maxAddresses
                    + (maxAddresses == DEFAULT_MAX_ADDRESSES ? " (a /16); split the scan or pass --force to allow up to a /8" : " (a /8)"));
        }
        if (set.isEmpty()) {
            throw new TargetException("targets \"" + spec + "\" leave no address to scan");
        }
        return set;
    }

    private void parseItem(String item, List<TargetSet.V4Range> v4, Set<Inet6Address> v6, List<String> warnings) {
        if (item.indexOf(':') >= 0 || item.startsWith("[")) {
            parseV6(item, v6);
            return;
        }
        int slash = item.indexOf('/');
        int dash = item.indexOf('-');
        if (slash >= 0) {
            long base = parseV4(item.substring(0, slash), item);
            int prefix = parsePrefix(item.substring(slash + 1), 32, item);
            long mask = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
            long first = base & mask;
            long last = first | (~mask & 0xFFFFFFFFL);
            checkSize(last - first + 1, item);
            checkBlocks(first, last, item);
            if (prefix <= 30) {
                first++;
                last--; // network and broadcast addresses of the CIDR
            }
            addWithoutMetadata(first, last, item, v4, warnings);
        } else if (dash >= 0) {
            String left = item.substring(0, dash).trim();
            String right = item.substring(dash + 1).trim();
            long first = parseV4(left, item);
            long last;
            if (right.matches("\\d{1,3}")) {
                int end = Integer.parseInt(right);
                if (end > 255) {
                    throw new TargetException("invalid range \"" + item + "\": last octet " + end + " is above 255");
                }
                last = (first & 0xFFFFFF00L) | end;
            } else {
                last = parseV4(right, item);
            }
            if (last < first) {
                throw new TargetException("invalid range \"" + item + "\": the end is before the start");
            }
            checkSize(last - first + 1, item);
            checkBlocks(first, last, item);
            addWithoutMetadata(first, last, item, v4, warnings);
        } else {
            long a = parseV4(item, item);
            checkBlocks(a, a, item);
            for (long m : METADATA_V4) {
                if (a == m) {
                    throw new TargetException("refused target " + item + ": it is a cloud metadata service address, which is never scanned");
                }
            }
            v4.add(new TargetSet.V4Range(a, a));
        }
    }

    private void checkSize(long size, String item) {
        if (size > maxAddresses) {
            throw new TargetException("target \"" + item + "\" covers " + size + " addresses, more than the limit of " + maxAddresses
                    + (maxAddresses == DEFAULT_MAX_ADDRESSES ? " (a /16); pass --force to allow up to a /8" : " (a /8)"));
        }
    }

    private static void checkBlocks(long first, long last, String item) {
        boolean single = first == last;
        if (overlaps(first, last, v4("255.255.255.255"), v4("255.255.255.255"))) {
            throw new TargetException("refused target \"" + item + "\": " + (single ? "it is" : "it includes")
                    + " the limited broadcast address 255.255.255.255");
        }
        if (overlaps(first, last, v4("224.0.0.0"), v4("239.255.255.255"))) {
            throw new TargetException("refused target \"" + item + "\": " + (single ? "it is a" : "it includes")
                    + " multicast address" + (single ? "" : "es") + " (224.0.0.0/4); multicast is never scanned");
        }
        if (overlaps(first, last, v4("240.0.0.0"), v4("255.255.255.255"))) {
            throw new TargetException("refused target \"" + item + "\": " + (single ? "it is in" : "it overlaps")
                    + " the reserved block 240.0.0.0/4");
        }
        if (overlaps(first, last, 0, v4("0.255.255.255"))) {
            throw new TargetException("refused target \"" + item + "\": " + (single ? "it is in" : "it overlaps")
                    + " 0.0.0.0/8 (\"this network\"), which is not a scannable destination");
        }
    }

    private static boolean overlaps(long a1, long a2, long b1, long b2) {
        return a1 <= b2 && b1 <= a2;
    }

    private static void addWithoutMetadata(long first, long last, String item, List<TargetSet.V4Range> v4, List<String> warnings) {
        List<TargetSet.V4Range> pieces = new ArrayList<>();
        if (first <= last) {
            pieces.add(new TargetSet.V4Range(first, last));
        }
        for (long m : METADATA_V4) {
            List<TargetSet.V4Range> next = new ArrayList<>();
            for (TargetSet.V4Range r : pieces) {
                if (m >= r.first() && m <= r.last()) {
                    warnings.add("skipped " + TargetSet.v4ToString(m) + " in \"" + item + "\": cloud metadata service address");
                    if (m > r.first()) {
                        next.add(new TargetSet.V4Range(r.first(), m - 1));
                    }
                    if (m < r.last()) {
                        next.add(new TargetSet.V4Range(m + 1, r.last()));
                    }
                } else {
                    next.add(r);
                }
            }
            pieces = next;
        }
        v4.addAll(pieces);
    }

    private void parseV6(String item, Set<Inet6Address> v6) {
        String text = item;
        int prefix = 128;
        int slash = text.indexOf('/');
        if (slash >= 0) {
            prefix = parsePrefix(text.substring(slash + 1), 128, item);
            text = text.substring(0, slash);
        }
        if (text.startsWith("[") && text.endsWith("]")) {
            text = text.substring(1, text.length() - 1);
        }
        if (!text.matches("[0-9A-Fa-f:.]+") || text.indexOf(':') < 0) {
            throw new TargetException("invalid target \"" + item + "\": not an IPv6 address");
        }
        InetAddress parsed;
        try {
            parsed = InetAddress.getByName(text); // a literal (checked above): no DNS lookup
        } catch (UnknownHostException e) {
            throw new TargetException("invalid target \"" + item + "\": not an IPv6 address");
        }
        if (parsed instanceof Inet4Address) {
            throw new TargetException("invalid target \"" + item + "\": IPv4-mapped IPv6 addresses are not accepted; give the IPv4 address");
        }
        byte[] b = parsed.getAddress();
        if ((b[0] & 255) == 0xff) {
            throw new TargetException("refused target \"" + item + "\": multicast address (ff00::/8); multicast is never scanned");
        }
        if (parsed.isAnyLocalAddress()) {
            throw new TargetException("refused target \"" + item + "\": the unspecified address :: is not a scannable destination");
        }
        long size = 128 - prefix >= 63 ? Long.MAX_VALUE : 1L << (128 - prefix);
        checkSize(size, item);
        for (int i = prefix; i < 128; i++) {
            b[i / 8] &= (byte) ~(0x80 >>> (i % 8));
        }
        for (long n = 0; n < size; n++) {
            byte[] c = b.clone();
            long carry = n;
            for (int i = 15; i >= 0 && carry > 0; i--) {
                long sum = (c[i] & 255) + (carry & 255);
                c[i] = (byte) sum;
                carry = (carry >>> 8) + (sum >>> 8);
            }
            Inet6Address a = literal6(c);
            if (METADATA_V6.contains(a)) {
                if (size == 1) {
                    throw new TargetException("refused target " + item + ": it is a cloud metadata service address, which is never scanned");
                }
                continue;
            }
            v6.add(a);
        }
    }

    private static int parsePrefix(String text, int max, String item) {
        if (!text.matches("\\d{1,3}")) {
            throw new TargetException("invalid target \"" + item + "\": prefix length \"" + text + "\" is not a number");
        }
        int p = Integer.parseInt(text);
        if (p > max) {
            throw new TargetException("invalid target \"" + item + "\": prefix length " + p + " is above " + max);
        }
        return p;
    }

    static long parseV4(String text, String item) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            if (text.matches(".*[A-Za-z].*")) {
                throw new TargetException("invalid target \"" + item + "\": hostnames are not accepted, give an IP address, CIDR or range");
            }
            throw new TargetException("invalid target \"" + item + "\": \"" + text + "\" is not an IPv4 address (four numbers 0-255 separated by dots)");
        }
        long v = 0;
        for (String p : parts) {
            if (!p.matches("\\d{1,3}")) {
                throw new TargetException("invalid target \"" + item + "\": \"" + text + "\" is not an IPv4 address (four numbers 0-255 separated by dots)");
            }
            int o = Integer.parseInt(p);
            if (o > 255) {
                throw new TargetException("invalid target \"" + item + "\": octet " + o + " is above 255");
            }
            v = (v << 8) | o;
        }
        return v;
    }

    private static long v4(String dotted) {
        return parseV4(dotted, dotted);
    }

    private static Inet6Address literal6(String text) {
        try {
            return (Inet6Address) InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Inet6Address literal6(byte[] bytes) {
        try {
            return (Inet6Address) InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
