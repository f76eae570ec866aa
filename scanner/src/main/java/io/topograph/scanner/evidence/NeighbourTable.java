package io.topograph.scanner.evidence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The kernel's IPv4 neighbour (ARP) table, read from {@code /proc/net/arp}: IP → MAC for complete
 * entries. Reading it sends no traffic; the scan's own connects fill it for hosts on a local link.
 */
public final class NeighbourTable {

    public static final Path PROC_NET_ARP = Path.of("/proc/net/arp");
    private static final int ATF_COM = 0x2;

    private NeighbourTable() {
    }

    /** Complete entries of the table at {@code file}; an unreadable or missing file gives an empty map. */
    public static Map<String, String> read(Path file) {
        try {
            return parse(Files.readAllLines(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            return Map.of();
        }
    }

    static Map<String, String> parse(List<String> lines) {
        Map<String, String> map = new HashMap<>();
        for (int i = 1; i < lines.size(); i++) { // first line is the header
            String[] f = lines.get(i).trim().split("\\s+");
            if (f.length < 4) {
                continue;
            }
            int flags;
            try {
                flags = Integer.decode(f[2]);
            } catch (NumberFormatException e) {
                continue;
            }
            String mac = OuiDatabase.canonical(f[3]);
            if ((flags & ATF_COM) != 0 && mac != null && !mac.equals("00:00:00:00:00:00")) {
                map.put(f[0], mac);
            }
        }
        return map;
    }
}
