package io.topograph.discovery.definitions;

import io.topograph.platform.scheduling.ScheduleHandler;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.UUID;

/** A fired Quartz trigger of a definition queues its run (platform/scheduling calls this). */
@Singleton
public class DefinitionFireHandler implements ScheduleHandler {

    private final DefinitionService definitions;

    public DefinitionFireHandler(DefinitionService definitions) {
        this.definitions = definitions;
    }

    @Override
    public void fire(UUID organizationId, UUID subjectId, Instant scheduledFireTime) {
        definitions.fire(organizationId, subjectId, scheduledFireTime);
    }
}
