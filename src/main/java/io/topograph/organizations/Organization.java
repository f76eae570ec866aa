package io.topograph.organizations;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

@MappedEntity("organizations")
public record Organization(@Id UUID id, String name, String slug, @Nullable UUID managedBy,
                           Instant createdAt, Instant updatedAt) {
}
