package io.topograph.hosts;

import io.micronaut.core.annotation.Nullable;

/**
 * Strict IPv4 / IPv6 address literals, checked as text. Nothing here resolves a name or
 * touches the network: {@code example.com} is simply not a literal.
 */
public final class IpLiteral {

    private IpLiteral() {
    }

    public static boolean isValid(@Nullable String text) {
        return parse(text) != null;
    }

    /** The 4 or 16 address bytes, or null when {@code text} is not a plain address literal. */
    @Nullable
    public static byte[] parse(@Nullable String text) {
        if (text == null || text.isEmpty() || text.length() > 45) {
            return null;
        }
        return text.indexOf(':') >= 0 ? parseV6(text) : parseV4(text);
    }

    /** Dotted quad, each part 0–255 in decimal without leading zeros (they would read as octal elsewhere). */
    @Nullable
    static byte[] parseV4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || (p.length() > 1 && p.charAt(0) == '0')) {
                return null;
            }
            int value = 0;
            for (int k = 0; k < p.length(); k++) {
                char c = p.charAt(k);
                if (c < '0' || c > '9') {
                    return null;
                }
                value = value * 10 + (c - '0');
            }
            if (value > 255) {
                return null;
            }
            out[i] = (byte) value;
        }
        return out;
    }

    /** RFC 4291 text forms: eight groups, one {@code ::}, an optional dotted-quad tail; no zone ids or prefixes. */
    @Nullable
    static byte[] parseV6(String text) {
        int doubleColon = text.indexOf("::");
        if (doubleColon >= 0 && text.indexOf("::", doubleColon + 1) >= 0) {
            return null;
        }
        String head = doubleColon >= 0 ? text.substring(0, doubleColon) : text;
        String tail = doubleColon >= 0 ? text.substring(doubleColon + 2) : "";
        int[] headGroups = groups(head, doubleColon < 0);
        int[] tailGroups = doubleColon >= 0 ? groups(tail, true) : new int[0];
        if (headGroups == null || tailGroups == null) {
            return null;
        }
        int count = headGroups.length + tailGroups.length;
        if (doubleColon >= 0 ? count > 7 : count != 8) {
            return null;
        }
        int[] all = new int[8];
        System.arraycopy(headGroups, 0, all, 0, headGroups.length);
        System.arraycopy(tailGroups, 0, all, 8 - tailGroups.length, tailGroups.length);
        byte[] out = new byte[16];
        for (int i = 0; i < 8; i++) {
            out[2 * i] = (byte) (all[i] >> 8);
            out[2 * i + 1] = (byte) all[i];
        }
        return out;
    }

    /**
     * Hex groups separated by single colons; the last one may be a dotted quad (two groups) when
     * {@code mayEndWithV4}. An empty string is zero groups.
     */
    @Nullable
    private static int[] groups(String part, boolean mayEndWithV4) {
        if (part.isEmpty()) {
            return new int[0];
        }
        String[] pieces = part.split(":", -1);
        int n = pieces.length;
        boolean v4Tail = pieces[n - 1].indexOf('.') >= 0;
        if (v4Tail && !mayEndWithV4) {
            return null;
        }
        int[] out = new int[v4Tail ? n + 1 : n];
        for (int i = 0; i < n; i++) {
            String g = pieces[i];
            if (i == n - 1 && v4Tail) {
                byte[] v4 = parseV4(g);
                if (v4 == null) {
                    return null;
                }
                out[i] = ((v4[0] & 0xff) << 8) | (v4[1] & 0xff);
                out[i + 1] = ((v4[2] & 0xff) << 8) | (v4[3] & 0xff);
                continue;
            }
            if (g.isEmpty() || g.length() > 4) {
                return null;
            }
            int value = 0;
            for (int k = 0; k < g.length(); k++) {
                int d = Character.digit(g.charAt(k), 16);
                if (d < 0) {
                    return null;
                }
                value = value * 16 + d;
            }
            out[i] = value;
        }
        return out;
    }
}
