package io.topograph.scanner.api;

import io.topograph.scanner.catalog.Catalog;
import io.topograph.scanner.catalog.CatalogException;
import io.topograph.scanner.ports.PortProfiles;
import io.topograph.scanner.ports.PortSpecException;
import io.topograph.scanner.target.TargetException;
import io.topograph.scanner.target.TargetParser;

import java.nio.charset.StandardCharsets;

/**
 * The scanner's own parsers, offered to the server so that what a user types in the UI is
 * judged by exactly the rules the daemon will apply. Each method returns null when the input
 * is acceptable, or a sentence saying what is wrong.
 */
public final class Validation {

    private Validation() {
    }

    /** Targets in the {@code scan --targets} syntax (comma separated IPs, CIDRs, ranges). */
    public static String targetsError(String targets) {
        try {
            new TargetParser().parse(targets);
            return null;
        } catch (TargetException e) {
            return e.getMessage();
        }
    }

    /** A port profile or list ({@code top100}, {@code top1000}, {@code all}, {@code 22,80,8000-8100}). */
    public static String portsError(String ports) {
        try {
            PortProfiles.resolve(ports, true);
            return null;
        } catch (PortSpecException e) {
            return e.getMessage();
        }
    }

    /** A catalog file ({@code {"category","icon","services":[…]}}) of an organization's own definitions. */
    public static String definitionsError(String catalogJson) {
        try {
            Catalog.parse(catalogJson.getBytes(StandardCharsets.UTF_8), "definition");
            return null;
        } catch (CatalogException e) {
            return e.getMessage();
        }
    }
}
