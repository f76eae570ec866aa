package io.topograph.topology.render;

import io.topograph.topology.graph.EdgeKind;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a rendered diagram shows. {@code categories}: service categories shown on nodes (null: all);
 * {@code edgeKinds}: edge kinds drawn (null: all); {@code highlight}: element id (node, edge or
 * subnet) → {@code added}, {@code removed} or {@code changed}, drawn green, red (dashed, faded) and
 * amber for snapshot diffs (other values are ignored); {@code legend}: draw the legend below.
 */
public record RenderOptions(boolean showPorts, Set<String> categories, boolean showAddresses,
                            Map<String, String> highlight, Set<EdgeKind> edgeKinds, boolean legend) {

    public static final Set<String> HIGHLIGHTS = Set.of("added", "removed", "changed");

    public RenderOptions {
        categories = categories == null ? null : Collections.unmodifiableSet(new TreeSet<>(categories));
        edgeKinds = edgeKinds == null ? null : Collections.unmodifiableSet(edgeKinds.isEmpty() ? EnumSet.noneOf(EdgeKind.class) : EnumSet.copyOf(edgeKinds));
        Map<String, String> clean = new TreeMap<>();
        if (highlight != null) {
            highlight.forEach((id, kind) -> {
                if (id != null && kind != null && HIGHLIGHTS.contains(kind)) {
                    clean.put(id, kind);
                }
            });
        }
        highlight = Collections.unmodifiableMap(new LinkedHashMap<>(clean));
    }

    public static RenderOptions defaults() {
        return new RenderOptions(false, null, true, Map.of(), null, true);
    }

    public RenderOptions withShowPorts(boolean value) {
        return new RenderOptions(value, categories, showAddresses, highlight, edgeKinds, legend);
    }

    public RenderOptions withCategories(Set<String> value) {
        return new RenderOptions(showPorts, value, showAddresses, highlight, edgeKinds, legend);
    }

    public RenderOptions withShowAddresses(boolean value) {
        return new RenderOptions(showPorts, categories, value, highlight, edgeKinds, legend);
    }

    public RenderOptions withHighlight(Map<String, String> value) {
        return new RenderOptions(showPorts, categories, showAddresses, value, edgeKinds, legend);
    }

    public RenderOptions withEdgeKinds(Set<EdgeKind> value) {
        return new RenderOptions(showPorts, categories, showAddresses, highlight, value, legend);
    }

    public RenderOptions withLegend(boolean value) {
        return new RenderOptions(showPorts, categories, showAddresses, highlight, edgeKinds, value);
    }

    boolean showsCategory(String category) {
        return categories == null || categories.contains(category);
    }

    boolean showsEdge(EdgeKind kind) {
        return edgeKinds == null || edgeKinds.contains(kind);
    }
}
