package io.topograph.users;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

@MappedEntity("users")
public record User(@Id UUID id, String email, String name, String passwordHash, @Nullable Instant emailVerifiedAt,
                   Instant createdAt, Instant updatedAt) {
}
