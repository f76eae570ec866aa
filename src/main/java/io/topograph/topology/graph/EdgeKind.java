package io.topograph.topology.graph;

/** Why an edge exists; each kind can be shown or hidden on a diagram. */
public enum EdgeKind {
    /** A host with interfaces on several subnets, to each further subnet (target is a subnet id). */
    MULTI_HOMED("Host on several subnets"),
    /** A subnet's gateway to the Internet or upstream network. */
    GATEWAY("Gateway"),
    /** A Docker container to the host that runs it. */
    CONTAINER_HOST("Container on its host"),
    /** A virtual machine to its hypervisor. */
    VM_HYPERVISOR("Virtual machine on its hypervisor"),
    /** A physical link (LLDP/CDP/SNMP) when known. */
    PHYSICAL("Physical link"),
    /** A step of a user-drawn group (a service flow). */
    GROUP("Group flow");

    private final String label;

    EdgeKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
