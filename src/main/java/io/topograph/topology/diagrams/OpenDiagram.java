package io.topograph.topology.diagrams;

import io.micronaut.core.annotation.Nullable;
import io.topograph.topology.graph.TopologyGraph;

import java.time.Instant;
import java.util.List;

/**
 * Everything a page needs to draw a diagram: the graph built now ({@code full}), what the diagram's
 * options show of it ({@code shown}), the pinned positions, and whether the inventory changed since
 * it was last drawn ({@code stale}: false for a diagram never drawn, as there is nothing to compare with).
 */
public record OpenDiagram(Diagram diagram, TopologyGraph full, TopologyGraph shown, List<NodePosition> pins, boolean stale,
                          @Nullable Instant drawnAt, String fingerprint) {
}
