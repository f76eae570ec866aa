package io.topograph.daemons;

import java.util.UUID;

/**
 * Published inside the enrollment transaction when a new daemon was created (not when an
 * existing one is re-keyed). Listeners run in that transaction: what they write commits or
 * rolls back with the enrollment.
 */
public record DaemonEnrolled(UUID organizationId, UUID networkId, UUID daemonId) {
}
