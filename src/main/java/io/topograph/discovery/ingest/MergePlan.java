package io.topograph.discovery.ingest;

import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * What a batch changes, once every reported host has its {@link IdentityMatcher.Match}: rows to
 * insert or update, one per key, so that the set-based statements never touch a row twice.
 * Several reported hosts may be one host (two addresses of one device): their interfaces add
 * up, a port seen twice is one port (open wins, the first banner wins), a service seen twice is
 * one service (the higher confidence wins). A service whose port is not in the host's port list
 * still gets its port (open, no banner). Pure logic.
 */
record MergePlan(List<NewHost> newHosts, List<SeenHost> seenHosts, List<InterfaceRow> interfaces, List<PortRow> ports,
                 List<ServiceRow> services, List<BindingRow> bindings, List<Observation> observations,
                 List<ContainerRow> containers) {

    /** A host seen for the first time; its name is the host name, else the address. */
    record NewHost(UUID id, String name, @Nullable String hostname, @Nullable String os) {
    }

    /** A known host seen again, with what the daemon says about it now (applied unless a person edited it). */
    record SeenHost(UUID id, @Nullable String hostname, @Nullable String os) {
    }

    record InterfaceRow(UUID hostId, @Nullable UUID subnetId, String ip, @Nullable String mac, @Nullable String vendor) {
    }

    record PortRow(UUID hostId, int number, String protocol, String state, @Nullable String banner) {
    }

    record ServiceRow(UUID hostId, Batch.Service service) {
    }

    /** The service (by its {@code match_key}) reached through a port on the interface with {@code ip}. */
    record BindingRow(UUID hostId, String matchKey, int port, String protocol, String ip) {
    }

    /** The first sighting of a host in the batch: where, how it was matched, and the MAC and host name reported with it. */
    record Observation(UUID hostId, String ip, MatchRule rule, String detail, @Nullable String mac, @Nullable String hostname) {
    }

    /** A Docker container on a host, by (host, container id): the first report of it in the batch wins. */
    record ContainerRow(UUID hostId, Batch.Container container) {
    }

    /** A reported host with its decision. */
    record Matched(Batch.Host host, IdentityMatcher.Match match) {
    }

    /**
     * The plan for {@code matched}; {@code matchKey} gives a service's identity on its host, the
     * {@code services.match_key} column (its definition id, else {@code name:} and its lower-cased
     * name as the database lower-cases it).
     */
    static MergePlan of(List<Matched> matched, Function<Batch.Service, String> matchKey) {
        Map<UUID, NewHost> created = new LinkedHashMap<>();
        Map<UUID, SeenHost> seen = new LinkedHashMap<>();
        Map<String, InterfaceRow> interfaces = new LinkedHashMap<>();
        Map<String, PortRow> ports = new LinkedHashMap<>();
        Map<String, ServiceRow> services = new LinkedHashMap<>();
        Set<BindingRow> bindings = new LinkedHashSet<>();
        Map<UUID, Observation> observations = new LinkedHashMap<>();
        Map<String, ContainerRow> containers = new LinkedHashMap<>();
        for (Matched m : matched) {
            Batch.Host h = m.host();
            UUID id = m.match().hostId();
            if (m.match().created() || created.containsKey(id)) {
                NewHost before = created.get(id);
                String hostname = before != null && before.hostname() != null ? before.hostname() : h.hostname();
                String os = before != null && before.os() != null ? before.os() : h.os();
                String name = hostname != null ? hostname : before != null ? before.name() : h.ip();
                created.put(id, new NewHost(id, name, hostname, os));
            } else {
                SeenHost before = seen.get(id);
                seen.put(id, new SeenHost(id, before != null && before.hostname() != null ? before.hostname() : h.hostname(),
                        before != null && before.os() != null ? before.os() : h.os()));
            }
            interfaces.merge(id + "|" + h.address(), new InterfaceRow(id, m.match().subnetId(), h.ip(), h.mac(), h.vendor()),
                    (a, b) -> a);
            for (Batch.Port p : h.ports()) {
                ports.merge(portKey(id, p.protocol(), p.number()), new PortRow(id, p.number(), p.protocol(), p.state(), p.banner()),
                        MergePlan::mergePorts);
            }
            for (Batch.Service s : h.services()) {
                ports.putIfAbsent(portKey(id, s.protocol(), s.port()), new PortRow(id, s.port(), s.protocol(), "OPEN", null));
                String key = matchKey.apply(s);
                services.merge(id + "|" + key + "|" + s.protocol() + "|" + s.port(), new ServiceRow(id, s),
                        (a, b) -> b.service().confidence() > a.service().confidence() ? b : a);
                bindings.add(new BindingRow(id, key, s.port(), s.protocol(), h.ip()));
            }
            // The first sighting's address and match; its MAC and host name, else those of a later sighting of the same host.
            observations.merge(id, new Observation(id, h.ip(), m.match().rule(), m.match().detail(), h.mac(), h.hostname()),
                    (a, b) -> new Observation(a.hostId(), a.ip(), a.rule(), a.detail(), a.mac() != null ? a.mac() : b.mac(),
                            a.hostname() != null ? a.hostname() : b.hostname()));
            if (h.docker() != null) {
                for (Batch.Container c : h.docker().containers()) {
                    containers.putIfAbsent(id + "|" + c.id(), new ContainerRow(id, c));
                }
            }
        }
        return new MergePlan(List.copyOf(created.values()), List.copyOf(seen.values()), List.copyOf(interfaces.values()),
                List.copyOf(ports.values()), List.copyOf(services.values()), new ArrayList<>(bindings),
                List.copyOf(observations.values()), List.copyOf(containers.values()));
    }

    private static String portKey(UUID hostId, String protocol, int number) {
        return hostId + "|" + protocol + "|" + number;
    }

    private static PortRow mergePorts(PortRow a, PortRow b) {
        String state = "OPEN".equals(a.state()) || "OPEN".equals(b.state()) ? "OPEN" : a.state();
        return new PortRow(a.hostId(), a.number(), a.protocol(), state, a.banner() != null ? a.banner() : b.banner());
    }
}
