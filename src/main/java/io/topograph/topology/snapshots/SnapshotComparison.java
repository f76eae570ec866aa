package io.topograph.topology.snapshots;

import io.micronaut.core.annotation.Nullable;
import io.topograph.topology.diff.TopologyDiff;
import io.topograph.topology.graph.TopologyGraph;

/**
 * Two points of a network's timeline compared: {@code after} is null when the later point is the
 * inventory now. {@code union} holds every element of both (draw it with {@code diff.highlight()}).
 */
public record SnapshotComparison(SnapshotSummary before, @Nullable SnapshotSummary after, TopologyDiff diff, TopologyGraph union) {
}
