package io.topograph.tags;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/**
 * A tag with how often it is used, counted only in networks the member may see.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TagSummary(UUID id, String name, String color, long hostCount, long networkCount, Instant createdAt) {

    public String textColor() {
        return Colors.readableTextOn(color);
    }

    public TagRef ref() {
        return new TagRef(id, name, color);
    }
}
