package io.topograph.discovery;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.transaction.annotation.Transactional;
import io.topograph.hosts.HostDetail;
import io.topograph.hosts.HostService;
import io.topograph.networks.Network;
import io.topograph.networks.NetworkService;
import io.topograph.platform.daemonjar.DaemonLibrary;
import io.topograph.platform.tenancy.CurrentMember;
import io.topograph.platform.web.ConflictException;
import io.topograph.platform.web.FormErrors;
import io.topograph.platform.web.NotFoundException;
import io.topograph.platform.web.Paging;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Discovery runs as people use them: queue a scan of a network or a host, follow it, cancel
 * it. Runs are reached through the member's organization and must belong to a network the
 * member may see (else 404); queueing and cancelling need a role that writes (else 403).
 */
@Singleton
public class DiscoveryService {

    public static final String TRIGGER_MANUAL = "MANUAL";
    public static final String TRIGGER_API = "API";
    /** "Scan now" on a host scans its addresses with this profile. */
    public static final String HOST_PORTS = "top1000";

    private final DiscoveryRunStore runs;
    private final NetworkService networks;
    private final HostService hosts;
    private final DaemonLibrary rules;
    private final JsonMapper json;

    public DiscoveryService(DiscoveryRunStore runs, NetworkService networks, HostService hosts, DaemonLibrary rules, JsonMapper json) {
        this.runs = runs;
        this.networks = networks;
        this.hosts = hosts;
        this.rules = rules;
        this.json = json;
    }

    /**
     * Queues a scan of a network. Everything is checked before the one insert: the network (404),
     * the role (403), that it is not a sample network and has a daemon (409), the daemon, targets and ports (422).
     */
    @Transactional
    public DiscoveryRun queue(CurrentMember member, UUID networkId, DiscoveryForm form, String trigger) {
        networks.findVisible(member, networkId);
        member.requireWrite();
        UUID org = member.organizationId();
        requireScannable(org, networkId);
        List<DiscoveryRunStore.DaemonChoice> daemons = requireDaemons(org, networkId);
        FormErrors errors = FormErrors.none();
        Optional<UUID> daemonId = form.daemon(errors);
        List<DiscoveryRunStore.DaemonChoice> chosen = daemons.stream().filter(d -> !d.disabled()).toList();
        if (daemonId.isPresent()) {
            Optional<DiscoveryRunStore.DaemonChoice> one = daemons.stream().filter(d -> d.id().equals(daemonId.get())).findFirst();
            if (one.isEmpty()) {
                errors.add("daemonId", "Choose one of this network's daemons, or any daemon.");
            } else if (one.get().disabled()) {
                errors.add("daemonId", "The daemon “" + one.get().name() + "” is disabled: enable it or choose another one.");
            }
            chosen = one.stream().toList();
        }
        List<String> subnets = chosen.stream().flatMap(d -> d.subnets().stream()).distinct().toList();
        Optional<DiscoveryForm.Checked> checked = form.check(rules, errors, subnets);
        errors.throwIfAny();
        UUID id = runs.insert(new DiscoveryRunStore.NewRun(org, networkId, daemonId.orElse(null), null, member.userId(), trigger,
                checked.orElseThrow().targets(), checked.get().ports(), RunOptions.defaults()));
        return runs.find(org, id).orElseThrow();
    }

    /** "Scan now" on a host: its interface addresses, the top 1000 ports. 422 when it has no address. */
    @Transactional
    public DiscoveryRun queueForHost(CurrentMember member, UUID hostId) {
        HostDetail host = hosts.detail(member, hostId);
        member.requireWrite();
        UUID org = member.organizationId();
        List<String> ips = host.interfaces().stream().map(HostDetail.Interface::ip).filter(Objects::nonNull).distinct().toList();
        requireScannable(org, host.networkId());
        requireDaemons(org, host.networkId());
        FormErrors errors = FormErrors.none();
        if (ips.isEmpty()) {
            errors.add("targets", "This host has no IP address to scan.");
        } else if (ips.size() > DiscoveryForm.MAX_TARGETS) {
            errors.add("targets", "This host has more than " + DiscoveryForm.MAX_TARGETS + " addresses: scan them from the network's Discoveries page.");
        } else {
            for (String ip : ips) {
                rules.targetsError(ip).ifPresent(e -> errors.add("targets", DiscoveryForm.sentence(e)));
            }
        }
        errors.throwIfAny();
        UUID id = runs.insert(new DiscoveryRunStore.NewRun(org, host.networkId(), null, hostId, member.userId(), TRIGGER_MANUAL,
                ips, HOST_PORTS, RunOptions.defaults()));
        return runs.find(org, id).orElseThrow();
    }

    /** A network's runs, newest first (the network must be visible). */
    @Transactional(readOnly = true)
    public Paging<DiscoveryRun> page(CurrentMember member, UUID networkId, int page, int size) {
        networks.findVisible(member, networkId);
        return runs.page(member.organizationId(), networkId, page, size);
    }

    /** A network's run history with filters (the network must be visible, else 404). */
    @Transactional(readOnly = true)
    public Paging<DiscoveryRun> history(CurrentMember member, UUID networkId, RunFilter filter) {
        networks.findVisible(member, networkId);
        return runs.history(member.organizationId(), java.util.Set.of(networkId), filter);
    }

    /**
     * Runs of every network the member may see, with filters; a {@code network} filter naming a
     * network the member may not see answers 404 like the network itself would.
     */
    @Transactional(readOnly = true)
    public Paging<DiscoveryRun> organizationHistory(CurrentMember member, RunFilter filter) {
        if (filter.networkId() != null) {
            networks.findVisible(member, filter.networkId());
        }
        return runs.history(member.organizationId(), member.networkFilter(), filter);
    }

