package io.topograph.daemons;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A daemon as the JSON API shows it. {@code status} is computed when read: ONLINE, OUTDATED,
 * OFFLINE, DISABLED or NEVER_CONNECTED.
 */
@Serdeable
public record DaemonJson(UUID id, UUID networkId, String name, @Nullable String hostname, @Nullable String version,
                         String state, DaemonStatus status, boolean disabled, boolean integrated, List<String> capabilities,
                         List<ReportedSubnet> subnets, String credentialPrefix, @Nullable Instant lastHeartbeatAt,
                         Instant createdAt, Instant updatedAt) {

    static DaemonJson of(Daemon d, @Nullable String latestVersion, Instant now) {
        return new DaemonJson(d.id(), d.networkId(), d.name(), d.hostname(), d.version(), d.state(), d.status(latestVersion, now),
                d.disabled(), d.integrated(), d.capabilities(), d.subnets(), d.credentialPrefix(), d.lastHeartbeatAt(),
                d.createdAt(), d.updatedAt());
    }
}
