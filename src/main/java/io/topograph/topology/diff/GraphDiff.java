package io.topograph.topology.diff;

import io.topograph.topology.graph.GraphEdge;
import io.topograph.topology.graph.GraphGroup;
import io.topograph.topology.graph.GraphNode;
import io.topograph.topology.graph.GraphService;
import io.topograph.topology.graph.GraphSubnet;
import io.topograph.topology.graph.TopologyGraph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Compares two graphs of a network by element id (ids are stable across rescans, see the graph
 * package), and merges them for drawing a diff. Pure. A node changes when what is drawn of it
 * changes: kind, label, host name, subnet, addresses, MACs, OS, state, hidden, tags, or its services
 * (one change per service added or removed, and per service whose ports changed). A subnet changes
 * with its CIDR, name, kind or gateway. Edges are added or removed only (their id names their kind and ends).
 */
public final class GraphDiff {

    private GraphDiff() {
    }

    public static TopologyDiff compare(TopologyGraph before, TopologyGraph after) {
        Map<String, GraphNode> oldNodes = index(before.nodes(), GraphNode::id);
        Map<String, GraphNode> newNodes = index(after.nodes(), GraphNode::id);
        List<GraphNode> addedNodes = new ArrayList<>();
        List<TopologyDiff.NodeChange> changedNodes = new ArrayList<>();
        for (GraphNode n : after.nodes()) {
            GraphNode old = oldNodes.get(n.id());
            if (old == null) {
                addedNodes.add(n);
            } else {
                List<TopologyDiff.Change> changes = nodeChanges(old, n);
                if (!changes.isEmpty()) {
                    changedNodes.add(new TopologyDiff.NodeChange(old, n, changes));
                }
            }
        }
        List<GraphNode> removedNodes = before.nodes().stream().filter(n -> !newNodes.containsKey(n.id())).toList();

        Map<String, GraphSubnet> oldSubnets = index(before.subnets(), GraphSubnet::id);
        Map<String, GraphSubnet> newSubnets = index(after.subnets(), GraphSubnet::id);
        List<GraphSubnet> addedSubnets = new ArrayList<>();
        List<TopologyDiff.SubnetChange> changedSubnets = new ArrayList<>();
        for (GraphSubnet s : after.subnets()) {
            GraphSubnet old = oldSubnets.get(s.id());
            if (old == null) {
                addedSubnets.add(s);
            } else {
                List<TopologyDiff.Change> changes = new ArrayList<>();
                field(changes, "CIDR", old.cidr(), s.cidr());
                field(changes, "name", old.name(), s.name());
                field(changes, "kind", old.kind().label(), s.kind().label());
                field(changes, "gateway", old.gatewayNodeId(), s.gatewayNodeId());
                if (!changes.isEmpty()) {
                    changedSubnets.add(new TopologyDiff.SubnetChange(old, s, changes));
                }
            }
        }
        List<GraphSubnet> removedSubnets = before.subnets().stream().filter(s -> !newSubnets.containsKey(s.id())).toList();

        Map<String, GraphEdge> oldEdges = index(before.edges(), GraphEdge::id);
        Map<String, GraphEdge> newEdges = index(after.edges(), GraphEdge::id);
        List<GraphEdge> addedEdges = after.edges().stream().filter(e -> !oldEdges.containsKey(e.id())).toList();
        List<GraphEdge> removedEdges = before.edges().stream().filter(e -> !newEdges.containsKey(e.id())).toList();
        return new TopologyDiff(addedNodes, removedNodes, changedNodes, addedSubnets, removedSubnets, changedSubnets, addedEdges, removedEdges);
    }

