package io.topograph.changes;

import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Decides what a successfully completed run changed, from plain records: the hosts it saw (with
 * what was known of them before), the ports and services of those hosts, and the online hosts
 * it did not see. Pure logic; {@link ChangeStore} loads the records and writes the outcome.
 *
 * <p>Rules. A host seen that was not online before (new, never judged, or offline) appeared. A
 * host seen that was known changed when its address (the old one no longer seen by the run), MAC
 * or host name differs from the values known from the last run that saw it. On hosts seen, a port
 * open now and not before opened; a port open before that the run scanned and did not find open
 * closed; likewise a service appeared or disappeared (a service counts as gone only when the run
 * scanned its port). A host appearing for the first time reports no port or service events (they
 * are part of its appearance). An online host not seen by a run whose targets cover one of its
 * addresses misses that run; after {@code missedRunsBeforeGone} missed runs in a row it
 * disappeared. A run whose targets are unknown counts against no host.
 */
public final class ChangeDetector {

    /**
     * What the run covered: the TCP and UDP ports it scanned, and the addresses of its targets
     * (null when unknown: then no host misses the run).
     */
    public record Scope(BitSet tcpPorts, BitSet udpPorts, @Nullable AddressRanges targets, int missedRunsBeforeGone) {
        public Scope {
            if (missedRunsBeforeGone < 1) {
                throw new IllegalArgumentException("missedRunsBeforeGone must be at least 1");
            }
        }

        boolean scanned(String protocol, int port) {
            return "UDP".equals(protocol) ? udpPorts.get(port) : "TCP".equals(protocol) && tcpPorts.get(port);
        }
    }

    /**
     * A host the run saw: its state before the run ({@code online}: null never judged, and the
     * {@code known*} values) and what the run saw ({@code ip}, {@code mac}, {@code hostname});
     * {@code knownIpSeen} is true when the run saw the host at its known address too.
     */
    public record SeenHost(UUID id, String name, @Nullable Boolean online, int missedRuns, @Nullable String knownIp,
                           @Nullable String knownMac, @Nullable String knownHostname, boolean knownIpSeen,
                           String ip, @Nullable String mac, @Nullable String hostname) {
    }

    /** An online host the run did not see, with all its addresses. */
    public record MissedHost(UUID id, String name, int missedRuns, List<String> addresses) {
    }

    /** A port of a host the run saw: {@code present} before the run (null never judged), {@code openInRun} what the run found. */
    public record Port(UUID id, UUID hostId, int number, String protocol, @Nullable Boolean present, boolean openInRun) {
    }

    /** A service (on a port) of a host the run saw: {@code present} before the run, {@code seenInRun} whether the run identified it. */
    public record Service(UUID id, UUID hostId, String name, int port, String protocol, @Nullable Boolean present, boolean seenInRun) {
    }

    /** One change to record. */
    public record Change(UUID hostId, ChangeKind kind, String hostName, String subject, @Nullable String before, @Nullable String after) {
    }

    /** The state a host has after the run, written only when it differs from before. */
    public record HostState(UUID id, boolean online, int missedRuns, @Nullable String knownIp, @Nullable String knownMac,
                            @Nullable String knownHostname) {
    }

    /** The changes, in the order they read best, and the state to write back (only rows whose state differs). */
    public record Outcome(List<Change> changes, List<HostState> hosts, Map<UUID, Boolean> ports, Map<UUID, Boolean> services) {
    }

    private ChangeDetector() {
    }

