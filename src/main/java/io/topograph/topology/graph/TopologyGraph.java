package io.topograph.topology.graph;

import java.util.List;

/**
 * One network's diagram content. Subnets are containers; every node sits in at most one subnet
 * ({@link GraphNode#subnetId()}, null for nodes outside every known subnet, such as the Internet
 * or a host without addresses); a host on several subnets sits in its primary one and has
 * {@link EdgeKind#MULTI_HOMED} edges to the others.
 */
public record TopologyGraph(String networkId, String networkName, List<GraphSubnet> subnets, List<GraphNode> nodes,
                            List<GraphEdge> edges, List<GraphGroup> groups) {

    public TopologyGraph {
        subnets = List.copyOf(subnets);
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
        groups = List.copyOf(groups);
    }
}
