package io.topograph.discovery;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One row of {@code discovery_runs} with the names pages show next to it.
 *
 * @param statsJson       the daemon's statistics as JSON text, once completed
 * @param daemonAvailable a daemon that may take the run (the chosen one, or any of the network)
 *                        heartbeated within the last 90 seconds
 * @param portsProbed     probes sent so far in this attempt (at completion at least the daemon's stats.probes)
 * @param portsOpen       open ports of the hosts the run observed, once it succeeded
 * @param servicesFound   services of the hosts the run observed, once it succeeded
 */
public record DiscoveryRun(UUID id, UUID organizationId, UUID networkId, @Nullable UUID daemonId, @Nullable UUID hostId,
                           @Nullable UUID requestedBy, String trigger, List<String> targets, String ports, RunOptions options,
                           RunState state, int attempt, int maxAttempts, @Nullable UUID claimedBy,
                           @Nullable Instant leaseExpiresAt, @Nullable String phase, int percent, int hostsFound,
                           @Nullable String statsJson, List<String> warnings, @Nullable String failureReason,
                           Instant createdAt, @Nullable Instant startedAt, @Nullable Instant finishedAt,
                           @Nullable String requestedByName, @Nullable String daemonName, @Nullable String claimedByName,
                           @Nullable String hostName, boolean daemonAvailable, long portsProbed, @Nullable Integer portsOpen,
                           @Nullable Integer servicesFound, String networkName) {

    /** Visible to {@code daemonId} of {@code networkId}: the run is of its network and meant for it or for any daemon. */
    public boolean offeredTo(UUID daemonNetworkId, UUID daemonId) {
        return networkId.equals(daemonNetworkId) && (this.daemonId == null || this.daemonId.equals(daemonId));
    }

    public boolean heldBy(UUID daemonId) {
        return daemonId.equals(claimedBy);
    }
}
