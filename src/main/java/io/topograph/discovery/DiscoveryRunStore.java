package io.topograph.discovery;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import io.topograph.platform.persistence.Sql;
import io.topograph.platform.web.Paging;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code discovery_runs} in plain SQL. Every method that reads or changes a run names its
 * organization, except {@link #sweepAll()}, the lease sweeper's pass over every organization;
 * every state change is a single conditional UPDATE (the state it starts from is in the WHERE
 * clause), so two requests or two server nodes never move one run twice.
 */
@Singleton
@Transactional
public class DiscoveryRunStore {

    /** A daemon's lease on a run (docs/daemon-protocol.md); renewed by progress and batches. */
    public static final int LEASE_SECONDS = 90;
    static final String LEASE = "interval '" + LEASE_SECONDS + " seconds'";
    static final String STOPPED_RESPONDING = "daemon stopped responding";

    private static final String SELECT = "select r.id, r.organization_id, r.network_id, r.daemon_id, r.host_id, r.requested_by, r.trigger,"
            + " r.targets::text, r.ports, r.options::text, r.state, r.attempt, r.max_attempts, r.claimed_by, r.lease_expires_at,"
            + " r.phase, r.percent, r.hosts_found, r.stats::text, r.warnings::text, r.failure_reason, r.created_at, r.started_at,"
            + " r.finished_at, u.name, d.name, c.name, h.name,"
            + " exists(select 1 from daemons a where a.organization_id = r.organization_id and a.network_id = r.network_id"
            + "   and (r.daemon_id is null or a.id = r.daemon_id) and not a.disabled"
            + "   and a.last_heartbeat_at > now() - " + LEASE + "),"
            + " r.ports_probed, r.ports_open, r.services_found, n.name"
            + " from discovery_runs r"
            + " join networks n on n.organization_id = r.organization_id and n.id = r.network_id"
            + " left join users u on u.id = r.requested_by"
            + " left join daemons d on d.organization_id = r.organization_id and d.id = r.daemon_id"
            + " left join daemons c on c.organization_id = r.organization_id and c.id = r.claimed_by"
            + " left join hosts h on h.organization_id = r.organization_id and h.id = r.host_id";

    /** A daemon of a network as the Scan now form offers it. */
    public record DaemonChoice(UUID id, String name, boolean online, boolean disabled, List<String> subnets) {
    }

    /** What a sweep did to one run (its lease lapsed, or it timed out). */
    public record Swept(UUID runId, UUID organizationId, RunState state) {
    }

    /** A run to insert. */
    public record NewRun(UUID organizationId, UUID networkId, @Nullable UUID daemonId, @Nullable UUID hostId,
                         @Nullable UUID requestedBy, String trigger, List<String> targets, String ports, RunOptions options) {
    }

    private final Sql sql;
    private final JsonMapper json;

    public DiscoveryRunStore(Sql sql, JsonMapper json) {
        this.sql = sql;
        this.json = json;
    }

    public UUID insert(NewRun run) {
        UUID id = UUID.randomUUID();
        sql.update("insert into discovery_runs (id, organization_id, network_id, daemon_id, host_id, requested_by, trigger, targets, ports, options)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?::jsonb)",
                id, run.organizationId(), run.networkId(), run.daemonId(), run.hostId(), run.requestedBy(), run.trigger(),
                write(run.targets()), run.ports(), write(run.options()));
        return id;
    }

    /** Why no run may be queued on a sample network (its addresses are made up and belong to someone, or no one). */
    public static final String SAMPLE_NETWORK = "This is a sample network: its addresses are made up, so it can never be scanned."
            + " Scan one of your own networks instead.";

    /** Whether the network is a sample network ({@code networks.sample}), which no run may ever scan. */
    public boolean isSample(UUID organizationId, UUID networkId) {
        return sql.count("select count(*) from networks where organization_id = ? and id = ? and sample", organizationId, networkId) > 0;
    }

    public Optional<DiscoveryRun> find(UUID organizationId, UUID runId) {
        return sql.one(SELECT + " where r.organization_id = ? and r.id = ?", this::map, organizationId, runId);
    }

    /** Locks the run's row until the transaction ends (complete and fail check, then write). */
    public Optional<DiscoveryRun> lock(UUID organizationId, UUID runId) {
        sql.list("select id from discovery_runs where organization_id = ? and id = ? for update", rs -> rs.getObject(1, UUID.class),
                organizationId, runId);
        return find(organizationId, runId);
    }

    /** A network's runs, newest first. */
    public Paging<DiscoveryRun> page(UUID organizationId, UUID networkId, int page, int size) {
        return history(organizationId, java.util.Set.of(networkId), RunFilter.none(size).withPage(page));
    }

    /**
     * Runs of the given networks of an organization that pass the filter, newest first. A page past
     * the last shows the last page. {@code networkIds} is what the member may see (null: every
     * network of the organization); the filter's own network narrows it further.
     */
    public Paging<DiscoveryRun> history(UUID organizationId, @Nullable java.util.Set<UUID> networkIds, RunFilter filter) {
        StringBuilder where = new StringBuilder(" where r.organization_id = ?");
        List<Object> args = new java.util.ArrayList<>();
        args.add(organizationId);
        if (networkIds != null) {
            if (networkIds.isEmpty()) {
                return new Paging<>(List.of(), 1, filter.size(), 0);
            }
            where.append(" and r.network_id = any(?::uuid[])");
            args.add(networkIds.stream().map(UUID::toString).collect(java.util.stream.Collectors.joining(",", "{", "}")));
        }
        if (filter.networkId() != null) {
            where.append(" and r.network_id = ?");
            args.add(filter.networkId());
        }
        if (filter.state() != null) {
            where.append(" and r.state = ?");
            args.add(filter.state().name());
        }
        if (filter.trigger() != null) {
            where.append(" and r.trigger = ?");
            args.add(filter.trigger());
        }
        if (filter.daemonId() != null) {
            where.append(" and (r.claimed_by = ? or r.daemon_id = ?)");
            args.add(filter.daemonId());
            args.add(filter.daemonId());
        }
        if (filter.from() != null) {
            where.append(" and r.created_at >= ?");
            args.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            where.append(" and r.created_at < ?");
            args.add(Timestamp.from(filter.to()));
        }
        long total = sql.count("select count(*) from discovery_runs r" + where, args.toArray());
        int size = filter.size();
        int last = (int) Math.max(1, (total + size - 1) / size);
        int shown = Math.min(filter.page(), last);
        List<Object> pageArgs = new java.util.ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) (shown - 1) * size);
        List<DiscoveryRun> items = sql.list(SELECT + where + " order by r.created_at desc, r.id desc limit ? offset ?", this::map,
                pageArgs.toArray());
        return new Paging<>(items, shown, size, total);
    }

    /** The newest run of a network: an active one first (the one a person waits for). */
    public Optional<DiscoveryRun> latestOfNetwork(UUID organizationId, UUID networkId) {
        return sql.one(SELECT + " where r.organization_id = ? and r.network_id = ?"
                + " order by r.state in ('QUEUED', 'RUNNING') desc, r.created_at desc, r.id desc limit 1", this::map, organizationId, networkId);
    }

    public Optional<DiscoveryRun> latestOfHost(UUID organizationId, UUID hostId) {
        return sql.one(SELECT + " where r.organization_id = ? and r.host_id = ?"
                + " order by r.state in ('QUEUED', 'RUNNING') desc, r.created_at desc, r.id desc limit 1", this::map, organizationId, hostId);
    }

    /** QUEUED or RUNNING → CANCELLED; false when the run had already finished. */
    public boolean cancel(UUID organizationId, UUID runId, @Nullable UUID userId) {
        return sql.update("update discovery_runs set state = 'CANCELLED', finished_at = now(), lease_expires_at = null, cancelled_by = ?"
                + " where organization_id = ? and id = ? and state in ('QUEUED', 'RUNNING')", userId, organizationId, runId) == 1;
    }

    // ---- The daemon side -------------------------------------------------------------------

    /**
     * Takes the oldest queued run of the network meant for this daemon or any daemon: the row is
     * picked with FOR UPDATE SKIP LOCKED, so concurrent claims never get the same run.
     */
    public Optional<DiscoveryRun> claim(UUID organizationId, UUID networkId, UUID daemonId) {
        Optional<UUID> claimed = sql.one("with next as (select id from discovery_runs"
                        + "   where organization_id = ? and network_id = ? and state = 'QUEUED' and (daemon_id is null or daemon_id = ?)"
                        + "   order by created_at, id limit 1 for update skip locked)"
                        + " update discovery_runs r set state = 'RUNNING', claimed_by = ?, attempt = r.attempt + 1,"
                        + "   started_at = coalesce(r.started_at, now()), lease_expires_at = now() + " + LEASE + ","
                        + "   phase = null, percent = 0, ports_probed = 0"
                        + " from next where r.id = next.id and r.state = 'QUEUED' returning r.id",
                rs -> rs.getObject(1, UUID.class), organizationId, networkId, daemonId, daemonId);
        return claimed.flatMap(id -> find(organizationId, id));
    }

    /**
     * Records progress of a run this daemon holds and renews its lease; false when it does not hold
     * it (any more). Counts never go down within an attempt; {@code portsProbed} null (an older
     * daemon) leaves the count as it was.
     */
    public boolean progress(UUID organizationId, UUID runId, UUID daemonId, String phase, int percent, int hostsFound,
                            @Nullable Long portsProbed) {
        return sql.update("update discovery_runs set phase = ?, percent = greatest(percent, ?),"
                        + " hosts_found = greatest(hosts_found, ?), ports_probed = greatest(ports_probed, coalesce(?, 0)),"
                        + " lease_expires_at = now() + " + LEASE
                        + " where organization_id = ? and id = ? and state = 'RUNNING' and claimed_by = ?",
                phase, percent, hostsFound, portsProbed, organizationId, runId, daemonId) == 1;
    }

    /** Renews the lease of a run this daemon holds as RUNNING; false when it does not hold it (any more). */
    public boolean renewLease(UUID organizationId, UUID runId, UUID daemonId) {
        return sql.update("update discovery_runs set lease_expires_at = now() + " + LEASE
                + " where organization_id = ? and id = ? and state = 'RUNNING' and claimed_by = ?", organizationId, runId, daemonId) == 1;
    }

    /** The sequence numbers below {@code count} that have not arrived. */
    public List<Integer> missingBatches(UUID organizationId, UUID runId, int count) {
        if (count <= 0) {
            return List.of();
        }
        return sql.list("select s from generate_series(0, ? - 1) s where not exists (select 1 from discovery_run_batches b"
                        + " where b.organization_id = ? and b.run_id = ? and b.seq = s) order by s limit 1001",
                rs -> rs.getInt(1), count, organizationId, runId);
    }

    public boolean complete(UUID organizationId, UUID runId, UUID daemonId, @Nullable String statsJson, List<String> warnings) {
        return sql.update("update discovery_runs set state = 'SUCCEEDED', finished_at = now(), lease_expires_at = null, percent = 100,"
                        + " stats = ?::jsonb, warnings = warnings || ?::jsonb,"
                        + " hosts_found = greatest(hosts_found, (select coalesce(sum(b.hosts), 0) from discovery_run_batches b"
                        + "   where b.organization_id = discovery_runs.organization_id and b.run_id = discovery_runs.id)),"
                        // The daemon's own count of probes, when its statistics carry one.
                        + " ports_probed = greatest(ports_probed, case when jsonb_typeof(?::jsonb -> 'probes') = 'number'"
                        + "   then least((?::jsonb ->> 'probes')::numeric, 9000000000000000000)::bigint else 0 end),"
                        // What the run found, as it left it: the open ports and services of the hosts it observed.
                        + " ports_open = (select count(*) from host_observations o join ports p on p.organization_id = o.organization_id"
                        + "   and p.host_id = o.host_id and p.last_run_id = o.run_id where o.organization_id = discovery_runs.organization_id"
                        + "   and o.run_id = discovery_runs.id),"
                        + " services_found = (select count(*) from host_observations o join services v on v.organization_id = o.organization_id"
                        + "   and v.host_id = o.host_id and v.last_run_id = o.run_id where o.organization_id = discovery_runs.organization_id"
                        + "   and o.run_id = discovery_runs.id)"
                        + " where organization_id = ? and id = ? and state = 'RUNNING' and claimed_by = ?",
                statsJson, write(warnings), statsJson, statsJson, organizationId, runId, daemonId) == 1;
    }

    public boolean fail(UUID organizationId, UUID runId, UUID daemonId, String reason) {
        return sql.update("update discovery_runs set state = 'FAILED', finished_at = now(), lease_expires_at = null, failure_reason = ?"
                + " where organization_id = ? and id = ? and state = 'RUNNING' and claimed_by = ?", reason, organizationId, runId, daemonId) == 1;
    }

    // ---- Leases ------------------------------------------------------------------------------

    private static final String SWEEP = "update discovery_runs set"
            + " state = case when attempt < max_attempts then 'QUEUED' else 'FAILED' end,"
            + " failure_reason = case when attempt < max_attempts then failure_reason else '" + STOPPED_RESPONDING + "' end,"
            + " finished_at = case when attempt < max_attempts then null else now() end,"
            + " claimed_by = case when attempt < max_attempts then null else claimed_by end,"
            + " phase = case when attempt < max_attempts then null else phase end,"
            + " percent = case when attempt < max_attempts then 0 else percent end,"
            + " ports_probed = case when attempt < max_attempts then 0 else ports_probed end,"
            + " queued_at = case when attempt < max_attempts then now() else queued_at end,"
            + " warnings = warnings || jsonb_build_array('Attempt ' || attempt || ' of ' || max_attempts"
            + "   || ': the daemon stopped responding' || case when attempt < max_attempts then '; queued again.' else '.' end),"
            + " lease_expires_at = null"
            + " where state = 'RUNNING' and lease_expires_at < now()";

    /**
     * Every run whose lease lapsed: queued again while attempts remain, else failed. One UPDATE:
     * a node that sweeps at the same time waits for the row and then no longer matches it.
     */
    public List<Swept> sweepAll() {
        return sql.list(SWEEP + " returning id, organization_id, state", this::swept);
    }

    /** The same for one network (done before each claim, so a lapsed run is offered again at once). */
    public List<Swept> sweepNetwork(UUID organizationId, UUID networkId) {
        return sql.list(SWEEP + " and organization_id = ? and network_id = ? returning id, organization_id, state", this::swept,
                organizationId, networkId);
    }

    // ---- Timeouts and retention (every organization: the sweepers' passes) -----------------

    /**
     * Every QUEUED run not claimed within {@code timeout} of being queued becomes TIMED_OUT with a
     * reason naming who should have claimed it. One conditional UPDATE, like the lease sweep.
     */
    public List<Swept> expireUnclaimed(java.time.Duration timeout) {
        String within = RunLimits.words(timeout);
        return sql.list("update discovery_runs r set state = 'TIMED_OUT', finished_at = now(), lease_expires_at = null,"
                        + " failure_reason = case when r.daemon_id is null then ?"
                        + "   else 'The daemon “' || coalesce((select d.name from daemons d where d.organization_id = r.organization_id"
                        + "     and d.id = r.daemon_id), 'chosen') || '” did not claim the run within ' || ? || '.' end"
                        + " where r.state = 'QUEUED' and r.queued_at < now() - ? * interval '1 second'"
                        + " returning r.id, r.organization_id, r.state", this::swept,
                RunLimits.unclaimedReason(timeout), within, timeout.toSeconds());
    }

    /** Every RUNNING run started longer than {@code limit} ago becomes TIMED_OUT; its daemon learns it at its next call. */
    public List<Swept> timeOutLongRuns(java.time.Duration limit) {
        return sql.list("update discovery_runs set state = 'TIMED_OUT', finished_at = now(), lease_expires_at = null, failure_reason = ?"
                        + " where state = 'RUNNING' and started_at < now() - ? * interval '1 second'"
                        + " returning id, organization_id, state", this::swept,
                RunLimits.tooLongReason(limit), limit.toSeconds());
    }

    /**
     * Deletes up to {@code limit} finished runs created more than {@code days} ago that are not among
     * their network's newest {@code keep} runs; returns how many went. Active runs are never deleted.
     * What refers to a run survives it: change events and hosts keep their rows (run id set to null),
     * batches and host observations of the run go with it. Rows are locked with SKIP LOCKED, so two
     * nodes sweeping at once delete disjoint runs and never wait for each other.
     */
    public int deleteExpired(int days, int keep, int limit) {
        return sql.update("delete from discovery_runs where id in (select r.id from discovery_runs r where r.id in ("
                        + "   select x.id from (select id, state, finished_at, row_number() over (partition by organization_id, network_id"
                        + "     order by created_at desc, id desc) as newest from discovery_runs) x"
                        + "   where x.newest > ? and x.state not in ('QUEUED', 'RUNNING') and x.finished_at < now() - ? * interval '1 day')"
                        + " order by r.finished_at limit ? for update of r skip locked)",
                keep, days, limit);
    }

    // ---- Daemons of a network (read only; the daemons feature owns them) -------------------

    public List<DaemonChoice> daemons(UUID organizationId, UUID networkId) {
        return queueing(organizationId, networkId).daemons();
    }

    /** Whether the network is a sample one, and its daemons: what queueing a run needs to know, in one statement. */
    public record Queueing(boolean sample, List<DaemonChoice> daemons) {
    }

    public Queueing queueing(UUID organizationId, UUID networkId) {
        boolean[] sample = {false};
        List<DaemonChoice> daemons = new java.util.ArrayList<>();
        sql.list("select n.sample, d.id, d.name, coalesce(d.last_heartbeat_at > now() - " + LEASE + ", false), d.disabled,"
                        + " array(select distinct s ->> 'cidr' from jsonb_array_elements(case when jsonb_typeof(d.subnets) = 'array'"
                        + "   then d.subnets else '[]'::jsonb end) s where s ->> 'cidr' is not null order by 1)"
                        + " from networks n left join daemons d on d.organization_id = n.organization_id and d.network_id = n.id"
                        + " where n.organization_id = ? and n.id = ? order by lower(d.name), d.id",
                rs -> {
                    sample[0] = rs.getBoolean(1);
                    if (rs.getObject(2) != null) {
                        daemons.add(new DaemonChoice(rs.getObject(2, UUID.class), rs.getString(3), rs.getBoolean(4), rs.getBoolean(5),
                                strings(rs, 6)));
                    }
                    return null;
                }, organizationId, networkId);
        return new Queueing(sample[0], List.copyOf(daemons));
    }

    private Swept swept(ResultSet rs) throws SQLException {
        return new Swept(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), RunState.of(rs.getString(3)));
    }

    private DiscoveryRun map(ResultSet rs) throws SQLException {
        return new DiscoveryRun(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                rs.getObject(4, UUID.class), rs.getObject(5, UUID.class), rs.getObject(6, UUID.class), rs.getString(7),
                read(rs.getString(8), Argument.listOf(String.class)), rs.getString(9), read(rs.getString(10), Argument.of(RunOptions.class)),
                RunState.of(rs.getString(11)), rs.getInt(12), rs.getInt(13), rs.getObject(14, UUID.class), instant(rs, 15),
                rs.getString(16), rs.getInt(17), rs.getInt(18), rs.getString(19), read(rs.getString(20), Argument.listOf(String.class)),
                rs.getString(21), instant(rs, 22), instant(rs, 23), instant(rs, 24), rs.getString(25), rs.getString(26),
                rs.getString(27), rs.getString(28), rs.getBoolean(29), rs.getLong(30), (Integer) rs.getObject(31),
                (Integer) rs.getObject(32), rs.getString(33));
    }

    @Nullable
    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static List<String> strings(ResultSet rs, int column) throws SQLException {
        java.sql.Array array = rs.getArray(column);
        if (array == null) {
            return List.of();
        }
        Object[] values = (Object[]) array.getArray();
        return java.util.Arrays.stream(values).map(String::valueOf).toList();
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T read(String text, Argument<T> type) {
        try {
            return json.readValue(text, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
