package io.topograph.topology.diagrams;

import io.micronaut.serde.annotation.Serdeable;

/** Where a person put a node (or a subnet) on a diagram; the layout keeps it there. */
@Serdeable
public record NodePosition(String nodeId, double x, double y) {
}
