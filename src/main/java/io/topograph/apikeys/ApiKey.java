package io.topograph.apikeys;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.topograph.platform.tenancy.Role;

import java.time.Instant;
import java.util.UUID;

/** A stored key: never the secret itself, only its hash and display prefix. */
@MappedEntity("user_api_keys")
public record ApiKey(@Id UUID id, UUID organizationId, UUID userId, String name, String prefix, byte[] tokenHash,
                     Role role, boolean allNetworks, Instant createdAt, @Nullable Instant expiresAt,
                     @Nullable Instant lastUsedAt, @Nullable Instant revokedAt) {

    public ApiKeySummary.Status status(Instant now) {
        if (revokedAt != null) {
            return ApiKeySummary.Status.REVOKED;
        }
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            return ApiKeySummary.Status.EXPIRED;
        }
        return ApiKeySummary.Status.ACTIVE;
    }
}
