package io.topograph.topology.groups;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A stored group of a network (as written; members deleted since are still listed here, and skipped when the graph is built). */
@Serdeable
public record Group(UUID id, UUID networkId, String name, String shape, String color, String edgeStyle, List<String> members,
                    Instant createdAt, Instant updatedAt) {
    public Group {
        members = List.copyOf(members);
    }

    /** Its id in the topology graph ({@code group:<uuid>}). */
    public String graphId() {
        return "group:" + id;
    }
}
