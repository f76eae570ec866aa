package io.topograph.invites;

import io.micronaut.core.annotation.Nullable;
import io.topograph.platform.tenancy.Role;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An invite as read from the database, with its inviter's name and the networks it grants. */
public record Invite(UUID id, UUID organizationId, String email, Role role,
                     @Nullable UUID invitedBy, @Nullable String invitedByName,
                     Instant createdAt, Instant expiresAt,
                     @Nullable Instant acceptedAt, @Nullable UUID acceptedBy, @Nullable Instant revokedAt,
                     List<UUID> networkIds) {

    public enum State { PENDING, EXPIRED, ACCEPTED, REVOKED }

    public State state() {
        if (acceptedAt != null) {
            return State.ACCEPTED;
        }
        if (revokedAt != null) {
            return State.REVOKED;
        }
        return expiresAt.isAfter(Instant.now()) ? State.PENDING : State.EXPIRED;
    }

    public boolean isExpired() {
        return state() == State.EXPIRED;
    }
}
