package io.topograph.notifications;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * The JSON body of a webhook delivery (see the README's "Webhook payload"). {@code id} is also the
 * {@code Idempotency-Key} header: the same on every retry and redelivery of one delivery.
 *
 * @param type {@code changes.recorded}, or {@code test} for "Send test event"
 */
@Serdeable
public record WebhookPayload(String id, String type, String createdAt, Organization organization,
                             @Nullable Network network, @Nullable Run run, String rule, List<Change> changes) {

    @Serdeable
    public record Organization(String id, String slug, String name) {
    }

    /** @param changesUrl the network's What changed page */
    @Serdeable
    public record Network(String id, String name, String changesUrl) {
    }

    @Serdeable
    public record Run(String id) {
    }

    @Serdeable
    public record Change(String id, String kind, String label, @Nullable String hostId, String hostName, String subject,
                         @Nullable String before, @Nullable String after, String occurredAt) {
    }
}
