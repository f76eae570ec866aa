package io.topograph.topology.export;

import io.topograph.topology.graph.GraphNode;
import io.topograph.topology.graph.GraphService;
import io.topograph.topology.graph.GraphSubnet;
import io.topograph.topology.graph.TopologyGraph;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Edge ends for exports that need no layout: a service id stands for its node; hidden or unknown ends are dropped. */
final class Ends {

    private final Map<String, String> owner = new HashMap<>();
    private final Set<String> subnets = new HashSet<>();

    Ends(TopologyGraph graph) {
        for (GraphSubnet subnet : graph.subnets()) {
            subnets.add(subnet.id());
        }
        for (GraphNode node : graph.nodes()) {
            if (node.hidden()) {
                continue;
            }
            owner.put(node.id(), node.id());
            for (GraphService service : node.services()) {
                owner.putIfAbsent(service.id(), node.id());
            }
        }
    }

    /** The node or subnet id an edge end stands for, or null. */
    String resolve(String end) {
        if (end == null) {
            return null;
        }
        return subnets.contains(end) ? end : owner.get(end);
    }
}
