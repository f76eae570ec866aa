package io.topograph.topology.diagrams;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/**
 * A saved diagram of a network. {@code drawnFingerprint} and {@code drawnAt} say what it was last
 * drawn from ({@link TopologyService#markDrawn}); null until it was drawn once.
 */
@Serdeable
public record Diagram(UUID id, UUID networkId, String name, DiagramOptions options, @Nullable String drawnFingerprint,
                      @Nullable Instant drawnAt, Instant createdAt, Instant updatedAt) {
}
