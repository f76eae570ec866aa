package io.topograph.discovery.definitions;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import io.topograph.discovery.DiscoveryRun;
import io.topograph.discovery.DiscoveryRunStore;
import io.topograph.networks.Network;
import io.topograph.networks.NetworkService;
import io.topograph.platform.daemonjar.DaemonLibrary;
import io.topograph.platform.scheduling.ScheduleSpec;
import io.topograph.platform.scheduling.Schedules;
import io.topograph.platform.tenancy.CurrentMember;
import io.topograph.platform.web.ConflictException;
import io.topograph.platform.web.FormErrors;
import io.topograph.platform.web.NotFoundException;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Discovery definitions as people use them, and what a fired schedule does. A definition is
 * reached through its network (404 when the member may not see it, or it is of another network
 * or organization); writing needs a role that writes (403). Every save, enable, disable and
 * delete changes the definition's Quartz trigger in the same transaction.
 */
@Singleton
public class DefinitionService {

    public static final String TRIGGER_MANUAL = "MANUAL";
    public static final String TRIGGER_API = "API";
    public static final String TRIGGER_SCHEDULED = "SCHEDULED";

    private final DefinitionStore store;
    private final DefinitionRuns definitionRuns;
    private final DiscoveryRunStore runs;
    private final NetworkService networks;
    private final DaemonLibrary rules;
    private final Schedules schedules;

    public DefinitionService(DefinitionStore store, DefinitionRuns definitionRuns, DiscoveryRunStore runs, NetworkService networks,
                             DaemonLibrary rules, Schedules schedules) {
        this.store = store;
        this.definitionRuns = definitionRuns;
        this.runs = runs;
        this.networks = networks;
        this.rules = rules;
        this.schedules = schedules;
    }

    /** A definition with its next scheduled fire (empty when it does not fire by itself). */
    public record Listed(Definition definition, @Nullable Instant nextRunAt) {
    }

    @Transactional(readOnly = true)
    public Network network(CurrentMember member, UUID networkId) {
        return networks.findVisible(member, networkId);
    }

    @Transactional(readOnly = true)
    public List<Listed> list(CurrentMember member, UUID networkId) {
        networks.findVisible(member, networkId);
        return store.listByNetwork(member.organizationId(), networkId).stream().map(this::listed).toList();
    }

    @Transactional(readOnly = true)
    public Listed get(CurrentMember member, UUID networkId, UUID id) {
        return listed(find(member, networkId, id));
    }

    /** The daemons the form offers (the network must be visible). */
    @Transactional(readOnly = true)
    public List<DiscoveryRunStore.DaemonChoice> daemons(CurrentMember member, UUID networkId) {
        networks.findVisible(member, networkId);
        return runs.daemons(member.organizationId(), networkId);
    }

    @Transactional
    public Definition create(CurrentMember member, UUID networkId, DefinitionInput input) {
        networks.findVisible(member, networkId);
        member.requireWrite();
        DefinitionStore.Row row = checked(member, networkId, input);
        UUID id = UUID.randomUUID();
        store.insert(member.organizationId(), id, networkId, row, false, member.userId());
        Definition saved = store.find(member.organizationId(), id).orElseThrow();
        syncTrigger(saved, null);
        return saved;
    }

    @Transactional
    public Definition update(CurrentMember member, UUID networkId, UUID id, DefinitionInput input) {
        Definition before = find(member, networkId, id);
        member.requireWrite();
        DefinitionStore.Row row = checked(member, networkId, input);
        store.update(member.organizationId(), id, row);
        Definition saved = store.find(member.organizationId(), id).orElseThrow();
        syncTrigger(saved, before);
        return saved;
    }

    @Transactional
    public Definition setEnabled(CurrentMember member, UUID networkId, UUID id, boolean enabled) {
        Definition before = find(member, networkId, id);
        member.requireWrite();
        store.setEnabled(member.organizationId(), id, enabled);
        Definition saved = store.find(member.organizationId(), id).orElseThrow();
        syncTrigger(saved, before);
        return saved;
    }

    @Transactional
    public Definition delete(CurrentMember member, UUID networkId, UUID id) {
        Definition d = find(member, networkId, id);
        member.requireWrite();
        store.delete(member.organizationId(), id);
        schedules.remove(member.organizationId(), id);
        return d;
    }

    /** Queues a run of the definition now (enabled or not); 409 with the reason when it cannot run. */
    @Transactional
    public DiscoveryRun runNow(CurrentMember member, UUID networkId, UUID id, String trigger) {
        Definition d = find(member, networkId, id);
        member.requireWrite();
        Plan plan = plan(d);
        if (plan.skipReason() != null) {
            throw new ConflictException(plan.skipReason());
        }
        UUID runId = definitionRuns.insert(d, plan.daemonId(), plan.targets(), trigger, member.userId(), null).orElseThrow();
        return runs.find(member.organizationId(), runId).orElseThrow();
    }

    /**
     * A fired trigger: queues one run for this scheduled fire time (a repeat of the same fire does
     * nothing), or records why it queued none. A trigger whose definition is gone, disabled or
     * manual is removed.
     */
    @Transactional
    public Optional<UUID> fire(UUID organizationId, UUID id, Instant scheduledFor) {
        Optional<Definition> found = store.findForFire(organizationId, id);
        if (found.isEmpty() || !found.get().scheduled()) {
            schedules.remove(organizationId, id);
            return Optional.empty();
        }
        Definition d = found.get();
        Plan plan = plan(d);
        if (plan.skipReason() != null) {
            store.skipped(organizationId, id, plan.skipReason());
            return Optional.empty();
        }
        if (d.lastSkipReason() != null) {
            store.clearSkip(organizationId, id);
        }
        return definitionRuns.insert(d, plan.daemonId(), plan.targets(), TRIGGER_SCHEDULED, null, scheduledFor);
    }

