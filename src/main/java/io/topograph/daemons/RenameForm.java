package io.topograph.daemons;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** The inline rename form of a daemon row. */
@Serdeable
public record RenameForm(@Nullable String name) {
}
