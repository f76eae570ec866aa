package io.topograph.discovery;

import io.micronaut.core.annotation.Nullable;

import java.util.Locale;
import java.util.Optional;

/** What a running daemon is doing, as it reports in {@code progress} (docs/daemon-protocol.md). */
public enum RunPhase {
    DISCOVERY("Finding live hosts"),
    PORT_SCAN("Scanning ports"),
    EVIDENCE("Collecting evidence"),
    REPORTING("Reporting results");

    private final String label;

    RunPhase(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<RunPhase> parse(@Nullable String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(value.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
