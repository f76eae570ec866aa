package io.topograph.daemons;

import io.micronaut.core.annotation.Nullable;

import java.time.Duration;
import java.time.Instant;

/**
 * What a daemon's badge says, computed when it is read (no sweeper): disabled by a user, never
 * connected, offline (no heartbeat for {@link #ONLINE_WINDOW}), outdated (online, but older than
 * the daemon jar this server ships), or online.
 */
public enum DaemonStatus {
    ONLINE("Online", "text-bg-success", "Heartbeat received in the last 90 seconds."),
    OUTDATED("Outdated", "text-bg-warning", "Online, but older than the daemon this server ships: update it."),
    OFFLINE("Offline", "text-bg-danger", "No heartbeat for more than 90 seconds."),
    DISABLED("Disabled", "text-bg-secondary", "Disabled: it gets no work until it is enabled again."),
    NEVER_CONNECTED("Never connected", "text-bg-light border", "Enrolled, but no heartbeat yet.");

    /** A daemon heartbeats every 30 s; three missed beats mean it is gone. */
    public static final Duration ONLINE_WINDOW = Duration.ofSeconds(90);

    private final String label;
    private final String badgeClass;
    private final String hint;

    DaemonStatus(String label, String badgeClass, String hint) {
        this.label = label;
        this.badgeClass = badgeClass;
        this.hint = hint;
    }

    public String label() {
        return label;
    }

    public String badgeClass() {
        return badgeClass;
    }

    public String hint() {
        return hint;
    }

    public static DaemonStatus of(boolean disabled, @Nullable Instant lastHeartbeatAt, @Nullable String version,
                                  @Nullable String latestVersion, Instant now) {
        if (disabled) {
            return DISABLED;
        }
        if (lastHeartbeatAt == null) {
            return NEVER_CONNECTED;
        }
        if (Duration.between(lastHeartbeatAt, now).compareTo(ONLINE_WINDOW) > 0) {
            return OFFLINE;
        }
        return Versions.isOlder(version, latestVersion) ? OUTDATED : ONLINE;
    }
}
