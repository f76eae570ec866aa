package io.topograph.members;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.topograph.platform.tenancy.CurrentMember;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A member in the JSON API.
 *
 * @param id          the membership id (used in {@code /api/v1/members/{id}})
 * @param allNetworks true for Owners and Admins, who see every network
 * @param networkIds  the networks granted to a Member or Viewer, filtered to those the caller may see
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS) // every field, even null or empty, so clients see one shape
public record MemberJson(UUID id, UUID userId, String name, String email, String role, boolean allNetworks,
                         List<UUID> networkIds, Instant joinedAt) {

    public static MemberJson of(MemberRow row, CurrentMember viewer) {
        return new MemberJson(row.id(), row.userId(), row.name(), row.email(), row.role().name(), row.role().seesAllNetworks(),
                row.networkIds().stream().filter(viewer::canSee).toList(), row.joinedAt());
    }
}
