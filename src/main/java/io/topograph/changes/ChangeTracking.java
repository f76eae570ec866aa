package io.topograph.changes;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.annotation.Transactional;
import io.topograph.platform.daemonjar.DaemonLibrary;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.UUID;

/**
 * Records what a run changed, when the run completes successfully: called by the run's completion
 * inside its transaction, with the run row locked and just moved to SUCCEEDED, so it happens once
 * per run however often the daemon retries its completion. Batches only record what they saw
 * (host_observations and the inventory's last-seen columns); the comparison with what was known
 * before happens here, all at once, so a failed or cancelled run records no change.
 */
@Singleton
public class ChangeTracking {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeTracking.class);

    private final ChangeStore store;
    private final DaemonLibrary library;
    private final ApplicationEventPublisher<ChangesRecorded> publisher;
    private final int missedRunsBeforeGone;

    public ChangeTracking(ChangeStore store, DaemonLibrary library, ApplicationEventPublisher<ChangesRecorded> publisher,
                          @Value("${topograph.changes.missed-runs-before-gone:3}") int missedRunsBeforeGone) {
        if (missedRunsBeforeGone < 1) {
            throw new IllegalArgumentException("topograph.changes.missed-runs-before-gone must be at least 1");
        }
        this.store = store;
        this.library = library;
        this.publisher = publisher;
        this.missedRunsBeforeGone = missedRunsBeforeGone;
    }

    /** Compares the completed run with what was known, stores the changes and publishes {@link ChangesRecorded}; answers the events. */
    @Transactional
    public List<ChangeEvent> runSucceeded(UUID organizationId, UUID runId) {
        ChangeStore.RunCoverage run = store.run(organizationId, runId)
                .orElseThrow(() -> new IllegalStateException("run " + runId + " not found"));
        // Batches of other runs merging into this network meanwhile would move what is being compared.
        store.lockNetwork(organizationId, run.networkId());
        long t0 = System.nanoTime();
        ChangeDetector.Scope scope = scope(run);
        long t1 = System.nanoTime();
        var seen = store.seenHosts(organizationId, runId, run.startedAt());
        long t2 = System.nanoTime();
        List<ChangeDetector.MissedHost> missed = scope.targets() == null ? List.of() : store.missedHosts(organizationId, run.networkId(), runId);
        long t3 = System.nanoTime();
        var ports = store.ports(organizationId, runId, run.startedAt());
        long t4 = System.nanoTime();
        var services = store.services(organizationId, runId, run.startedAt());
        long t5 = System.nanoTime();
        ChangeDetector.Outcome outcome = ChangeDetector.detect(scope, seen, missed, ports, services);
        long t6 = System.nanoTime();
        store.updateHosts(organizationId, outcome.hosts());
        long t7 = System.nanoTime();
        store.updatePorts(organizationId, outcome.ports());
        store.updateServices(organizationId, outcome.services());
        long t8 = System.nanoTime();
        if (LOG.isDebugEnabled()) {
            LOG.debug("run {}: scope {} ms, seen {} ({} ms), missed {} ({} ms), ports {} ({} ms), services {} ({} ms), detect {} ms,"
                            + " hosts written {} ({} ms), presence written {} ms", runId, ms(t0, t1), seen.size(), ms(t1, t2), missed.size(),
                    ms(t2, t3), ports.size(), ms(t3, t4), services.size(), ms(t4, t5), ms(t5, t6), outcome.hosts().size(), ms(t6, t7),
                    ms(t7, t8));
        }
        // Microseconds, as PostgreSQL stores them, so the published events equal the stored rows.
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<ChangeEvent> events = new ArrayList<>(outcome.changes().size());
        for (ChangeDetector.Change c : outcome.changes()) {
            events.add(new ChangeEvent(UUID.randomUUID(), organizationId, run.networkId(), runId, c.hostId(), c.kind(), c.hostName(),
                    c.subject(), c.before(), c.after(), now, null));
        }
        store.insertEvents(events);
        if (!events.isEmpty()) {
            publisher.publishEvent(new ChangesRecorded(organizationId, run.networkId(), runId, events));
        }
        return events;
    }

    private static long ms(long from, long to) {
        return (to - from) / 1_000_000;
    }

    /** The run's ports and targets expanded by the daemon's own parsers; what cannot be expanded counts as not covered. */
    private ChangeDetector.Scope scope(ChangeStore.RunCoverage run) {
        BitSet tcp = new BitSet(65536);
        BitSet udp = new BitSet(65536);
        try {
            int[][] ports = library.scannedPorts(run.ports(), run.printerPorts(), run.udp());
            Arrays.stream(ports[0]).forEach(tcp::set);
            Arrays.stream(ports[1]).forEach(udp::set);
        } catch (RuntimeException e) {
            LOG.warn("The ports of a run ({}) could not be expanded; no port or service counts as closed: {}", run.ports(), e.getMessage());
        }
        AddressRanges targets = null;
        if (!run.targets().isEmpty()) {
            try {
                targets = AddressRanges.of(Arrays.asList(library.targetRanges(String.join(",", run.targets()))));
            } catch (RuntimeException e) {
                LOG.warn("The targets of a run could not be expanded; no host counts as missed: {}", e.getMessage());
            }
        }
        return new ChangeDetector.Scope(tcp, udp, targets, missedRunsBeforeGone);
    }
}
