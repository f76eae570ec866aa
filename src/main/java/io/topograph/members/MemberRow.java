package io.topograph.members;

import io.topograph.platform.tenancy.Role;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A membership with its person and granted networks, as the list shows it. */
public record MemberRow(UUID id, UUID userId, String name, String email, Role role, Instant joinedAt, List<UUID> networkIds) {
}
