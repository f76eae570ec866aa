package io.topograph.tags;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.util.UUID;

/** A tag as chips and JSON show it. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TagRef(UUID id, String name, String color) {

    /** Black or white text, whichever reads better on the tag's colour (relative luminance). */
    public String textColor() {
        return Colors.readableTextOn(color);
    }
}
