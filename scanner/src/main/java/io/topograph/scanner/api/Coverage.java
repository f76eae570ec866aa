package io.topograph.scanner.api;

import io.topograph.scanner.evidence.UdpProber;
import io.topograph.scanner.ports.PortProfiles;
import io.topograph.scanner.target.TargetParser;
import io.topograph.scanner.target.TargetSet;

import java.net.Inet6Address;
import java.util.ArrayList;
import java.util.List;

/**
 * What a run covers, expanded with the daemon's own parsers, so the server knows which ports a
 * run probed and which addresses it looked at exactly as the daemon did. Only JDK types cross
 * this boundary (the server calls it through an isolated class loader).
 */
public final class Coverage {

    private Coverage() {
    }

    /**
     * The ports a run with this profile probes: {@code [0]} the TCP ports, {@code [1]} the UDP
     * ports (the UDP probes' ports, empty when {@code udp} is false). Throws
     * IllegalArgumentException when the profile is not valid.
     */
    public static int[][] scannedPorts(String ports, boolean printerPorts, boolean udp) {
        int[] tcp;
        try {
            tcp = PortProfiles.resolve(ports, printerPorts);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        int[] probes = udp ? UdpProber.defaultPorts().values().stream().mapToInt(Integer::intValue).distinct().sorted().toArray() : new int[0];
        return new int[][] {tcp, probes};
    }

    /**
     * The addresses the targets cover, as inclusive ranges {@code "first-last"} (IPv4 dotted, an
     * IPv6 address as a range of itself). Throws IllegalArgumentException when the targets are not valid.
     */
    public static String[] targetRanges(String targets) {
        TargetSet set;
        try {
            set = new TargetParser().parse(targets);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        List<String> out = new ArrayList<>();
        for (TargetSet.V4Range r : set.v4Ranges()) {
            out.add(TargetSet.v4ToString(r.first()) + "-" + TargetSet.v4ToString(r.last()));
        }
        for (Inet6Address a : set.v6Addresses()) {
            String text = a.getHostAddress();
            int zone = text.indexOf('%');
            text = zone >= 0 ? text.substring(0, zone) : text;
            out.add(text + "-" + text);
        }
        return out.toArray(new String[0]);
    }
}
