package io.topograph.discovery.ingest;

import io.micronaut.transaction.annotation.Transactional;
import io.topograph.daemons.api.AuthenticatedDaemon;
import io.topograph.platform.web.ConflictException;
import io.topograph.platform.web.NotFoundException;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Receives one result batch of a run and merges it into the inventory of the daemon's network,
 * all in one transaction: the run is checked and locked, the body checked completely, (run, seq)
 * recorded with the body's hash (a resent batch stops there), the hosts matched and the plan
 * written, and the run's lease renewed. Any failure rolls everything back.
 */
@Singleton
public class BatchIngestService {

    static final String RUNNING = "RUNNING";

    private final IngestStore store;

    public BatchIngestService(IngestStore store) {
        this.store = store;
    }

    @Transactional
    public BatchAnswer receive(AuthenticatedDaemon daemon, UUID runId, int seq, byte[] body) {
        UUID org = daemon.organizationId();
        IngestStore.Run run = store.lockRun(org, daemon.networkId(), runId).orElseThrow(BatchIngestService::runNotFound);
        boolean othersRun = (run.daemonId() != null && !run.daemonId().equals(daemon.daemonId()))
                || (run.claimedBy() != null && !run.claimedBy().equals(daemon.daemonId()));
        if (othersRun) {
            throw runNotFound();
        }
        if (!RUNNING.equals(run.state()) || run.claimedBy() == null) {
            throw new ConflictException("The run is no longer active (" + run.state().toLowerCase() + "); drop it.");
        }
        Batch batch = BatchParser.parse(body);
        Optional<IngestStore.StoredBatch> before = store.recordBatch(org, runId, seq, batch.sha256(), batch.hosts().size());
        if (before.isPresent()) {
            if (!Arrays.equals(before.get().sha256(), batch.sha256())) {
                throw new ConflictException("Batch " + seq + " of this run was already received with a different body.");
            }
            store.renewLease(org, runId);
            return new BatchAnswer(true, true, before.get().hosts());
        }
        merge(daemon, runId, batch);
        store.renewLease(org, runId);
        return new BatchAnswer(true, false, batch.hosts().size());
    }

    private void merge(AuthenticatedDaemon daemon, UUID runId, Batch batch) {
        if (batch.hosts().isEmpty()) {
            return;
        }
        UUID org = daemon.organizationId();
        UUID network = daemon.networkId();
        store.lockNetwork(org, network);
        Set<String> ips = new LinkedHashSet<>();
        Set<String> macs = new LinkedHashSet<>();
        Set<String> names = new LinkedHashSet<>();
        for (Batch.Host h : batch.hosts()) {
            ips.add(h.ip());
            if (h.mac() != null) {
                macs.add(h.mac());
            }
            if (h.hostname() != null && IdentityMatcher.identifies(h.hostname())) {
                String key = IdentityMatcher.nameKey(h.hostname());
                names.add(key);
                names.add(key + ".");
            }
        }
        IdentityMatcher matcher = new IdentityMatcher(store.subnets(org, network), store.interfaces(org, network, ips, macs),
                store.hostsNamed(org, network, names));
        Instant now = Instant.now();
        List<MergePlan.Matched> matched = new ArrayList<>(batch.hosts().size());
        for (Batch.Host h : batch.hosts()) {
            matched.add(new MergePlan.Matched(h, matcher.match(h, UUID::randomUUID, now)));
        }
        Set<String> serviceNames = new LinkedHashSet<>();
        batch.hosts().forEach(h -> h.services().stream().filter(s -> s.definitionId() == null).forEach(s -> serviceNames.add(s.name())));
        Map<String, String> nameKeys = store.nameKeys(serviceNames);
        MergePlan plan = MergePlan.of(matched, s -> s.definitionId() != null ? s.definitionId() : nameKeys.get(s.name()));
        store.insertHosts(org, network, runId, daemon.daemonId(), plan.newHosts());
        store.updateHosts(org, runId, daemon.daemonId(), plan.seenHosts());
        Map<String, UUID> interfaces = store.upsertInterfaces(org, plan.interfaces());
        Map<String, UUID> ports = store.upsertPorts(org, runId, daemon.daemonId(), plan.ports());
        Map<String, UUID> services = store.upsertServices(org, runId, daemon.daemonId(), plan.services());
        store.insertBindings(org, resolve(plan.bindings(), interfaces, ports, services));
        store.insertObservations(org, runId, daemon.daemonId(), plan.observations());
        store.upsertContainers(org, runId, plan.containers());
    }

    /** The ids of each binding's rows, from what the upserts answered (all written just before, in this transaction). */
    private static List<IngestStore.ResolvedBinding> resolve(List<MergePlan.BindingRow> rows, Map<String, UUID> interfaces,
                                                             Map<String, UUID> ports, Map<String, UUID> services) {
        List<IngestStore.ResolvedBinding> out = new ArrayList<>(rows.size());
        for (MergePlan.BindingRow b : rows) {
            UUID service = services.get(IngestStore.serviceKey(b.hostId(), b.matchKey(), b.protocol(), b.port()));
            UUID port = ports.get(IngestStore.portKey(b.hostId(), b.protocol(), b.port()));
            UUID iface = interfaces.get(IngestStore.interfaceKey(b.hostId(), b.ip()));
            if (service == null || port == null || iface == null) {
                throw new IllegalStateException("A binding's rows were not written: " + b);
            }
            out.add(new IngestStore.ResolvedBinding(service, port, iface));
        }
        return out;
    }

    private static NotFoundException runNotFound() {
        return new NotFoundException("Run not found for this daemon.");
    }
}