    /**
     * Every element of both graphs, so removed ones can be drawn (in red): {@code after}'s elements
     * as they are now, plus {@code before}'s that are gone; sorted as the graph package says
     * (subnets by CIDR, nodes by subnet, label, id, edges by id). Named after {@code after}.
     */
    public static TopologyGraph union(TopologyGraph before, TopologyGraph after) {
        List<GraphSubnet> subnets = merged(before.subnets(), after.subnets(), GraphSubnet::id);
        subnets.sort(Comparator.comparing(GraphSubnet::cidr, io.topograph.topology.build.Cidr.ORDER).thenComparing(GraphSubnet::id));
        Map<String, Integer> order = new HashMap<>();
        for (int i = 0; i < subnets.size(); i++) {
            order.put(subnets.get(i).id(), i);
        }
        List<GraphNode> nodes = merged(before.nodes(), after.nodes(), GraphNode::id);
        nodes.sort(Comparator.comparingInt((GraphNode n) -> n.subnetId() == null || !order.containsKey(n.subnetId()) ? Integer.MAX_VALUE
                : order.get(n.subnetId())).thenComparing(GraphNode::label).thenComparing(GraphNode::id));
        List<GraphEdge> edges = merged(before.edges(), after.edges(), GraphEdge::id);
        edges.sort(Comparator.comparing(GraphEdge::id));
        List<GraphGroup> groups = merged(before.groups(), after.groups(), GraphGroup::id);
        groups.sort(Comparator.comparing(GraphGroup::name).thenComparing(GraphGroup::id));
        return new TopologyGraph(after.networkId(), after.networkName(), subnets, nodes, edges, groups);
    }

    private static List<TopologyDiff.Change> nodeChanges(GraphNode a, GraphNode b) {
        List<TopologyDiff.Change> changes = new ArrayList<>();
        field(changes, "kind", a.kind().name(), b.kind().name());
        field(changes, "label", a.label(), b.label());
        field(changes, "host name", a.hostname(), b.hostname());
        field(changes, "subnet", a.subnetId(), b.subnetId());
        field(changes, "addresses", String.join(", ", a.addresses()), String.join(", ", b.addresses()));
        field(changes, "MACs", String.join(", ", a.macs()), String.join(", ", b.macs()));
        field(changes, "OS", a.os(), b.os());
        field(changes, "state", a.state(), b.state());
        field(changes, "hidden", String.valueOf(a.hidden()), String.valueOf(b.hidden()));
        field(changes, "tags", String.join(", ", a.tags()), String.join(", ", b.tags()));
        Map<String, GraphService> oldServices = index(a.services(), GraphService::id);
        Map<String, GraphService> newServices = index(b.services(), GraphService::id);
        for (GraphService s : b.services()) {
            GraphService old = oldServices.get(s.id());
            if (old == null) {
                changes.add(new TopologyDiff.Change("service added", null, describe(s)));
            } else if (!old.ports().equals(s.ports()) || !old.name().equals(s.name())) {
                changes.add(new TopologyDiff.Change("service changed", describe(old), describe(s)));
            }
        }
        for (GraphService s : a.services()) {
            if (!newServices.containsKey(s.id())) {
                changes.add(new TopologyDiff.Change("service removed", describe(s), null));
            }
        }
        return changes;
    }

    private static String describe(GraphService s) {
        return s.ports().isEmpty() ? s.name() : s.name() + " (" + String.join(", ", s.ports()) + ")";
    }

    private static void field(List<TopologyDiff.Change> changes, String what, String before, String after) {
        if (!Objects.equals(before, after)) {
            changes.add(new TopologyDiff.Change(what, before, after));
        }
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> id) {
        Map<String, T> out = new LinkedHashMap<>();
        items.forEach(i -> out.putIfAbsent(id.apply(i), i));
        return out;
    }

    private static <T> List<T> merged(List<T> before, List<T> after, Function<T, String> id) {
        Map<String, T> out = new LinkedHashMap<>();
        after.forEach(i -> out.putIfAbsent(id.apply(i), i));
        before.forEach(i -> out.putIfAbsent(id.apply(i), i));
        return new ArrayList<>(out.values());
    }
}
