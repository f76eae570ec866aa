package io.topograph.services;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DataTransformer;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * One of an organization's own service definitions. {@code key} is the definition id the daemon
 * reports for services it identifies with it; {@code match} is the rule as compact JSON text.
 */
@MappedEntity("service_definitions")
public record CustomDefinition(@Id UUID id, UUID organizationId, String key, String name, String description,
                               String category, String icon, int priority,
                               @DataTransformer(write = "?::jsonb") String match,
                               boolean enabled, @Nullable UUID createdBy, Instant createdAt, Instant updatedAt) {

    public CustomDefinition withEnabled(boolean value, Instant now) {
        return new CustomDefinition(id, organizationId, key, name, description, category, icon, priority, match, value,
                createdBy, createdAt, now);
    }
}
