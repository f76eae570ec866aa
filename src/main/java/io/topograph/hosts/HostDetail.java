package io.topograph.hosts;

import io.micronaut.core.annotation.Nullable;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.topograph.tags.TagRef;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A host with everything known about it, for its page and {@code GET /api/v1/hosts/{id}}. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record HostDetail(UUID id, UUID networkId, String name, @Nullable String hostname, String description,
                         @Nullable String os, String source, boolean hidden, boolean userEdited,
                         Instant firstSeen, Instant lastSeen, Instant createdAt, Instant updatedAt,
                         List<TagRef> tags, List<Interface> interfaces, List<Port> ports, List<Service> services,
                         @Nullable SeenBy seenBy, List<Container> containers, Presence presence) implements Seen {

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Interface(UUID id, @Nullable String name, @Nullable String ip, @Nullable String mac, @Nullable String vendor,
                            @Nullable UUID subnetId, @Nullable String subnetCidr, @Nullable String subnetName,
                            Instant firstSeen, Instant lastSeen) implements Seen {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Port(UUID id, int number, String protocol, String state, @Nullable String banner,
                       Instant firstSeen, Instant lastSeen, @Nullable Boolean present) implements Seen {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Service(UUID id, @Nullable String definitionId, String name, @Nullable String version, String category,
                          int confidence, String matchReason, Instant firstSeen, Instant lastSeen, List<Binding> bindings,
                          @Nullable Boolean present) implements Seen {

        /** Online while discovery finds it, offline once a run that scanned its port did not; null until judged (or added by hand). */
        @com.fasterxml.jackson.annotation.JsonIgnore
        public String presenceLabel() {
            return present == null ? "" : present ? "Online" : "Offline";
        }

        @com.fasterxml.jackson.annotation.JsonIgnore
        public String presenceBadge() {
            return present == null ? "" : present ? "text-bg-success" : "text-bg-secondary";
        }
    }

    /**
     * The latest sighting by discovery: which daemon saw the host in which run, at which address,
     * and which identity rule (MAC, SUBNET_IP, HOSTNAME, NEW) decided it was this host, and why.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record SeenBy(UUID runId, @Nullable UUID daemonId, @Nullable String daemonName, @Nullable String ip,
                         String matchedBy, String matchDetail, Instant seenAt) {

        public String matchedByLabel() {
            return switch (matchedBy) {
                case "MAC" -> "MAC address";
                case "SUBNET_IP" -> "subnet and IP address";
                case "HOSTNAME" -> "host name";
                default -> "nothing: first seen as a new host";
            };
        }

        public String seenAgo() {
            return Ago.relative(seenAt, Instant.now());
        }

        public String seenExact() {
            return Ago.exact(seenAt);
        }
    }

    /** A Docker container the daemon found on this host (when the host is the daemon's own machine). */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Container(UUID id, String containerId, @Nullable String name, @Nullable String image, @Nullable String state,
                            List<ContainerPort> ports, List<ContainerNetwork> networks,
                            Instant firstSeen, Instant lastSeen) implements Seen {

        /** The name, else the container id. */
        public String label() {
            return name == null ? containerId : name;
        }

        /** The Bootstrap badge of the state: running green, paused or restarting yellow, the rest grey. */
        public String stateBadge() {
            if (state == null) {
                return "text-bg-secondary";
            }
            return switch (state) {
                case "running" -> "text-bg-success";
                case "paused", "restarting" -> "text-bg-warning";
                case "dead" -> "text-bg-danger";
                default -> "text-bg-secondary";
            };
        }

        /** The ports published on the host (the others are reachable only from the container's networks). */
        public List<ContainerPort> publishedPorts() {
            return ports.stream().filter(p -> p.hostPort() != null).toList();
        }
    }

    /** A container port; {@code hostPort} (and usually {@code hostIp}) null when it is not published on the host. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ContainerPort(int containerPort, String protocol, @Nullable String hostIp, @Nullable Integer hostPort) {

        /** {@code 0.0.0.0:8080→80/tcp}, {@code [::]:8080→80/tcp}, or {@code 80/tcp} when not published. */
        public String label() {
            String inner = containerPort + "/" + protocol;
            if (hostPort == null) {
                return inner;
            }
            String ip = hostIp == null ? "" : hostIp.contains(":") ? "[" + hostIp + "]:" : hostIp + ":";
            return ip + hostPort + "\u2192" + inner;
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ContainerNetwork(String network, @Nullable String ip, @Nullable String mac) {

        /** {@code monitoring 172.20.0.3}, or the network's name alone. */
        public String label() {
            return ip == null ? network : network + " " + ip;
        }
    }

    /** Open ports that no service is bound to: something listens that discovery could not identify. */
    public List<Port> unidentifiedPorts() {
        java.util.Set<UUID> bound = new java.util.HashSet<>();
        services.forEach(s -> s.bindings().forEach(b -> {
            if (b.portId() != null) {
                bound.add(b.portId());
            }
        }));
        return ports.stream().filter(p -> "OPEN".equals(p.state()) && !bound.contains(p.id())).toList();
    }

    /** A service reached through a port and/or on an interface; either side may be absent. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Binding(UUID id, @Nullable UUID portId, @Nullable Integer port, @Nullable String protocol,
                          @Nullable UUID interfaceId, @Nullable String ip) {

        /** "443/TCP on 10.0.0.5", "443/TCP" or "on 10.0.0.5". */
        public String label() {
            String p = port == null ? "" : port + "/" + protocol;
            String on = ip == null ? "" : "on " + ip;
            return (p + " " + on).trim();
        }
    }

    public String sourceLabel() {
        return Host.MANUAL.equals(source) ? "Added manually" : "Discovered";
    }
}
