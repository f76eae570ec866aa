package io.topograph.notifications;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** JSON shapes of {@code /api/v1/notification-rules} and {@code /api/v1/notification-deliveries}. */
final class NotificationJson {

    private NotificationJson() {
    }

    /** A rule as the API shows it; {@code secret} only in the answer to creating a webhook rule. */
    @Serdeable
    record Rule(UUID id, String name, List<String> kinds, @Nullable UUID networkId, String channel, List<String> recipients,
                @Nullable String url, boolean enabled, @Nullable String secret, Instant createdAt, Instant updatedAt) {
        static Rule of(NotificationRule r, boolean withSecret) {
            return new Rule(r.id(), r.name(), r.kinds().stream().map(Enum::name).toList(), r.networkId(), r.channel().name(),
                    r.emailRecipients(), r.webhookUrl(), r.enabled(), withSecret ? r.webhookSecret() : null, r.createdAt(), r.updatedAt());
        }
    }

    /** Create or replace a rule; {@code enabled} defaults to true, {@code networkId} null means every network. */
    @Serdeable
    record RuleInput(@Nullable String name, @Nullable List<String> kinds, @Nullable String networkId, @Nullable String channel,
                     @Nullable List<String> recipients, @Nullable String url, @Nullable Boolean enabled) {
        RuleForm toForm() {
            return new RuleForm(name, kinds, networkId, channel, recipients == null ? null : String.join(",", recipients), url,
                    enabled == null || enabled ? "on" : null);
        }
    }

    @Serdeable
    record Delivery(UUID id, @Nullable UUID ruleId, String ruleName, String eventType, String channel, String target, String status,
                    int attempts, int changeCount, @Nullable Integer lastStatusCode, @Nullable String lastError,
                    @Nullable Instant nextAttemptAt, @Nullable Instant lastAttemptAt, @Nullable Instant deliveredAt, Instant createdAt) {
        static Delivery of(io.topograph.notifications.Delivery d) {
            return new Delivery(d.id(), d.ruleId(), d.ruleName(), d.eventType(), d.channel().name(), d.target(), d.status().name(),
                    d.attempts(), d.changeCount(), d.lastStatusCode(), d.lastError(), d.isPending() ? d.nextAttemptAt() : null,
                    d.lastAttemptAt(), d.deliveredAt(), d.createdAt());
        }
    }

    @Serdeable
    record DeliveryPage(List<Delivery> items, int page, int size, long total) {
    }
}
