package io.topograph.networks;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/** A network as lists and the API show it. */
@Serdeable
public record NetworkSummary(UUID id, String name, String description, long hostCount, long serviceCount,
                             Instant createdAt, Instant updatedAt) {
    public static NetworkSummary of(Network n, long hosts, long services) {
        return new NetworkSummary(n.id(), n.name(), n.description(), hosts, services, n.createdAt(), n.updatedAt());
    }
}
