package io.topograph.discovery.definitions;

import io.micronaut.core.annotation.Nullable;
import io.topograph.discovery.RunOptions;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One row of {@code discovery_definitions} with its last run.
 *
 * @param daemonPinned false: any daemon of the network; true: {@code daemonId}, which is null when
 *                     that daemon was deleted ({@code daemonName} remembers it)
 * @param targets      empty: the subnets of the daemon(s), resolved when a run is queued
 */
public record Definition(UUID id, UUID organizationId, UUID networkId, String name, boolean daemonPinned, @Nullable UUID daemonId,
                         @Nullable String daemonName, List<String> targets, List<String> exclude, String ports, RunOptions options,
                         ScheduleKind kind, @Nullable String cron, @Nullable String timezone, @Nullable Integer intervalSeconds,
                         boolean enabled, boolean isDefault, @Nullable String lastSkipReason, @Nullable Instant lastSkippedAt,
                         Instant createdAt, Instant updatedAt, @Nullable UUID lastRunId, @Nullable String lastRunState,
                         @Nullable Instant lastRunAt) {

    public enum ScheduleKind { CRON, INTERVAL, MANUAL }

    /** Its chosen daemon was deleted: fires are skipped until someone chooses another. */
    public boolean daemonDeleted() {
        return daemonPinned && daemonId == null;
    }

    /** Fires by itself (and so has a Quartz trigger). */
    public boolean scheduled() {
        return enabled && kind != ScheduleKind.MANUAL;
    }
}
