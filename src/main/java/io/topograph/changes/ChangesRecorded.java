package io.topograph.changes;

import java.util.List;
import java.util.UUID;

/**
 * Published when a completed discovery run's changes were stored (transactional listeners get it
 * after commit). Never published with an empty list. Notifications listen to it.
 */
public record ChangesRecorded(UUID organizationId, UUID networkId, UUID runId, List<ChangeEvent> events) {
    public ChangesRecorded {
        events = List.copyOf(events);
    }
}
