package io.topograph.discovery;

import io.topograph.changes.ChangeTracking;
import io.topograph.services.CustomDefinitions;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import io.topograph.daemons.api.AuthenticatedDaemon;
import io.topograph.platform.web.ConflictException;
import io.topograph.platform.web.FormErrors;
import io.topograph.platform.web.NotFoundException;
import io.topograph.platform.web.ValidationException;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The daemon's side of a run: claim, progress, complete, fail. The organization and network
 * always come from the daemon's credential. A run that is not of the daemon's network, or is
 * meant for another daemon, answers 404; a run this daemon does not hold as RUNNING answers 409
 * (repeating a complete or fail that already happened answers as the first time).
 */
@Singleton
public class DaemonWorkService {

    static final int MAX_BATCHES = 1_000_000;
    static final int MAX_WARNINGS = 200;
    static final int WARNING_MAX = 1_000;
    static final int REASON_MAX = 2_000;
    static final int MAX_HOSTS_FOUND = 16_777_216;
    /** Every port of a /8 with a retry: far above any real scan, small enough for a bigint. */
    static final long MAX_PORTS_PROBED = 1L << 42;

    private final DiscoveryRunStore runs;
    private final CustomDefinitions definitions;
    private final JsonMapper json;
    private final ChangeTracking changes;
    private final ApplicationEventPublisher<RunSucceeded> succeeded;

    public DaemonWorkService(DiscoveryRunStore runs, CustomDefinitions definitions, JsonMapper json, ChangeTracking changes,
                             ApplicationEventPublisher<RunSucceeded> succeeded) {
        this.runs = runs;
        this.definitions = definitions;
        this.json = json;
        this.changes = changes;
        this.succeeded = succeeded;
    }

    /** The oldest queued run for this daemon, now RUNNING and leased to it; empty when there is no work. */
    @Transactional
    public Optional<DaemonWork.Claimed> claim(AuthenticatedDaemon daemon) {
        // Runs whose lease lapsed are offered again before anything newer.
        runs.sweepNetwork(daemon.organizationId(), daemon.networkId());
        return runs.claim(daemon.organizationId(), daemon.networkId(), daemon.daemonId())
                .map(r -> new DaemonWork.Claimed(r.id(), r.attempt(), r.targets(), r.ports(), r.options(),
                        definitions.forClaim(daemon.organizationId()), DiscoveryRunStore.LEASE_SECONDS));
    }

    /**
     * Records progress and renews the lease; {@code cancel} is true when a person cancelled the run
     * or it timed out.
     */
    @Transactional
    public DaemonWork.ProgressAnswer progress(AuthenticatedDaemon daemon, UUID runId, DaemonWork.Progress body) {
        FormErrors errors = FormErrors.none();
        Optional<RunPhase> phase = RunPhase.parse(body.phase());
        if (phase.isEmpty()) {
            errors.add("phase", "must be one of DISCOVERY, PORT_SCAN, EVIDENCE, REPORTING");
        }
        if (body.percent() == null || body.percent() < 0 || body.percent() > 100) {
            errors.add("percent", "must be a whole number from 0 to 100");
        }
        if (body.hostsFound() != null && (body.hostsFound() < 0 || body.hostsFound() > MAX_HOSTS_FOUND)) {
            errors.add("hostsFound", "must be a whole number from 0 to " + MAX_HOSTS_FOUND);
        }
        if (body.portsProbed() != null && (body.portsProbed() < 0 || body.portsProbed() > MAX_PORTS_PROBED)) {
            errors.add("portsProbed", "must be a whole number from 0 to " + MAX_PORTS_PROBED);
        }
        errors.throwIfAny();
        int hostsFound = body.hostsFound() == null ? 0 : body.hostsFound();
        if (runs.progress(daemon.organizationId(), runId, daemon.daemonId(), phase.get().name(), body.percent(), hostsFound,
                body.portsProbed())) {
            return new DaemonWork.ProgressAnswer(false);
        }
        DiscoveryRun run = visible(daemon, runId);
        // A person cancelled it, or it ran past the maximum duration: the daemon it was leased to stops.
        if (run.state() == RunState.CANCELLED || run.state() == RunState.TIMED_OUT) {
            return new DaemonWork.ProgressAnswer(true);
        }
        throw notHeld(run);
    }

