package io.topograph.topology.view;

import io.micronaut.transaction.annotation.Transactional;
import io.topograph.topology.diagrams.DiagramOptions;
import io.topograph.topology.diagrams.NodePosition;
import io.topograph.topology.diagrams.OpenDiagram;
import io.topograph.topology.diagrams.TopologyService;
import io.topograph.topology.graph.TopologyGraph;
import io.topograph.topology.layout.Layout;
import io.topograph.topology.layout.LayoutOptions;
import io.topograph.topology.layout.Point;
import io.topograph.topology.layout.TopologyLayout;
import io.topograph.topology.render.RenderOptions;
import io.topograph.topology.render.SvgRenderer;
import jakarta.inject.Singleton;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Draws a saved diagram from the live inventory: one graph build, the diagram's options, its pins,
 * the layout, the SVG. Drawing records what it drew (the stale marker compares later inventories
 * with it), so an open page can tell when the picture in front of the user is out of date.
 */
@Singleton
public class DiagramDrawing {

    private final TopologyService diagrams;

    public DiagramDrawing(TopologyService diagrams) {
        this.diagrams = diagrams;
    }

    /** Draws the diagram as it is now, pins kept, and records it as drawn. */
    @Transactional
    public DrawnDiagram draw(UUID organizationId, UUID networkId, UUID diagramId) {
        OpenDiagram open = diagrams.open(organizationId, networkId, diagramId);
        DrawnDiagram drawn = draw(open, open.full(), Map.of());
        diagrams.markDrawn(organizationId, networkId, open);
        return drawn;
    }

    /**
     * Draws the diagram as it is now for a file or a print-out, recording nothing: a download must
     * not clear the stale marker of someone looking at the page.
     */
    @Transactional(readOnly = true)
    public DrawnDiagram current(UUID organizationId, UUID networkId, UUID diagramId) {
        OpenDiagram open = diagrams.open(organizationId, networkId, diagramId);
        return draw(open, open.full(), Map.of());
    }

    /** "Rebuild": forgets the pins, then draws a fresh layout. */
    @Transactional
    public DrawnDiagram rebuild(UUID organizationId, UUID networkId, UUID diagramId) {
        diagrams.unpinAll(organizationId, networkId, diagramId);
        return draw(organizationId, networkId, diagramId);
    }

    /**
     * Draws {@code graph} (a snapshot, a diff's union, or the live graph) with the diagram's options
     * and pins, colouring {@code highlight}ed elements; records nothing.
     */
    public DrawnDiagram draw(OpenDiagram open, TopologyGraph graph, Map<String, String> highlight) {
        DiagramOptions options = open.diagram().options();
        // Collapsing is the layout's job (it draws the closed box with its host count), so the
        // options are applied here without it.
        TopologyGraph shown = withoutCollapse(options).apply(graph);
        Map<String, Point> pins = new LinkedHashMap<>();
        for (NodePosition p : open.pins()) {
            pins.put(p.nodeId(), new Point(p.x(), p.y()));
        }
        Layout layout = TopologyLayout.layout(shown, pins, LayoutOptions.defaults().withCollapsed(Set.copyOf(options.collapsedSubnets())));
        RenderOptions render = RenderOptions.defaults().withShowPorts(options.showPorts())
                .withCategories(options.serviceCategories() == null ? null : new HashSet<>(options.serviceCategories()))
                .withEdgeKinds(options.edgeKinds() == null ? null : Set.copyOf(options.edgeKinds()))
                .withHighlight(highlight);
        return new DrawnDiagram(open, shown, layout, SvgRenderer.render(shown, layout, render));
    }

    private static DiagramOptions withoutCollapse(DiagramOptions o) {
        return new DiagramOptions(o.serviceCategories(), o.showPorts(), o.showContainers(), o.showHidden(), o.edgeKinds(), o.tags(),
                List.of());
    }
}
