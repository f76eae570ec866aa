package io.topograph.notifications;

import io.micronaut.core.annotation.Nullable;
import io.topograph.changes.ChangeEvent;
import io.topograph.changes.ChangeKind;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * One notification rule of an organization.
 *
 * @param networkId null: every network of the organization
 */
public record NotificationRule(UUID id, UUID organizationId, String name, Set<ChangeKind> kinds, @Nullable UUID networkId,
                               NotificationChannel channel, List<String> emailRecipients, @Nullable String webhookUrl,
                               @Nullable String webhookSecret, boolean enabled, Instant createdAt, Instant updatedAt) {

    /** Whether this rule announces {@code event}: enabled, one of its kinds, on its network (if it has one). */
    public boolean matches(ChangeEvent event) {
        return enabled && event.organizationId().equals(organizationId) && kinds.contains(event.kind())
                && (networkId == null || networkId.equals(event.networkId()));
    }

    /** The events of {@code events} this rule announces, in their order. */
    public List<ChangeEvent> select(List<ChangeEvent> events) {
        return events.stream().filter(this::matches).toList();
    }

    /** Recipients or URL, as the list and the delivery log show it. */
    public String target() {
        return channel == NotificationChannel.EMAIL ? String.join(", ", emailRecipients) : webhookUrl;
    }
}
