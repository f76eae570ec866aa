package io.topograph.notifications;

import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.Transactional;
import io.topograph.changes.ChangeEvent;
import io.topograph.changes.ChangesRecorded;
import io.topograph.platform.persistence.Sql;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns recorded changes into deliveries: one outbox row per matching rule. A plain
 * {@code @EventListener}, so it runs inside the transaction that stores the changes: the rows
 * commit with the changes or not at all. It only writes; {@link DeliveryWorker} sends.
 */
@Singleton
public class ChangeNotifier {

    private final RuleStore rules;
    private final DeliveryStore deliveries;
    private final Messages messages;
    private final Sql sql;

    public ChangeNotifier(RuleStore rules, DeliveryStore deliveries, Messages messages, Sql sql) {
        this.rules = rules;
        this.deliveries = deliveries;
        this.messages = messages;
        this.sql = sql;
    }

    @EventListener
    @Transactional
    public void onChangesRecorded(ChangesRecorded recorded) {
        enqueue(recorded);
    }

    /** Writes the deliveries for {@code recorded}; returns how many. */
    @Transactional
    public int enqueue(ChangesRecorded recorded) {
        List<NotificationRule> enabled = rules.listEnabled(recorded.organizationId());
        if (enabled.isEmpty() || recorded.events().isEmpty()) {
            return 0;
        }
        Optional<Messages.Context> context = context(recorded.organizationId(), recorded.networkId());
        if (context.isEmpty()) {
            return 0;
        }
        Messages.Context c = context.get();
        Instant now = Instant.now();
        int written = 0;
        for (NotificationRule rule : enabled) {
            List<ChangeEvent> events = rule.select(recorded.events());
            if (events.isEmpty()) {
                continue;
            }
            UUID id = UUID.randomUUID();
            String subject = messages.emailSubject(c, events);
            String payload = rule.channel() == NotificationChannel.EMAIL
                    ? messages.emailBody(c, rule.name(), events)
                    : messages.webhookBody(id, c, recorded.runId(), rule.name(), events, now);
            deliveries.insert(recorded.organizationId(), id, rule, recorded.networkId(), recorded.runId(),
                    "changes.recorded", subject, payload, events.size());
            written++;
        }
        return written;
    }

    private Optional<Messages.Context> context(UUID organizationId, UUID networkId) {
        return sql.one("select o.slug, o.name, n.name from organizations o join networks n on n.organization_id = o.id"
                        + " where o.id = ? and n.id = ?",
                rs -> new Messages.Context(organizationId, rs.getString(1), rs.getString(2), networkId, rs.getString(3)),
                organizationId, networkId);
    }
}
