package io.topograph.hosts;

import io.micronaut.core.annotation.Nullable;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times as people read them in tables: "5 min ago", with the exact UTC time as a tooltip. */
public final class Ago {

    private static final DateTimeFormatter EXACT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private Ago() {
    }

    public static String relative(@Nullable Instant when, Instant now) {
        if (when == null) {
            return "never";
        }
        Duration d = Duration.between(when, now);
        if (d.isNegative() || d.toSeconds() < 60) {
            return "just now";
        }
        if (d.toMinutes() < 60) {
            return d.toMinutes() + " min ago";
        }
        if (d.toHours() < 24) {
            return d.toHours() + " h ago";
        }
        if (d.toDays() < 30) {
            return d.toDays() == 1 ? "yesterday" : d.toDays() + " days ago";
        }
        return DAY.format(when);
    }

    public static String exact(@Nullable Instant when) {
        return when == null ? "" : EXACT.format(when);
    }
}
