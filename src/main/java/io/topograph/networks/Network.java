package io.topograph.networks;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

@MappedEntity("networks")
public record Network(@Id UUID id, UUID organizationId, String name, String description,
                      Instant createdAt, Instant updatedAt) {
}
