package io.topograph.daemons;

import io.micronaut.core.annotation.Nullable;

import java.time.Duration;

/** How long a new enrollment token works: the choices of the "Add daemon" form and the API. */
public enum TokenExpiry {
    HOUR("1h", "1 hour", Duration.ofHours(1)),
    DAY("24h", "24 hours", Duration.ofHours(24)),
    WEEK("7d", "7 days", Duration.ofDays(7)),
    MONTH("30d", "30 days", Duration.ofDays(30));

    public static final TokenExpiry DEFAULT = DAY;

    private final String value;
    private final String label;
    private final Duration duration;

    TokenExpiry(String value, String label, Duration duration) {
        this.value = value;
        this.label = label;
        this.duration = duration;
    }

    public String value() {
        return value;
    }

    public String label() {
        return label;
    }

    public Duration duration() {
        return duration;
    }

    @Nullable
    public static TokenExpiry parse(@Nullable String text) {
        for (TokenExpiry e : values()) {
            if (e.value.equalsIgnoreCase(text == null ? "" : text.trim())) {
                return e;
            }
        }
        return null;
    }
}
