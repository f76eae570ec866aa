package io.topograph.topology.diff;

import io.micronaut.core.annotation.Nullable;
import io.topograph.topology.graph.GraphEdge;
import io.topograph.topology.graph.GraphNode;
import io.topograph.topology.graph.GraphSubnet;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What differs between two graphs of a network, element by element (by id): nodes, subnets and
 * edges added, removed, and nodes and subnets changed (with what changed). Lists follow the graphs'
 * order (after's for added and changed, before's for removed).
 */
public record TopologyDiff(List<GraphNode> addedNodes, List<GraphNode> removedNodes, List<NodeChange> changedNodes,
                           List<GraphSubnet> addedSubnets, List<GraphSubnet> removedSubnets, List<SubnetChange> changedSubnets,
                           List<GraphEdge> addedEdges, List<GraphEdge> removedEdges) {

    public static final String ADDED = "added";
    public static final String REMOVED = "removed";
    public static final String CHANGED = "changed";

    public TopologyDiff {
        addedNodes = List.copyOf(addedNodes);
        removedNodes = List.copyOf(removedNodes);
        changedNodes = List.copyOf(changedNodes);
        addedSubnets = List.copyOf(addedSubnets);
        removedSubnets = List.copyOf(removedSubnets);
        changedSubnets = List.copyOf(changedSubnets);
        addedEdges = List.copyOf(addedEdges);
        removedEdges = List.copyOf(removedEdges);
    }

    /** One difference of an element: {@code what} ("label", "addresses", "service added"…), the value before and after (null for none). */
    public record Change(String what, @Nullable String before, @Nullable String after) {
    }

    public record NodeChange(GraphNode before, GraphNode after, List<Change> changes) {
        public NodeChange {
            changes = List.copyOf(changes);
        }
    }

    public record SubnetChange(GraphSubnet before, GraphSubnet after, List<Change> changes) {
        public SubnetChange {
            changes = List.copyOf(changes);
        }
    }

    /** Counts over nodes, subnets and edges together. */
    public record Summary(int added, int removed, int changed) {
        public boolean isEmpty() {
            return added == 0 && removed == 0 && changed == 0;
        }
    }

    public Summary summary() {
        return new Summary(addedNodes.size() + addedSubnets.size() + addedEdges.size(),
                removedNodes.size() + removedSubnets.size() + removedEdges.size(), changedNodes.size() + changedSubnets.size());
    }

    /** Element id → {@link #ADDED}, {@link #REMOVED} or {@link #CHANGED}, for the renderer (green, red, amber). */
    public Map<String, String> highlight() {
        Map<String, String> out = new LinkedHashMap<>();
        addedSubnets.forEach(s -> out.put(s.id(), ADDED));
        removedSubnets.forEach(s -> out.put(s.id(), REMOVED));
        changedSubnets.forEach(s -> out.put(s.after().id(), CHANGED));
        addedNodes.forEach(n -> out.put(n.id(), ADDED));
        removedNodes.forEach(n -> out.put(n.id(), REMOVED));
        changedNodes.forEach(n -> out.put(n.after().id(), CHANGED));
        addedEdges.forEach(e -> out.put(e.id(), ADDED));
        removedEdges.forEach(e -> out.put(e.id(), REMOVED));
        return out;
    }
}
