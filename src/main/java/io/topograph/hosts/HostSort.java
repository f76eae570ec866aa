package io.topograph.hosts;

import io.micronaut.core.annotation.Nullable;

import java.util.Locale;

/** Orders of the host list; names are those of the {@code sort} query parameter. */
public enum HostSort {
    NAME("name", false),
    IP("ip", false),
    LAST_SEEN("last_seen", true),
    FIRST_SEEN("first_seen", true);

    private final String param;
    private final boolean descendingByDefault;

    HostSort(String param, boolean descendingByDefault) {
        this.param = param;
        this.descendingByDefault = descendingByDefault;
    }

    public String param() {
        return param;
    }

    /** Dates read best newest first; names and addresses in ascending order. */
    public boolean descendingByDefault() {
        return descendingByDefault;
    }

    /** Accepts {@code last_seen}, {@code lastSeen} and {@code last-seen}, in any case; null when unknown. */
    @Nullable
    public static HostSort fromParam(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String v = value.trim().toLowerCase(Locale.ROOT).replace("-", "_");
        for (HostSort s : values()) {
            if (s.param.equals(v) || s.param.replace("_", "").equals(v)) {
                return s;
            }
        }
        return null;
    }
}
