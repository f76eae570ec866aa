package io.topograph.apikeys;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.topograph.platform.tenancy.Role;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A key as lists and the API show it: everything but the secret.
 *
 * @param allNetworks true when the key may use every network its user can see; otherwise only {@code networks}
 */
@Serdeable
// Unset dates are written as null, so every key has the same fields.
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ApiKeySummary(UUID id, String name, String prefix, Role role, boolean allNetworks,
                            List<NetworkRef> networks, Instant createdAt, @Nullable Instant expiresAt,
                            @Nullable Instant lastUsedAt, @Nullable Instant revokedAt, Status status) {

    public enum Status { ACTIVE, EXPIRED, REVOKED }

    @Serdeable
    public record NetworkRef(UUID id, String name) {
    }

    static ApiKeySummary of(ApiKey key, List<NetworkRef> networks, Instant now) {
        return new ApiKeySummary(key.id(), key.name(), key.prefix(), key.role(), key.allNetworks(), networks,
                key.createdAt(), key.expiresAt(), key.lastUsedAt(), key.revokedAt(), key.status(now));
    }
}
