package io.topograph.scanner.evidence;

import java.net.InetAddress;

/** Reverse name lookup, pluggable so tests and offline scans can turn it off. */
@FunctionalInterface
public interface HostnameResolver {

    /** The name of an address, or null when it has none (or lookups are off). */
    String lookup(InetAddress address);

    HostnameResolver NONE = address -> null;

    /** The system resolver (hosts file, then DNS as configured on this machine). */
    HostnameResolver SYSTEM = address -> {
        try {
            InetAddress copy = InetAddress.getByAddress(address.getAddress());
            String name = copy.getCanonicalHostName();
            return name.equals(address.getHostAddress()) ? null : name;
        } catch (Exception e) {
            return null;
        }
    };
}
