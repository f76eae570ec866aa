package io.topograph.scanner.daemon;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The daemon's version: the jar manifest's Implementation-Version, else the build's, else "0.0.0-dev". */
public final class Version {

    private static final String CURRENT = read();

    private Version() {
    }

    public static String current() {
        return CURRENT;
    }

    /**
     * Whether version {@code a} is older than {@code b}, comparing dot-separated numbers
     * ({@code 0.9.2 < 0.10.0}); a suffix after the numbers ({@code -dev}) is ignored. Unreadable: false.
     */
    public static boolean older(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        String[] x = a.replaceAll("[^0-9.].*$", "").split("\\.");
        String[] y = b.replaceAll("[^0-9.].*$", "").split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            try {
                long p = i < x.length && !x[i].isEmpty() ? Long.parseLong(x[i]) : 0;
                long q = i < y.length && !y[i].isEmpty() ? Long.parseLong(y[i]) : 0;
                if (p != q) {
                    return p < q;
                }
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return false;
    }

    private static String read() {
        String fromManifest = Version.class.getPackage() == null ? null : Version.class.getPackage().getImplementationVersion();
        if (fromManifest != null && !fromManifest.isBlank()) {
            return fromManifest;
        }
        try (InputStream in = Version.class.getResourceAsStream("/io/topograph/scanner/version.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version");
                if (v != null && !v.isBlank() && !v.contains("${")) {
                    return v.trim();
                }
            }
        } catch (IOException ignored) {
            // fall through to the placeholder
        }
        return "0.0.0-dev";
    }
}
