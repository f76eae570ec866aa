package io.topograph.scanner.ports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Port profiles: {@code top100}, {@code top1000} (the most frequently open TCP ports, from the
 * bundled list {@code ports/tcp-top.txt}), {@code all} (1-65535) and custom lists such as
 * {@code 22,80,8000-8100}. Printer raw-print ports 9100-9107 are removed unless explicitly enabled,
 * because a connection to them can make some printers print garbage.
 */
public final class PortProfiles {

    public static final int PRINTER_FIRST = 9100;
    public static final int PRINTER_LAST = 9107;

    private static final List<Integer> TOP = load();

    private PortProfiles() {
    }

    /** The ports of the profile or list, in scan order (frequency order for top profiles, ascending otherwise). */
    public static int[] resolve(String spec, boolean includePrinterPorts) {
        if (spec == null || spec.isBlank()) {
            throw new PortSpecException("no ports given: use top100, top1000, all, or a list like 22,80,8000-8100");
        }
        String s = spec.trim().toLowerCase();
        List<Integer> ports = new ArrayList<>();
        BitSet seen = new BitSet(65536);
        // Items are profiles (top100, top1000, all), ports or ranges: "top1000,8443" adds a port to a profile.
        boolean profile = false;
        for (String raw : s.split(",", -1)) {
            String item = raw.trim();
            if (item.isEmpty()) {
                throw new PortSpecException("empty item in port list \"" + spec + "\"");
            }
            if (item.equals("top100") || item.equals("top1000")) {
                int n = item.equals("top100") ? 100 : 1000;
                for (int p : TOP.subList(0, Math.min(n, TOP.size()))) {
                    add(p, ports, seen);
                }
                profile = true;
            } else if (item.equals("all")) {
                for (int p = 1; p <= 65535; p++) {
                    add(p, ports, seen);
                }
                profile = true;
            } else {
                int dash = item.indexOf('-');
                if (dash >= 0) {
                    int a = port(item.substring(0, dash).trim(), spec);
                    int b = port(item.substring(dash + 1).trim(), spec);
                    if (b < a) {
                        throw new PortSpecException("invalid port range \"" + item + "\": the end is before the start");
                    }
                    for (int p = a; p <= b; p++) {
                        add(p, ports, seen);
                    }
                } else {
                    add(port(item, spec), ports, seen);
                }
            }
        }
        // A profile keeps its frequency order (the likeliest ports first), extra ports follow it.
        if (!profile) {
            ports.sort(Integer::compare);
        }
        if (!includePrinterPorts) {
            ports.removeIf(PortProfiles::isPrinterPort);
        }
        if (ports.isEmpty()) {
            throw new PortSpecException("port list \"" + spec + "\" leaves no port to scan"
                    + (includePrinterPorts ? "" : " (printer ports 9100-9107 are skipped unless --include-printer-ports)"));
        }
        return ports.stream().mapToInt(Integer::intValue).toArray();
    }

    public static boolean isPrinterPort(int port) {
        return port >= PRINTER_FIRST && port <= PRINTER_LAST;
    }

    /** The bundled frequency-ordered list (1000 ports). */
    public static List<Integer> topPorts() {
        return TOP;
    }

    private static void add(int p, List<Integer> ports, BitSet seen) {
        if (!seen.get(p)) {
            seen.set(p);
            ports.add(p);
        }
    }

    private static int port(String text, String spec) {
        if (!text.matches("\\d{1,5}")) {
            throw new PortSpecException("invalid port \"" + text + "\" in \"" + spec + "\": use numbers 1-65535, ranges like 8000-8100, or top100, top1000, all");
        }
        int p = Integer.parseInt(text);
        if (p < 1 || p > 65535) {
            throw new PortSpecException("invalid port " + p + " in \"" + spec + "\": ports are 1-65535");
        }
        return p;
    }

    private static List<Integer> load() {
        try (InputStream in = PortProfiles.class.getResourceAsStream("/ports/tcp-top.txt")) {
            if (in == null) {
                throw new IllegalStateException("ports/tcp-top.txt missing from the classpath");
            }
            List<Integer> list = new ArrayList<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            for (String line; (line = r.readLine()) != null; ) {
                line = line.trim();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    list.add(Integer.parseInt(line));
                }
            }
            return List.copyOf(list);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
