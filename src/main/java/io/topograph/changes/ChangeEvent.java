package io.topograph.changes;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.UUID;

/**
 * One change on a network, as stored in {@code change_events}: {@code subject} says what changed
 * ("22/tcp", "PostgreSQL", "IP address"), {@code before}/{@code after} the values when a value
 * changed. {@code hostName} is the host's name when the change was recorded.
 */
public record ChangeEvent(UUID id, UUID organizationId, UUID networkId, @Nullable UUID runId, @Nullable UUID hostId,
                          ChangeKind kind, String hostName, String subject, @Nullable String before,
                          @Nullable String after, Instant occurredAt, @Nullable Instant acknowledgedAt) {
}
