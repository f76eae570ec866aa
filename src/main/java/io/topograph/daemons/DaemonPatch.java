package io.topograph.daemons;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * {@code PATCH /api/v1/daemons/{id}}: fields left out stay as they are. {@code disabled} is read
 * as text so that anything but true or false is a field error, not a silent false.
 */
@Serdeable
public record DaemonPatch(@Nullable String name, @Nullable String disabled) {
}
