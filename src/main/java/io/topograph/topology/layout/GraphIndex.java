package io.topograph.topology.layout;

import io.topograph.topology.graph.EdgeKind;
import io.topograph.topology.graph.GraphEdge;
import io.topograph.topology.graph.GraphNode;
import io.topograph.topology.graph.GraphService;
import io.topograph.topology.graph.GraphSubnet;
import io.topograph.topology.graph.NodeKind;
import io.topograph.topology.graph.TopologyGraph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Lookups the layout needs, computed once per graph: which nodes are drawn, in which subnet
 * ("block") each one sits, which containers ride along with their Docker host, and what box an
 * edge end refers to.
 */
final class GraphIndex {

    /** Gateways first, then by label (web-2 before web-10) and id: a subnet's grid reads the same on every run. */
    static final Comparator<GraphNode> MEMBER_ORDER = Comparator
            .comparingInt((GraphNode n) -> n.kind() == NodeKind.GATEWAY ? 0 : 1)
            .thenComparing((a, b) -> natural(a.label(), b.label()))
            .thenComparing(GraphNode::id);

    /** Case-insensitive, with runs of digits compared as numbers. */
    static int natural(String a, String b) {
        String x = a == null ? "" : a.toLowerCase(Locale.ROOT);
        String y = b == null ? "" : b.toLowerCase(Locale.ROOT);
        int i = 0;
        int j = 0;
        while (i < x.length() && j < y.length()) {
            char cx = x.charAt(i);
            char cy = y.charAt(j);
            if (Character.isDigit(cx) && Character.isDigit(cy)) {
                int si = i;
                int sj = j;
                while (i < x.length() && Character.isDigit(x.charAt(i))) {
                    i++;
                }
                while (j < y.length() && Character.isDigit(y.charAt(j))) {
                    j++;
                }
                String nx = x.substring(si, i).replaceFirst("^0+(?=.)", "");
                String ny = y.substring(sj, j).replaceFirst("^0+(?=.)", "");
                int c = nx.length() != ny.length() ? Integer.compare(nx.length(), ny.length()) : nx.compareTo(ny);
                if (c != 0) {
                    return c;
                }
            } else {
                if (cx != cy) {
                    return Character.compare(cx, cy);
                }
                i++;
                j++;
            }
        }
        return Integer.compare(x.length() - i, y.length() - j);
    }

    final Map<String, GraphNode> visible = new LinkedHashMap<>();
    final Map<String, GraphSubnet> subnets = new LinkedHashMap<>();
    /** container id → the host it is drawn next to */
    final Map<String, String> hostOf = new HashMap<>();
    /** host id → its satellite containers, sorted */
    final Map<String, List<GraphNode>> satellites = new HashMap<>();
    private final Map<String, String> serviceOwner = new HashMap<>();
    private final LayoutOptions options;

    GraphIndex(TopologyGraph graph, LayoutOptions options) {
        this.options = options;
        graph.subnets().stream().sorted(Comparator.comparing(GraphSubnet::id)).forEach(s -> subnets.put(s.id(), s));
        graph.nodes().stream().filter(n -> !n.hidden()).sorted(Comparator.comparing(GraphNode::id))
                .forEach(n -> visible.put(n.id(), n));
        for (GraphNode node : visible.values()) {
            for (GraphService service : node.services()) {
                serviceOwner.putIfAbsent(service.id(), node.id());
            }
        }
        graph.edges().stream().filter(e -> e.kind() == EdgeKind.CONTAINER_HOST)
                .sorted(Comparator.comparing(GraphEdge::id))
                .forEach(this::attachSatellite);
        satellites.values().forEach(list -> list.sort(MEMBER_ORDER));
    }

    /**
     * A container is drawn under its host when they share a subnet (or the container has none);
     * a container on a subnet of its own (a Docker bridge we know) is a member of that subnet and
     * its edge to the host crosses containers like any other.
     */
    private void attachSatellite(GraphEdge edge) {
        GraphNode container = visible.get(edge.source());
        GraphNode host = visible.get(edge.target());
        if (container == null || host == null || container.kind() != NodeKind.CONTAINER || hostOf.containsKey(container.id())
                || host.kind() == NodeKind.CONTAINER) {
            return;
        }
        String own = knownSubnet(container.subnetId());
        if (own == null || own.equals(knownSubnet(host.subnetId()))) {
            hostOf.put(container.id(), host.id());
            satellites.computeIfAbsent(host.id(), k -> new ArrayList<>()).add(container);
        }
    }

    private String knownSubnet(String subnetId) {
        return subnetId != null && subnets.containsKey(subnetId) ? subnetId : null;
    }

    /** The subnet a node is drawn in (its host's for a satellite), or null when outside every subnet. */
    String blockOf(String nodeId) {
        String host = hostOf.getOrDefault(nodeId, nodeId);
        GraphNode node = visible.get(host);
        return node == null ? null : knownSubnet(node.subnetId());
    }

    boolean placed(String nodeId) {
        if (!visible.containsKey(nodeId)) {
            return false;
        }
        String block = blockOf(nodeId);
        return block == null || !options.collapsed(block);
    }

    /**
     * The id of the box an edge end is drawn to: a node, or a subnet (a collapsed one stands for its
     * nodes; a multi-homed edge targets a subnet), or null when that end is not drawn.
     */
    String resolve(String endpoint) {
        if (endpoint == null) {
            return null;
        }
        if (subnets.containsKey(endpoint)) {
            return endpoint;
        }
        String nodeId = serviceOwner.getOrDefault(endpoint, endpoint);
        if (!visible.containsKey(nodeId)) {
            return null;
        }
        return placed(nodeId) ? nodeId : blockOf(nodeId);
    }
}
