package io.topograph.topology.graph;

/** What a node stands for. Containers and virtual machines are drawn linked to the host that runs them. */
public enum NodeKind {
    HOST, GATEWAY, CONTAINER, VIRTUAL_MACHINE, INTERNET
}
