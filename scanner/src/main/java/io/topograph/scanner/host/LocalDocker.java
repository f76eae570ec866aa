package io.topograph.scanner.host;

import java.io.IOException;
import java.net.InetAddress;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * The local Docker engine's inventory, meant for the scanned hosts that are this machine: those
 * whose address is one of its own interface addresses (loopback included). Read once per run.
 *
 * @param hostAddresses this machine's addresses (normalized text)
 * @param inventory     the engine's containers and networks, or null when there is none to report
 * @param warning       why an existing socket could not be read, or null
 */
public record LocalDocker(Set<String> hostAddresses, DockerInventory inventory, String warning) {

    /** Nothing to attach (no socket, or turned off). */
    public static final LocalDocker NONE = new LocalDocker(Set.of(), null, null);

    /**
     * Reads the engine at {@code socket}: a null socket (turned off) or one that does not exist is
     * {@link #NONE} without a word; one that exists but cannot be read is NONE with a warning.
     */
    public static LocalDocker read(Path socket) {
        if (socket == null || !Files.exists(socket)) {
            return NONE;
        }
        DockerInventory inventory;
        try {
            if (!Files.isReadable(socket)) {
                throw new IOException("permission denied");
            }
            inventory = DockerInventory.read(socket);
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
            return new LocalDocker(Set.of(), null, "Docker socket " + socket + " could not be read (" + why + "); no container inventory reported");
        }
        if (inventory == null) {
            return NONE;
        }
        return new LocalDocker(ownAddresses(), inventory, null);
    }

    /** The inventory when {@code ip} is this machine, else null. */
    public DockerInventory forHost(String ip) {
        if (inventory == null || ip == null) {
            return null;
        }
        return hostAddresses.contains(normalize(ip)) ? inventory : null;
    }

    /** Every address of every interface of this machine, and the loopback addresses. */
    static Set<String> ownAddresses() {
        Set<String> out = new HashSet<>();
        out.add("127.0.0.1");
        out.add(normalize("::1"));
        try {
            for (SelfReport.Interface i : SelfReport.collect().interfaces()) {
                for (SelfReport.Address a : i.addresses()) {
                    out.add(normalize(a.address()));
                }
            }
        } catch (SocketException ignored) {
            // only the loopback addresses are known then
        }
        return Set.copyOf(out);
    }

    /** One spelling per address: IPv6 literals are compressed the JDK's way (literals only, never a name lookup). */
    static String normalize(String ip) {
        String t = ip.trim().replaceAll("%.*$", "");
        if (!t.contains(":")) {
            return t;
        }
        try {
            return InetAddress.getByName(t).getHostAddress();
        } catch (UnknownHostException e) {
            return t.toLowerCase(java.util.Locale.ROOT);
        }
    }
}