    /**
     * The default definition of a newly enrolled daemon: its own subnets (or, for the integrated
     * daemon, {@code integratedTargets}), the top 100 ports, weekly at a night-time minute derived
     * from the daemon id so that thousands of daemons do not fire together.
     */
    @Transactional
    public UUID createDefault(UUID organizationId, UUID networkId, UUID daemonId, String daemonName, boolean integrated,
                              List<String> integratedTargets) {
        UUID id = UUID.randomUUID();
        String cron = DefaultSchedule.weeklyFor(daemonId);
        String name = ("Weekly: " + daemonName);
        store.insert(organizationId, id, networkId, new DefinitionStore.Row(
                name.length() > DefinitionInput.NAME_MAX ? name.substring(0, DefinitionInput.NAME_MAX) : name, true, daemonId, daemonName,
                integrated ? integratedTargets : List.of(), List.of(), "top100", io.topograph.discovery.RunOptions.defaults(),
                Definition.ScheduleKind.CRON, cron, "UTC", null, true), true, null);
        syncTrigger(store.find(organizationId, id).orElseThrow(), null);
        return id;
    }

    // ---- internals ---------------------------------------------------------------------------

    /** What a run of the definition would be: a daemon (null = any) and targets, or why there is none. */
    record Plan(@Nullable UUID daemonId, List<String> targets, @Nullable String skipReason) {
        static Plan skip(String reason) {
            return new Plan(null, List.of(), reason);
        }
    }

    Plan plan(Definition d) {
        if (d.daemonDeleted()) {
            return Plan.skip("Its daemon “" + Objects.requireNonNullElse(d.daemonName(), "?")
                    + "” was deleted: edit the definition and choose another daemon, or any daemon.");
        }
        DiscoveryRunStore.Queueing network = runs.queueing(d.organizationId(), d.networkId());
        if (network.sample()) {
            return Plan.skip(DiscoveryRunStore.SAMPLE_NETWORK);
        }
        List<DiscoveryRunStore.DaemonChoice> daemons = network.daemons();
        List<DiscoveryRunStore.DaemonChoice> chosen;
        if (d.daemonPinned()) {
            chosen = daemons.stream().filter(x -> x.id().equals(d.daemonId())).toList();
            if (!chosen.isEmpty() && chosen.get(0).disabled()) {
                return Plan.skip("Its daemon “" + chosen.get(0).name() + "” is disabled: enable it, or choose another daemon.");
            }
        } else {
            chosen = daemons.stream().filter(x -> !x.disabled()).toList();
            if (chosen.isEmpty()) {
                return Plan.skip("This network has no enabled daemon: add or enable one.");
            }
        }
        List<String> targets = d.targets();
        if (targets.isEmpty()) {
            targets = chosen.stream().flatMap(x -> x.subnets().stream()).distinct().toList();
            if (targets.isEmpty()) {
                return Plan.skip("No subnets are known for " + (d.daemonPinned() ? "its daemon" : "the network's daemons")
                        + " yet (a daemon reports them with its heartbeat): enter targets, or wait for a heartbeat.");
            }
        }
        List<String> remaining = TargetRanges.subtract(targets, d.exclude());
        if (remaining.isEmpty()) {
            return Plan.skip("The exclusions cover every target: nothing to scan.");
        }
        return new Plan(d.daemonPinned() ? d.daemonId() : null, remaining, null);
    }

    private DefinitionStore.Row checked(CurrentMember member, UUID networkId, DefinitionInput input) {
        FormErrors errors = FormErrors.none();
        Optional<DefinitionStore.Row> row = input.check(rules, errors, runs.daemons(member.organizationId(), networkId));
        errors.throwIfAny();
        return row.orElseThrow();
    }

    private Definition find(CurrentMember member, UUID networkId, UUID id) {
        networks.findVisible(member, networkId);
        return store.find(member.organizationId(), id).filter(d -> d.networkId().equals(networkId))
                .orElseThrow(() -> new NotFoundException("Discovery definition not found"));
    }

    private Listed listed(Definition d) {
        return new Listed(d, d.scheduled() ? schedules.nextFire(d.organizationId(), d.id()).orElse(null) : null);
    }

    /** Creates, replaces or removes the trigger so it matches the saved definition. */
    private void syncTrigger(Definition now, @Nullable Definition before) {
        if (!now.scheduled()) {
            schedules.remove(now.organizationId(), now.id());
            return;
        }
        boolean same = before != null && before.scheduled() && before.kind() == now.kind() && Objects.equals(before.cron(), now.cron())
                && Objects.equals(before.timezone(), now.timezone()) && Objects.equals(before.intervalSeconds(), now.intervalSeconds())
                && schedules.exists(now.organizationId(), now.id());
        if (same) {
            return; // an interval keeps its rhythm when only targets or the name change
        }
        schedules.put(now.organizationId(), now.id(), spec(now, Instant.now()));
    }

    static ScheduleSpec spec(Definition d, Instant now) {
        if (d.kind() == Definition.ScheduleKind.CRON) {
            return new ScheduleSpec.Cron(CronText.toQuartz(d.cron()), ZoneId.of(d.timezone()));
        }
        Duration every = Duration.ofSeconds(d.intervalSeconds());
        return new ScheduleSpec.Every(every, now.plus(every));
    }
}
