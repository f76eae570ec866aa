package io.topograph.changes;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The addresses a run covered, as inclusive ranges ("first-last", from the daemon library's
 * expansion of the run's targets). Addresses are compared as unsigned numbers; an IPv4 address
 * never falls in an IPv6 range or the other way round.
 */
public final class AddressRanges {

    private static final Pattern V4 = Pattern.compile("^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})$");
    private static final Pattern V6 = Pattern.compile("^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*$");

    private record Range(int length, BigInteger first, BigInteger last) {
    }

    private final List<Range> ranges;

    private AddressRanges(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    /** Ranges written "first-last"; an entry that is not two IP literals of one family is an error. */
    public static AddressRanges of(List<String> ranges) {
        List<Range> out = new ArrayList<>(ranges.size());
        for (String r : ranges) {
            int dash = r.indexOf('-');
            if (dash < 0) {
                throw new IllegalArgumentException("not a range: " + r);
            }
            byte[] a = bytes(r.substring(0, dash).trim());
            byte[] b = bytes(r.substring(dash + 1).trim());
            if (a == null || b == null || a.length != b.length) {
                throw new IllegalArgumentException("not a range of addresses: " + r);
            }
            out.add(new Range(a.length, new BigInteger(1, a), new BigInteger(1, b)));
        }
        return new AddressRanges(out);
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** True when {@code ip} (a literal) lies in one of the ranges; false for anything that is not an address. */
    public boolean contains(String ip) {
        byte[] a = bytes(ip);
        if (a == null) {
            return false;
        }
        BigInteger v = new BigInteger(1, a);
        for (Range r : ranges) {
            if (r.length() == a.length && v.compareTo(r.first()) >= 0 && v.compareTo(r.last()) <= 0) {
                return true;
            }
        }
        return false;
    }

    /** The address's bytes; IPv4 is parsed here and only IPv6 literals (with a colon: never a name lookup) go to InetAddress. */
    private static byte[] bytes(String ip) {
        if (ip == null) {
            return null;
        }
        java.util.regex.Matcher m = V4.matcher(ip);
        if (m.matches()) {
            byte[] out = new byte[4];
            for (int i = 0; i < 4; i++) {
                int octet = Integer.parseInt(m.group(i + 1));
                if (octet > 255) {
                    return null;
                }
                out[i] = (byte) octet;
            }
            return out;
        }
        if (!V6.matcher(ip).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(ip).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
