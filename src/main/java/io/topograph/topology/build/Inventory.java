package io.topograph.topology.build;

import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.UUID;

/**
 * What graph building reads of one network, as rows: one list per query of {@link InventoryReads}.
 * Interfaces are ordered by host then address (so a host's first interface is its lowest address),
 * which {@link GraphAssembly} relies on.
 */
public record Inventory(UUID networkId, String networkName, List<Subnet> subnets, List<Host> hosts, List<Interface> interfaces,
                        List<Service> services, List<Tag> tags, List<Container> containers, List<Group> groups) {

    public record Subnet(UUID id, String cidr, String name, String kind, boolean kindChosen) {
    }

    public record Host(UUID id, String name, @Nullable String hostname, @Nullable String os, boolean hidden,
                       @Nullable Boolean online, int missedRuns) {
    }

    public record Interface(UUID hostId, @Nullable String ip, @Nullable String mac, @Nullable String vendor, @Nullable UUID subnetId) {
    }

    /** {@code ports} like {@code 443/tcp}, from the service's bindings (or its own port when it has none). */
    public record Service(UUID id, UUID hostId, String name, String category, @Nullable String definitionId, int confidence,
                          List<String> ports) {
    }

    public record Tag(UUID hostId, String name) {
    }

    /** A Docker container with the addresses and MACs of its networks, in the order Docker reported them. */
    public record Container(UUID hostId, String containerId, @Nullable String name, @Nullable String image, @Nullable String state,
                            List<String> ips, List<String> macs) {
    }

    public record Group(UUID id, String name, String shape, String color, String edgeStyle, List<String> members) {
    }
}
