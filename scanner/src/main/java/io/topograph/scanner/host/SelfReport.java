package io.topograph.scanner.host;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.topograph.scanner.evidence.OuiDatabase;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * What the daemon's own host looks like: hostname, interfaces with their MAC, addresses and subnets.
 * Read from the operating system only (no name lookups, no traffic).
 */
@JsonPropertyOrder({"hostname", "os", "interfaces"})
public record SelfReport(String hostname, String os, List<Interface> interfaces) {

    @JsonPropertyOrder({"name", "mac", "vendor", "mtu", "up", "loopback", "virtual", "addresses"})
    public record Interface(String name, String mac, String vendor, int mtu, boolean up, boolean loopback, boolean virtual,
                            List<Address> addresses) {
    }

    /** An address with its prefix and the subnet it belongs to (CIDR, network address first). */
    @JsonPropertyOrder({"address", "prefix", "subnet"})
    public record Address(String address, int prefix, String subnet) {
    }

    public static SelfReport collect() throws SocketException {
        List<Interface> out = new ArrayList<>();
        OuiDatabase oui = null;
        for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            byte[] hw = ni.getHardwareAddress();
            String mac = null;
            if (hw != null && hw.length == 6) {
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < 6; i++) {
                    sb.append(i == 0 ? "" : ":").append(String.format("%02x", hw[i] & 255));
                }
                mac = sb.toString();
            }
            String vendor = null;
            if (mac != null && !mac.equals("00:00:00:00:00:00")) {
                if (oui == null) {
                    oui = OuiDatabase.bundled();
                }
                vendor = oui.vendor(mac);
            }
            List<Address> addresses = new ArrayList<>();
            for (InterfaceAddress ia : ni.getInterfaceAddresses()) {
                InetAddress a = ia.getAddress();
                int prefix = ia.getNetworkPrefixLength();
                addresses.add(new Address(a.getHostAddress().replaceAll("%.*$", ""), prefix, subnet(a, prefix)));
            }
            addresses.sort(Comparator.comparing(Address::address));
            out.add(new Interface(ni.getName(), mac, vendor, ni.getMTU(), ni.isUp(), ni.isLoopback(), ni.isVirtual(), addresses));
        }
        out.sort(Comparator.comparing(Interface::name));
        return new SelfReport(kernelHostname(), System.getProperty("os.name") + " " + System.getProperty("os.version"), out);
    }

    /**
     * The IPv4 subnets worth scanning from here: those of interfaces that are up and not loopback,
     * narrowed to a /24 around the host's own address when wider than a /16 — as scan target text.
     * Empty when the host has no such interface (then the loopback host is the default target).
     */
    public List<String> suggestedTargets() {
        List<String> targets = new ArrayList<>();
        for (Interface i : interfaces) {
            if (!i.up() || i.loopback()) {
                continue;
            }
            for (Address a : i.addresses()) {
                if (a.address().contains(":") || a.prefix() < 8 || a.prefix() > 30) {
                    continue;
                }
                String target = a.prefix() < 16 ? a.address().replaceAll("\\.\\d+$", ".0") + "/24" : a.subnet();
                if (!targets.contains(target)) {
                    targets.add(target);
                }
            }
        }
        return targets;
    }

    static String subnet(InetAddress a, int prefix) {
        if (!(a instanceof Inet4Address) || prefix < 0 || prefix > 32) {
            return null;
        }
        byte[] b = a.getAddress();
        long v = ((b[0] & 255L) << 24) | ((b[1] & 255L) << 16) | ((b[2] & 255L) << 8) | (b[3] & 255L);
        long mask = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
        long n = v & mask;
        return ((n >>> 24) & 255) + "." + ((n >>> 16) & 255) + "." + ((n >>> 8) & 255) + "." + (n & 255) + "/" + prefix;
    }

    /** The kernel's hostname (no DNS lookup, unlike InetAddress.getLocalHost()). */
    static String kernelHostname() {
        for (Path p : new Path[] {Path.of("/proc/sys/kernel/hostname"), Path.of("/etc/hostname")}) {
            try {
                String h = Files.readString(p, StandardCharsets.UTF_8).trim();
                if (!h.isEmpty()) {
                    return h;
                }
            } catch (IOException ignored) {
                // try the next source
            }
        }
        String env = System.getenv("HOSTNAME");
        return env == null || env.isBlank() ? System.getenv().getOrDefault("COMPUTERNAME", "unknown") : env;
    }
}
