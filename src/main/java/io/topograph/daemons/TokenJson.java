package io.topograph.daemons;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/** An enrollment token's metadata; the secret is only in the answer that created it. */
@Serdeable
public record TokenJson(UUID id, UUID networkId, String prefix, @Nullable String nameHint, int maxUses, int uses,
                        Instant expiresAt, @Nullable Instant revokedAt, @Nullable UUID daemonId, Instant createdAt,
                        EnrollmentToken.Status status) {

    static TokenJson of(EnrollmentToken t, Instant now) {
        return new TokenJson(t.id(), t.networkId(), t.prefix(), t.nameHint(), t.maxUses(), t.uses(), t.expiresAt(),
                t.revokedAt(), t.daemonId(), t.createdAt(), t.status(now));
    }
}
