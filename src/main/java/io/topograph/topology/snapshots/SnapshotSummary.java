package io.topograph.topology.snapshots;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/** A point of a network's topology timeline (without the graph itself). {@code runId} is null for MANUAL ones and once the run was deleted. */
@Serdeable
public record SnapshotSummary(UUID id, UUID networkId, Instant takenAt, Reason reason, @Nullable UUID runId, int hosts, int services,
                              int graphBytes) {

    public enum Reason { RUN, MANUAL }
}
