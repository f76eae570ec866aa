package io.topograph.daemons;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.UUID;

/**
 * An enrollment token as stored: its hash stays in the database, only the display prefix
 * ({@code tge_} and a few characters) is read back.
 *
 * @param daemonId set for the single-use token made by rotating that daemon's credential
 */
public record EnrollmentToken(UUID id, UUID organizationId, UUID networkId, String prefix, @Nullable String nameHint,
                              int maxUses, int uses, Instant expiresAt, @Nullable Instant revokedAt,
                              @Nullable UUID daemonId, Instant createdAt) {

    public enum Status { ACTIVE, USED_UP, EXPIRED, REVOKED }

    public Status status(Instant now) {
        if (revokedAt != null) {
            return Status.REVOKED;
        }
        if (uses >= maxUses) {
            return Status.USED_UP;
        }
        if (!expiresAt.isAfter(now)) {
            return Status.EXPIRED;
        }
        return Status.ACTIVE;
    }
}
