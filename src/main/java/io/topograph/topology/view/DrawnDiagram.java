package io.topograph.topology.view;

import io.topograph.topology.diagrams.OpenDiagram;
import io.topograph.topology.graph.TopologyGraph;
import io.topograph.topology.layout.Layout;

/**
 * A diagram as drawn now: what was opened ({@code open}: diagram, full graph, pins, stale marker),
 * the graph actually drawn ({@code drawn}: options applied, collapsed subnets still present for the
 * layout to close), its layout and the SVG.
 */
public record DrawnDiagram(OpenDiagram open, TopologyGraph drawn, Layout layout, String svg) {
}