    /** The networks the member may see (the organization-wide history's network filter). */
    @Transactional(readOnly = true)
    public List<Network> visibleNetworks(CurrentMember member) {
        return networks.visibleNetworks(member);
    }

    /** A run of a network the member may see, or 404. */
    @Transactional(readOnly = true)
    public DiscoveryRun find(CurrentMember member, UUID runId) {
        return runs.find(member.organizationId(), runId).filter(r -> member.canSee(r.networkId()))
                .orElseThrow(() -> new NotFoundException("Discovery not found"));
    }

    /** QUEUED or RUNNING → CANCELLED; a finished run answers 409. */
    @Transactional
    public DiscoveryRun cancel(CurrentMember member, UUID runId) {
        DiscoveryRun run = find(member, runId);
        member.requireWrite();
        if (!runs.cancel(member.organizationId(), runId, member.userId())) {
            DiscoveryRun now = runs.find(member.organizationId(), runId).orElse(run);
            throw new ConflictException("This discovery already " + switch (now.state()) {
                case SUCCEEDED -> "succeeded";
                case FAILED -> "failed";
                case CANCELLED -> "was cancelled";
                default -> "finished";
            } + ": there is nothing to cancel.");
        }
        return runs.find(member.organizationId(), runId).orElseThrow();
    }

    /** The newest run of a network, an active one first; empty when it never had one. */
    @Transactional(readOnly = true)
    public Optional<DiscoveryRun> latestOfNetwork(CurrentMember member, UUID networkId) {
        networks.findVisible(member, networkId);
        return runs.latestOfNetwork(member.organizationId(), networkId);
    }

    /** The newest run of a host ("Scan now" on its page), an active one first. */
    @Transactional(readOnly = true)
    public Optional<DiscoveryRun> latestOfHost(CurrentMember member, UUID hostId) {
        hosts.find(member, hostId);
        return runs.latestOfHost(member.organizationId(), hostId);
    }

    /** Whether a run of this organization is finished (for the pollers' "finished" event); false when unknown. */
    @Transactional(readOnly = true)
    public boolean finished(CurrentMember member, @Nullable UUID runId) {
        return runId != null && runs.find(member.organizationId(), runId)
                .filter(r -> member.canSee(r.networkId())).map(r -> r.state().finished()).orElse(false);
    }

    @Transactional(readOnly = true)
    public Network network(CurrentMember member, UUID networkId) {
        return networks.findVisible(member, networkId);
    }

    /** The daemons the Scan now form offers (the network must be visible). */
    @Transactional(readOnly = true)
    public List<DiscoveryRunStore.DaemonChoice> daemons(CurrentMember member, UUID networkId) {
        networks.findVisible(member, networkId);
        return runs.daemons(member.organizationId(), networkId);
    }

    public RunView view(CurrentMember member, DiscoveryRun run, Instant now) {
        return RunView.of(run, member.organizationSlug(), stats(run), now);
    }

    public DiscoveryJson json(DiscoveryRun run) {
        return DiscoveryJson.of(run, statsTree(run));
    }

    /** 409 for a sample network: nothing is ever sent to its made-up addresses. */
    private void requireScannable(UUID org, UUID networkId) {
        if (runs.isSample(org, networkId)) {
            throw new ConflictException(DiscoveryRunStore.SAMPLE_NETWORK);
        }
    }

    private List<DiscoveryRunStore.DaemonChoice> requireDaemons(UUID org, UUID networkId) {
        List<DiscoveryRunStore.DaemonChoice> daemons = runs.daemons(org, networkId);
        if (daemons.isEmpty()) {
            throw new ConflictException("This network has no daemon yet: add a daemon first, then scan.");
        }
        return daemons;
    }

    @Nullable
    private JsonNode statsTree(DiscoveryRun run) {
        if (run.statsJson() == null) {
            return null;
        }
        try {
            return json.readValue(run.statsJson(), JsonNode.class);
        } catch (IOException e) {
            return null;
        }
    }

    /** The daemon's statistics as label/value lines (scalar fields only, in the daemon's order). */
    private List<RunView.Stat> stats(DiscoveryRun run) {
        JsonNode tree = statsTree(run);
        List<RunView.Stat> out = new ArrayList<>();
        if (tree == null || !tree.isObject()) {
            return out;
        }
        for (Map.Entry<String, JsonNode> e : tree.entries()) {
            if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                out.add(new RunView.Stat(label(e.getKey()), e.getValue().coerceStringValue()));
            }
        }
        return out;
    }

    /** Keys whose generic label would read wrongly next to the run's own fields. */
    private static final Map<String, String> STAT_LABELS = Map.of(
            "targets", "Addresses scanned", "probes", "Probes sent", "open", "Open ports", "closed", "Closed ports",
            "filtered", "Filtered ports");

    /** {@code hostsUp} → "Hosts up", {@code elapsedMs} → "Elapsed (ms)". */
    static String label(String key) {
        if (STAT_LABELS.containsKey(key)) {
            return STAT_LABELS.get(key);
        }
        String k = key.endsWith("Ms") ? key.substring(0, key.length() - 2) : key;
        StringBuilder b = new StringBuilder();
        for (char c : k.toCharArray()) {
            if (Character.isUpperCase(c) && !b.isEmpty()) {
                b.append(' ').append(Character.toLowerCase(c));
            } else {
                b.append(b.isEmpty() ? Character.toUpperCase(c) : c);
            }
        }
        return key.endsWith("Ms") ? b + " (ms)" : b.toString();
    }
}
