package io.topograph.changes;

import java.util.List;
import java.util.UUID;

/**
 * Published inside the transaction that stores a completed run's changes, never with an empty
 * list. A listener that only writes to the database (the notifications outbox) uses a plain
 * {@code @EventListener} and so joins that transaction: the changes and what must be sent about
 * them commit together or not at all. A listener with effects outside the database uses
 * {@code @TransactionalEventListener} and runs after commit.
 */
public record ChangesRecorded(UUID organizationId, UUID networkId, UUID runId, List<ChangeEvent> events) {
    public ChangesRecorded {
        events = List.copyOf(events);
    }
}