    public static Outcome detect(Scope scope, List<SeenHost> seen, List<MissedHost> missed, List<Port> ports, List<Service> services) {
        List<Change> changes = new ArrayList<>();
        List<HostState> hostStates = new ArrayList<>();
        Map<UUID, Boolean> portStates = new LinkedHashMap<>();
        Map<UUID, Boolean> serviceStates = new LinkedHashMap<>();

        Map<UUID, List<Port>> portsByHost = new HashMap<>();
        ports.forEach(p -> portsByHost.computeIfAbsent(p.hostId(), k -> new ArrayList<>()).add(p));
        Map<UUID, List<Service>> servicesByHost = new HashMap<>();
        services.forEach(s -> servicesByHost.computeIfAbsent(s.hostId(), k -> new ArrayList<>()).add(s));

        for (SeenHost h : seen) {
            boolean firstSighting = h.online() == null;
            if (!Boolean.TRUE.equals(h.online())) {
                changes.add(new Change(h.id(), ChangeKind.HOST_APPEARED, h.name(), h.ip(), null, h.ip()));
            }
            String knownIp = h.knownIp();
            if (knownIp != null && !knownIp.equals(h.ip()) && !h.knownIpSeen()) {
                changes.add(new Change(h.id(), ChangeKind.HOST_CHANGED, h.name(), "IP address", knownIp, h.ip()));
                knownIp = h.ip();
            } else if (knownIp == null) {
                knownIp = h.ip();
            }
            String knownMac = h.knownMac();
            if (h.mac() != null) {
                if (knownMac != null && !knownMac.equalsIgnoreCase(h.mac())) {
                    changes.add(new Change(h.id(), ChangeKind.HOST_CHANGED, h.name(), "MAC address", knownMac, h.mac()));
                }
                knownMac = h.mac().toLowerCase(Locale.ROOT);
            }
            String knownHostname = h.knownHostname();
            if (h.hostname() != null) {
                if (knownHostname != null && !knownHostname.equalsIgnoreCase(h.hostname())) {
                    changes.add(new Change(h.id(), ChangeKind.HOST_CHANGED, h.name(), "Name", knownHostname, h.hostname()));
                }
                knownHostname = h.hostname();
            }
            HostState after = new HostState(h.id(), true, 0, knownIp, knownMac, knownHostname);
            if (!after.equals(new HostState(h.id(), Boolean.TRUE.equals(h.online()), h.missedRuns(), h.knownIp(), h.knownMac(),
                    h.knownHostname()))) {
                hostStates.add(after);
            }

            List<Port> hostPorts = new ArrayList<>(portsByHost.getOrDefault(h.id(), List.of()));
            hostPorts.sort(Comparator.comparing(Port::protocol).thenComparingInt(Port::number));
            for (Port p : hostPorts) {
                String subject = p.number() + "/" + p.protocol().toLowerCase(Locale.ROOT);
                if (p.openInRun()) {
                    if (!Boolean.TRUE.equals(p.present())) {
                        if (!firstSighting) {
                            changes.add(new Change(h.id(), ChangeKind.PORT_OPENED, h.name(), subject, null, "open"));
                        }
                        portStates.put(p.id(), true);
                    }
                } else if (Boolean.TRUE.equals(p.present()) && scope.scanned(p.protocol(), p.number())) {
                    changes.add(new Change(h.id(), ChangeKind.PORT_CLOSED, h.name(), subject, "open", null));
                    portStates.put(p.id(), false);
                }
            }
            List<Service> hostServices = new ArrayList<>(servicesByHost.getOrDefault(h.id(), List.of()));
            hostServices.sort(Comparator.comparing(Service::protocol).thenComparingInt(Service::port).thenComparing(Service::name));
            for (Service s : hostServices) {
                String where = s.port() + "/" + s.protocol().toLowerCase(Locale.ROOT);
                if (s.seenInRun()) {
                    if (!Boolean.TRUE.equals(s.present())) {
                        if (!firstSighting) {
                            changes.add(new Change(h.id(), ChangeKind.SERVICE_APPEARED, h.name(), s.name(), null, where));
                        }
                        serviceStates.put(s.id(), true);
                    }
                } else if (Boolean.TRUE.equals(s.present()) && scope.scanned(s.protocol(), s.port())) {
                    changes.add(new Change(h.id(), ChangeKind.SERVICE_DISAPPEARED, h.name(), s.name(), where, null));
                    serviceStates.put(s.id(), false);
                }
            }
        }

        if (scope.targets() != null) {
            for (MissedHost m : missed) {
                if (m.addresses().stream().noneMatch(Objects.requireNonNull(scope.targets())::contains)) {
                    continue;
                }
                int missedRuns = m.missedRuns() + 1;
                boolean gone = missedRuns >= scope.missedRunsBeforeGone();
                if (gone) {
                    String address = m.addresses().isEmpty() ? "" : m.addresses().get(0);
                    changes.add(new Change(m.id(), ChangeKind.HOST_DISAPPEARED, m.name(), address, address, null));
                }
                hostStates.add(new HostState(m.id(), !gone, missedRuns, null, null, null));
            }
        }
        return new Outcome(List.copyOf(changes), List.copyOf(hostStates), portStates, serviceStates);
    }
}
