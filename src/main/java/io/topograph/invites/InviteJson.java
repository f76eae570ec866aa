package io.topograph.invites;

import io.micronaut.core.annotation.Nullable;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.topograph.platform.tenancy.CurrentMember;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A pending invite in the JSON API.
 *
 * @param url the accept link; only in the answers to create and resend (it is never stored)
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS) // every field, even null or empty, so clients see one shape
public record InviteJson(UUID id, String email, String role, List<UUID> networkIds, @Nullable String invitedBy,
                         Instant createdAt, Instant expiresAt, boolean expired, @Nullable String url) {

    /** Network ids are filtered to those the caller may see. */
    public static InviteJson of(Invite invite, CurrentMember viewer, @Nullable String url) {
        return new InviteJson(invite.id(), invite.email(), invite.role().name(),
                invite.networkIds().stream().filter(viewer::canSee).toList(), invite.invitedByName(),
                invite.createdAt(), invite.expiresAt(), invite.isExpired(), url);
    }
}
