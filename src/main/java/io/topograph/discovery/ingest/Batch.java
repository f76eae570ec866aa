package io.topograph.discovery.ingest;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * A checked batch: every value is valid and normalized (protocols and states upper case, MACs
 * lower case with colons). {@code sha256} identifies the body for idempotency.
 */
record Batch(List<Host> hosts, byte[] sha256) {

    /** One host as the daemon saw it; {@code address} is the key of its IP (see {@link Addresses}). */
    record Host(int index, String ip, String address, @Nullable String mac, @Nullable String vendor,
                @Nullable String hostname, @Nullable String os, List<Port> ports, List<Service> services,
                @Nullable Docker docker) {

        Host(int index, String ip, String address, @Nullable String mac, @Nullable String vendor,
             @Nullable String hostname, @Nullable String os, List<Port> ports, List<Service> services) {
            this(index, ip, address, mac, vendor, hostname, os, ports, services, null);
        }
    }

    /** The Docker engine of the daemon's own host: its containers (the engine's networks are checked, not kept). */
    record Docker(List<Container> containers) {
    }

    /** A container; {@code id} is Docker's id (usually its 12-character short form). */
    record Container(String id, @Nullable String name, @Nullable String image, @Nullable String state,
                     List<ContainerPort> ports, List<ContainerNetwork> networks) {
    }

    /** A container port (protocol lower case); {@code hostPort} is null when it is not published on the host. */
    record ContainerPort(int containerPort, String protocol, @Nullable String hostIp, @Nullable Integer hostPort) {
    }

    record ContainerNetwork(String network, @Nullable String ip, @Nullable String mac) {
    }

    record Port(int number, String protocol, String state, @Nullable String banner) {
    }

    /** An identified service; {@code definitionId} is null for services known only by name. */
    record Service(@Nullable String definitionId, String name, String category, int port, String protocol,
                   int confidence, String reason, @Nullable String version) {
    }
}
