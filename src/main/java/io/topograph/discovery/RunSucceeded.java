package io.topograph.discovery;

import java.util.UUID;

/**
 * Published once for every run that completes successfully, inside the transaction that moves it to
 * SUCCEEDED, after its changes were recorded (a retried completion answers before publishing again).
 * Unlike {@code ChangesRecorded} it is published when nothing changed too. A listener that only
 * writes to the database uses a plain {@code @EventListener} and joins that transaction (the topology
 * snapshot); one with effects outside the database uses {@code @TransactionalEventListener}.
 */
public record RunSucceeded(UUID organizationId, UUID networkId, UUID runId) {
}
