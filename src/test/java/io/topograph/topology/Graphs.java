package io.topograph.topology;

import io.topograph.topology.graph.EdgeKind;
import io.topograph.topology.graph.GraphEdge;
import io.topograph.topology.graph.GraphNode;
import io.topograph.topology.graph.GraphService;
import io.topograph.topology.graph.GraphSubnet;
import io.topograph.topology.graph.NodeKind;
import io.topograph.topology.graph.SubnetKind;

import java.util.List;

/** Small hand-made graph elements for the pure tests. */
public final class Graphs {

    private Graphs() {
    }

    public static GraphSubnet subnet(String id, String cidr, SubnetKind kind) {
        return new GraphSubnet(id, cidr, id, kind, null);
    }

    public static GraphNode host(String id, String subnetId, String ip, GraphService... services) {
        return new GraphNode(id, NodeKind.HOST, id.substring(id.indexOf(':') + 1), id, null, subnetId, List.of(ip), List.of(), null, null,
                "ONLINE", false, List.of(services), List.of());
    }

    public static GraphNode with(GraphNode n, String label, String state, boolean hidden, List<String> tags) {
        return new GraphNode(n.id(), n.kind(), n.hostId(), label, n.hostname(), n.subnetId(), n.addresses(), n.macs(), n.os(), n.vendor(),
                state, hidden, n.services(), tags);
    }

    public static GraphNode container(String id, String subnetId) {
        return new GraphNode(id, NodeKind.CONTAINER, null, id, null, subnetId, List.of(), List.of(), "img", null, "ONLINE", false,
                List.of(), List.of());
    }

    public static GraphService service(String id, String category, String... ports) {
        return new GraphService(id, id, category, null, List.of(ports), 90);
    }

    public static GraphEdge edge(EdgeKind kind, String from, String to) {
        return new GraphEdge(GraphEdge.idOf(kind, from, to), kind, from, to, "test", null);
    }

    public static GraphEdge groupEdge(String group, String from, String to) {
        return new GraphEdge(GraphEdge.idOf(EdgeKind.GROUP, group + "/" + from, to), EdgeKind.GROUP, from, to, "test", group);
    }
}
