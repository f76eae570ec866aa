package io.topograph.topology.groups;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * A group as a person submits it. {@code shape} PATH or HUB; {@code color} {@code #rrggbb};
 * {@code edgeStyle} SOLID, DASHED or DOTTED; {@code members} graph ids in order (services
 * {@code svc:<uuid>} or nodes {@code host:<uuid>}, {@code container:…}), at least two, all different.
 */
@Serdeable
public record GroupForm(@Nullable String name, @Nullable String shape, @Nullable String color, @Nullable String edgeStyle,
                        @Nullable List<String> members) {
}
