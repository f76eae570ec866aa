package io.topograph.daemons;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A daemon as stored: never its credential, only the display prefix of the current one. */
public record Daemon(UUID id, UUID organizationId, UUID networkId, String name, UUID instanceId,
                     @Nullable UUID enrolledWith, String credentialPrefix, boolean integrated, boolean disabled,
                     @Nullable String hostname, @Nullable String version, String state, List<String> capabilities,
                     List<ReportedSubnet> subnets, @Nullable Instant lastHeartbeatAt, Instant createdAt, Instant updatedAt) {

    public DaemonStatus status(@Nullable String latestVersion, Instant now) {
        return DaemonStatus.of(disabled, lastHeartbeatAt, version, latestVersion, now);
    }
}
