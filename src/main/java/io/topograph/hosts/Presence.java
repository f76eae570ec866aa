package io.topograph.hosts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Locale;

/**
 * Whether discovery sees a host now, as change tracking keeps it ({@code hosts.online},
 * {@code hosts.missed_runs}): ONLINE (seen by the last run that covered it), MISSING (online, but
 * missed by the last {@code missedRuns} covering runs), OFFLINE (missed by enough runs in a row:
 * it disappeared), UNKNOWN (no completed run has seen it: added by hand, or not scanned yet).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Presence(String state, int missedRuns) {

    public static final Presence UNKNOWN = new Presence("UNKNOWN", 0);

    /** The {@code state} filter values of host lists. */
    public enum Filter {
        ONLINE("h.online is true"), OFFLINE("h.online is false"), UNKNOWN("h.online is null");

        final String sql;

        Filter(String sql) {
            this.sql = sql;
        }

        @Nullable
        static Filter parse(String value) {
            try {
                return valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        public String param() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static Presence of(@Nullable Boolean online, int missedRuns) {
        if (online == null) {
            return UNKNOWN;
        }
        if (!online) {
            return new Presence("OFFLINE", missedRuns);
        }
        return new Presence(missedRuns > 0 ? "MISSING" : "ONLINE", missedRuns);
    }

    @JsonIgnore
    public String label() {
        return switch (state) {
            case "ONLINE" -> "Online";
            case "MISSING" -> "Missing";
            case "OFFLINE" -> "Offline";
            default -> "Not scanned";
        };
    }

    @JsonIgnore
    public String badge() {
        return switch (state) {
            case "ONLINE" -> "text-bg-success";
            case "MISSING" -> "text-bg-warning";
            case "OFFLINE" -> "text-bg-secondary";
            default -> "text-bg-light border";
        };
    }

    /** A sentence for the badge's title. */
    @JsonIgnore
    public String title() {
        return switch (state) {
            case "ONLINE" -> "Seen by the last discovery that covered it";
            case "MISSING" -> "Not seen by the last " + (missedRuns == 1 ? "discovery" : missedRuns + " discoveries") + " that covered it";
            case "OFFLINE" -> "Not seen by " + missedRuns + " discoveries in a row: gone";
            default -> "No completed discovery has seen this host yet";
        };
    }
}
