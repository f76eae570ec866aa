package io.topograph.tags;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

@MappedEntity("tags")
public record Tag(@Id UUID id, UUID organizationId, String name, String color, Instant createdAt) {

    public TagRef ref() {
        return new TagRef(id, name, color);
    }
}
