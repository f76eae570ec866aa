package io.topograph.topology.graph;

import java.util.List;

/**
 * A node: a host (or gateway, container, VM, the Internet). {@code id} is {@code host:<uuid>} for
 * inventory hosts, {@code container:<host uuid>:<container id>} for Docker containers.
 * {@code hostId} is the inventory host's UUID as text (null for nodes that are not inventory hosts).
 * {@code addresses} are the IPs (primary first), {@code macs} the MAC addresses; {@code state} is
 * the presence state (ONLINE, MISSING, OFFLINE, UNKNOWN). {@code tags} are tag names.
 */
public record GraphNode(String id, NodeKind kind, String hostId, String label, String hostname, String subnetId,
                        List<String> addresses, List<String> macs, String os, String vendor, String state,
                        boolean hidden, List<GraphService> services, List<String> tags) {

    public GraphNode {
        addresses = List.copyOf(addresses);
        macs = List.copyOf(macs);
        services = List.copyOf(services);
        tags = List.copyOf(tags);
    }

    /** The address shown under the label: the primary IP, or nothing. */
    public String primaryAddress() {
        return addresses.isEmpty() ? null : addresses.get(0);
    }
}
