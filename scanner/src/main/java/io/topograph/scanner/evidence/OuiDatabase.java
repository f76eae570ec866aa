package io.topograph.scanner.evidence;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * MAC address → vendor, from the IEEE MA-L (OUI) registry shipped in {@code oui/ieee-oui.tsv.gz}
 * (lines {@code AABBCC<TAB>Organization}). Locally administered addresses (randomized phone MACs,
 * containers, VMs) have no registered vendor and answer null, except the well-known Docker and
 * QEMU/KVM default prefixes, which are named as such.
 */
public final class OuiDatabase {

    private static volatile OuiDatabase bundled;

    private final Map<Integer, String> vendors;

    private OuiDatabase(Map<Integer, String> vendors) {
        this.vendors = vendors;
    }

    /** The shipped registry, loaded once. */
    public static OuiDatabase bundled() {
        OuiDatabase db = bundled;
        if (db == null) {
            synchronized (OuiDatabase.class) {
                db = bundled;
                if (db == null) {
                    try (InputStream in = OuiDatabase.class.getResourceAsStream("/oui/ieee-oui.tsv.gz")) {
                        if (in == null) {
                            throw new IllegalStateException("oui/ieee-oui.tsv.gz missing from the classpath");
                        }
                        db = read(new GZIPInputStream(in));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    bundled = db;
                }
            }
        }
        return db;
    }

    /** A registry from a file in the same format (plain or .gz). */
    public static OuiDatabase fromFile(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file)) {
            return read(file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw);
        }
    }

    static OuiDatabase read(InputStream in) throws IOException {
        Map<Integer, String> map = new HashMap<>(48_000);
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line; (line = r.readLine()) != null; ) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab != 6) {
                continue;
            }
            try {
                map.put(Integer.parseInt(line.substring(0, 6), 16), line.substring(7).trim());
            } catch (NumberFormatException ignored) {
                // skip a malformed line
            }
        }
        return new OuiDatabase(map);
    }

    public int size() {
        return vendors.size();
    }

    /** The vendor of a MAC address in any usual notation (aa:bb:cc:dd:ee:ff, AA-BB-..., aabb.ccdd.eeff), or null. */
    public String vendor(String mac) {
        String hex = normalize(mac);
        if (hex == null) {
            return null;
        }
        int prefix = Integer.parseInt(hex.substring(0, 6), 16);
        if (hex.startsWith("0242")) {
            return "Docker (locally administered)";
        }
        if (hex.startsWith("525400")) {
            return "QEMU/KVM virtual NIC (locally administered)";
        }
        if ((prefix & 0x020000) != 0) {
            return null; // locally administered: not in the registry
        }
        return vendors.get(prefix);
    }

    /** Lower-case colon notation, or null when the text is not a MAC address. */
    public static String canonical(String mac) {
        String hex = normalize(mac);
        if (hex == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 12; i += 2) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(hex, i, i + 2);
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    private static String normalize(String mac) {
        if (mac == null) {
            return null;
        }
        String hex = mac.replaceAll("[:\\-.\\s]", "").toUpperCase(Locale.ROOT);
        return hex.matches("[0-9A-F]{12}") ? hex : null;
    }
}
