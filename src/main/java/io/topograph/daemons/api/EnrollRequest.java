package io.topograph.daemons.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** {@code POST /api/daemon/v1/enroll} (docs/daemon-protocol.md). */
@Serdeable
public record EnrollRequest(@Nullable String token, @Nullable String instanceId, @Nullable String name,
                            @Nullable String hostname, @Nullable String version, @Nullable List<String> capabilities) {
}