    /** SUCCEEDED once every batch arrived (409 naming the missing ones otherwise), with the run's changes recorded and {@link RunSucceeded} published. */
    @Transactional
    public DaemonWork.StateAnswer complete(AuthenticatedDaemon daemon, UUID runId, DaemonWork.Complete body) {
        FormErrors errors = FormErrors.none();
        if (body.batches() == null || body.batches() < 0 || body.batches() > MAX_BATCHES) {
            errors.add("batches", "must be the number of batches sent, from 0 to " + MAX_BATCHES);
        }
        if (body.stats() != null && !body.stats().isNull() && !body.stats().isObject()) {
            errors.add("stats", "must be an object");
        }
        List<String> warnings = body.warnings() == null ? List.of() : body.warnings();
        if (warnings.size() > MAX_WARNINGS) {
            errors.add("warnings", "at most " + MAX_WARNINGS + " warnings");
        }
        for (int i = 0; i < warnings.size(); i++) {
            if (warnings.get(i) == null || warnings.get(i).length() > WARNING_MAX) {
                errors.add("warnings[" + i + "]", "must be a text of at most " + WARNING_MAX + " characters");
            }
        }
        errors.throwIfAny();
        DiscoveryRun run = runs.lock(daemon.organizationId(), runId).filter(r -> r.offeredTo(daemon.networkId(), daemon.daemonId()))
                .orElseThrow(DaemonWorkService::notFound);
        if (run.state() == RunState.SUCCEEDED && run.heldBy(daemon.daemonId())) {
            return new DaemonWork.StateAnswer(RunState.SUCCEEDED.name());
        }
        if (run.state() != RunState.RUNNING || !run.heldBy(daemon.daemonId())) {
            throw notHeld(run);
        }
        List<Integer> missing = runs.missingBatches(daemon.organizationId(), runId, body.batches());
        if (!missing.isEmpty()) {
            String list = missing.stream().limit(1000).map(String::valueOf).collect(Collectors.joining(", "));
            throw new ConflictException("missing batches: " + list + (missing.size() > 1000 ? ", …" : ""));
        }
        String stats = body.stats() == null || body.stats().isNull() ? null : write(body.stats());
        if (!runs.complete(daemon.organizationId(), runId, daemon.daemonId(), stats, warnings)) {
            throw notHeld(run); // unreachable while the row is locked; kept as a guard
        }
        // Once per run: a repeated completion answered above, before getting here.
        changes.runSucceeded(daemon.organizationId(), runId);
        succeeded.publishEvent(new RunSucceeded(daemon.organizationId(), run.networkId(), runId));
        return new DaemonWork.StateAnswer(RunState.SUCCEEDED.name());
    }

    /** FAILED with the daemon's reason. */
    @Transactional
    public DaemonWork.StateAnswer fail(AuthenticatedDaemon daemon, UUID runId, DaemonWork.Fail body) {
        String reason = body.reason() == null ? "" : body.reason().strip();
        if (reason.isEmpty()) {
            throw ValidationException.of("reason", "must say why the run failed");
        }
        if (reason.length() > REASON_MAX) {
            throw ValidationException.of("reason", "must be at most " + REASON_MAX + " characters");
        }
        DiscoveryRun run = runs.lock(daemon.organizationId(), runId).filter(r -> r.offeredTo(daemon.networkId(), daemon.daemonId()))
                .orElseThrow(DaemonWorkService::notFound);
        if (run.state() == RunState.FAILED && run.heldBy(daemon.daemonId())) {
            return new DaemonWork.StateAnswer(RunState.FAILED.name());
        }
        if (run.state() != RunState.RUNNING || !run.heldBy(daemon.daemonId())) {
            throw notHeld(run);
        }
        runs.fail(daemon.organizationId(), runId, daemon.daemonId(), reason);
        return new DaemonWork.StateAnswer(RunState.FAILED.name());
    }

    /**
     * For the batch endpoint ({@code discovery.ingest}): the run this daemon holds as RUNNING, with
     * its lease renewed (batches renew it like progress does); 404 when the run is not the daemon's
     * to see, 409 when it is no longer active for this daemon.
     */
    @Transactional
    public DiscoveryRun heldRun(AuthenticatedDaemon daemon, UUID runId) {
        if (runs.renewLease(daemon.organizationId(), runId, daemon.daemonId())) {
            return runs.find(daemon.organizationId(), runId).orElseThrow();
        }
        throw notHeld(visible(daemon, runId));
    }

    private DiscoveryRun visible(AuthenticatedDaemon daemon, UUID runId) {
        return runs.find(daemon.organizationId(), runId).filter(r -> r.offeredTo(daemon.networkId(), daemon.daemonId()))
                .orElseThrow(DaemonWorkService::notFound);
    }

    private static NotFoundException notFound() {
        return new NotFoundException("Run not found for this daemon.");
    }

    private static ConflictException notHeld(DiscoveryRun run) {
        return new ConflictException("The run is no longer active for this daemon (it is " + run.state().name()
                + (run.state() == RunState.RUNNING || run.state() == RunState.QUEUED ? " and not held by this daemon" : "") + ").");
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
