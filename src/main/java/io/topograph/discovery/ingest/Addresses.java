package io.topograph.discovery.ingest;

import io.micronaut.core.annotation.Nullable;
import io.topograph.hosts.IpLiteral;

import java.util.HexFormat;

/**
 * IP addresses compared by their bytes, whatever their spelling ({@code ::1} and
 * {@code 0:0:0:0:0:0:0:1} are the same key). Parsing is textual only: nothing is resolved.
 */
final class Addresses {

    private Addresses() {
    }

    /** The comparison key of an address literal, or null when it is not one. */
    @Nullable
    static String key(@Nullable String literal) {
        byte[] bytes = IpLiteral.parse(literal);
        return bytes == null ? null : HexFormat.of().formatHex(bytes);
    }
}
