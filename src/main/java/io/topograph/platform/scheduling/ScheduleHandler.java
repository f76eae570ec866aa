package io.topograph.platform.scheduling;

import java.time.Instant;
import java.util.UUID;

/**
 * What a fired schedule does; implemented by the feature that owns the schedules. Called on a
 * Quartz worker thread of whichever node fired the trigger, outside any transaction. Must be
 * idempotent per {@code scheduledFireTime}: a node that died mid-fire has the fire recovered
 * (repeated) by another node.
 */
public interface ScheduleHandler {

    void fire(UUID organizationId, UUID subjectId, Instant scheduledFireTime);
}
