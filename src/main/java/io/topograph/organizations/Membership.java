package io.topograph.organizations;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.topograph.platform.tenancy.Role;

import java.time.Instant;
import java.util.UUID;

@MappedEntity("memberships")
public record Membership(@Id UUID id, UUID organizationId, UUID userId, Role role, Instant createdAt) {
}
