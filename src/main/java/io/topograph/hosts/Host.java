package io.topograph.hosts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code hosts}; {@code source} is MANUAL or DISCOVERED. */
@MappedEntity("hosts")
public record Host(@Id UUID id, UUID organizationId, UUID networkId, String name, @Nullable String hostname,
                   String description, @Nullable String os, boolean hidden, boolean userEdited, String source,
                   Instant firstSeen, Instant lastSeen, Instant createdAt, Instant updatedAt) {

    public static final String MANUAL = "MANUAL";
    public static final String DISCOVERED = "DISCOVERED";
}
