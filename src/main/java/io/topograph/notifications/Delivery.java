package io.topograph.notifications;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.UUID;

/** One row of the delivery log (outbox): what is sent where, and how it went so far. */
public record Delivery(UUID id, UUID organizationId, @Nullable UUID ruleId, String ruleName, @Nullable UUID networkId,
                       String eventType, NotificationChannel channel, String target, String subject, String payload,
                       int changeCount, DeliveryStatus status, int attempts, Instant nextAttemptAt,
                       @Nullable Integer lastStatusCode, @Nullable String lastError, @Nullable Instant lastAttemptAt,
                       @Nullable Instant deliveredAt, Instant createdAt) {

    public boolean canRedeliver() {
        return status == DeliveryStatus.DELIVERED || status == DeliveryStatus.FAILED;
    }

    public boolean isPending() {
        return status == DeliveryStatus.PENDING;
    }
}
