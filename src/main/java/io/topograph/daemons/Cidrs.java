package io.topograph.daemons;

import io.micronaut.core.annotation.Nullable;
import io.topograph.hosts.IpLiteral;

/**
 * Subnets in CIDR notation as daemons report them. The address is a strict IPv4/IPv6 literal
 * (nothing is resolved); host bits are cleared, so {@code 192.168.1.7/24} is stored as the
 * subnet {@code 192.168.1.0/24} it names.
 */
public final class Cidrs {

    public static final int MAX_LENGTH = 50;

    private Cidrs() {
    }

    /** The canonical subnet ({@code 10.0.0.0/24}, {@code fd00::/64}), or null when {@code text} is not a CIDR. */
    @Nullable
    public static String normalize(@Nullable String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_LENGTH) {
            return null;
        }
        int slash = text.indexOf('/');
        if (slash < 0 || slash != text.lastIndexOf('/')) {
            return null;
        }
        byte[] address = IpLiteral.parse(text.substring(0, slash));
        String bits = text.substring(slash + 1);
        if (address == null || bits.isEmpty() || bits.length() > 3 || !bits.chars().allMatch(Character::isDigit)
                || (bits.length() > 1 && bits.charAt(0) == '0')) {
            return null;
        }
        int prefix = Integer.parseInt(bits);
        if (prefix > address.length * 8) {
            return null;
        }
        for (int i = 0; i < address.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            address[i] &= (byte) (0xff << (8 - keep));
        }
        return (address.length == 4 ? v4(address) : v6(address)) + "/" + prefix;
    }

    private static String v4(byte[] a) {
        return (a[0] & 0xff) + "." + (a[1] & 0xff) + "." + (a[2] & 0xff) + "." + (a[3] & 0xff);
    }

    /** RFC 5952 text: lower-case hex, the longest run of two or more zero groups as {@code ::}. */
    private static String v6(byte[] a) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((a[2 * i] & 0xff) << 8) | (a[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }
}
