package io.topograph.topology.graph;

/** A subnet drawn as a container. {@code id} is {@code subnet:<uuid>}; {@code gatewayNodeId} may be null. */
public record GraphSubnet(String id, String cidr, String name, SubnetKind kind, String gatewayNodeId) {
}
