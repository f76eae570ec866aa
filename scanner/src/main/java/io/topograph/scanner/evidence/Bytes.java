package io.topograph.scanner.evidence;

import java.nio.charset.StandardCharsets;

/** Byte helpers for banners. */
public final class Bytes {
    private Bytes() {
    }

    public static String latin1(byte[] b, int len) {
        return new String(b, 0, len, StandardCharsets.ISO_8859_1);
    }

    /**
     * A printable, single-line-safe rendering of a raw banner: printable ASCII kept, CR LF and LF shown as
     * {@code \n}, tabs kept, anything else as {@code \xHH}; trailing line breaks dropped; at most
     * {@code max} characters (an ellipsis marks a cut).
     */
    public static String printable(String raw, int max) {
        if (raw == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < raw.length() && sb.length() < max; i++) {
            char c = raw.charAt(i);
            if (c == '\r' && i + 1 < raw.length() && raw.charAt(i + 1) == '\n') {
                continue;
            }
            if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\t' || (c >= 0x20 && c < 0x7f)) {
                sb.append(c);
            } else {
                sb.append(String.format("\\x%02x", (int) c));
            }
        }
        String s = sb.toString();
        while (s.endsWith("\\n")) {
            s = s.substring(0, s.length() - 2);
        }
        if (sb.length() >= max) {
            s = s.substring(0, Math.min(s.length(), max)) + "…";
        }
        return s;
    }
}
