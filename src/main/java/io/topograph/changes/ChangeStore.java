package io.topograph.changes;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import io.topograph.platform.persistence.Sql;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The SQL of change detection: loads what {@link ChangeDetector} compares for one run and writes
 * its outcome. Set-based: a fixed number of statements whatever the run's size, rows passed as
 * arrays to {@code unnest}; only rows whose state changes are written. Reads are driven by the
 * run's own sightings (one index probe per host: the {@code offset 0} keeps each lateral lookup a
 * probe whatever the planner's statistics say about tables that filled up seconds ago). Runs
 * inside the caller's transaction (the run's completion).
 */
@Singleton
@Transactional
class ChangeStore {

    /** What a run covered, as stored. {@code startedAt} is its first claim: rows seen since belong to it. */
    record RunCoverage(UUID networkId, List<String> targets, String ports, boolean printerPorts, boolean udp, Instant startedAt) {
    }

    private final DataSource dataSource;

    ChangeStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Waits for merges into the network to finish, and keeps new ones out until the transaction ends. */
    void lockNetwork(UUID organizationId, UUID networkId) {
        query(io.topograph.platform.persistence.NetworkMergeLock.SQL, rs -> true, io.topograph.platform.persistence.NetworkMergeLock.NAMESPACE,
                io.topograph.platform.persistence.NetworkMergeLock.key(organizationId, networkId));
    }

    Optional<RunCoverage> run(UUID organizationId, UUID runId) {
        List<RunCoverage> rows = query("select network_id,"
                        + " array(select jsonb_array_elements_text(case when jsonb_typeof(targets) = 'array' then targets else '[]'::jsonb end)),"
                        + " ports, coalesce((options ->> 'printerPorts')::boolean, false), coalesce((options ->> 'udp')::boolean, true),"
                        + " coalesce(started_at, created_at)"
                        + " from discovery_runs where organization_id = ? and id = ?",
                rs -> new RunCoverage(rs.getObject(1, UUID.class), strings(rs.getArray(2)), rs.getString(3), rs.getBoolean(4),
                        rs.getBoolean(5), rs.getTimestamp(6).toInstant()),
                organizationId, runId);
        return rows.stream().findFirst();
    }

    /** The hosts the run saw, with what was known of them before. */
    List<ChangeDetector.SeenHost> seenHosts(UUID organizationId, UUID runId, Instant startedAt) {
        return query("select h.id, h.name, h.online, h.missed_runs, host(h.known_ip), h.known_mac::text, h.known_hostname,"
                        + " h.known_ip is not null and exists(select 1 from interfaces i where i.organization_id = h.organization_id"
                        + "   and i.host_id = h.id and i.ip = h.known_ip and i.last_seen >= ?),"
                        + " host(o.ip), o.mac::text, o.hostname"
                        + " from host_observations o"
                        + " join lateral (select x.* from hosts x where x.organization_id = o.organization_id and x.id = o.host_id offset 0) h on true"
                        + " where o.organization_id = ? and o.run_id = ? and o.ip is not null"
                        + " order by lower(h.name), h.id",
                rs -> new ChangeDetector.SeenHost(rs.getObject(1, UUID.class), rs.getString(2), (Boolean) rs.getObject(3), rs.getInt(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getBoolean(8), rs.getString(9), rs.getString(10),
                        rs.getString(11)),
                Timestamp.from(startedAt), organizationId, runId);
    }

    /** Online hosts of the network the run did not see, with their addresses (lowest first). */
    List<ChangeDetector.MissedHost> missedHosts(UUID organizationId, UUID networkId, UUID runId) {
        return query("select h.id, h.name, h.missed_runs,"
                        + " array(select host(i.ip) from interfaces i where i.organization_id = h.organization_id and i.host_id = h.id"
                        + "   and i.ip is not null order by family(i.ip), i.ip)"
                        + " from hosts h where h.organization_id = ? and h.network_id = ? and h.online = true"
                        // A probe of the observation's primary key per host (offset 0: never a join the planner may misjudge).
                        + " and not exists(select 1 from (select 1 from host_observations o where o.organization_id = h.organization_id"
                        + "   and o.run_id = ? and o.host_id = h.id offset 0) seen)"
                        + " order by lower(h.name), h.id",
                rs -> new ChangeDetector.MissedHost(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3), strings(rs.getArray(4))),
                organizationId, networkId, runId);
    }

    /** Ports of the hosts the run saw that are open now or were open before (the others cannot change). */
    List<ChangeDetector.Port> ports(UUID organizationId, UUID runId, Instant startedAt) {
        Timestamp since = Timestamp.from(startedAt);
        return query("select p.id, p.host_id, p.number, p.protocol, p.present, p.open_in_run from ("
                        + " select p.id, p.host_id, p.number, p.protocol, p.present,"
                        + "   p.state = 'OPEN' and (p.last_run_id = ? or p.last_seen >= ?) as open_in_run"
                        + " from host_observations o"
                        + " join lateral (select x.* from ports x where x.organization_id = o.organization_id and x.host_id = o.host_id offset 0) p on true"
                        + " where o.organization_id = ? and o.run_id = ?) p"
                        + " where p.present is true or p.open_in_run",
                rs -> new ChangeDetector.Port(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3), rs.getString(4),
                        (Boolean) rs.getObject(5), rs.getBoolean(6)),
                runId, since, organizationId, runId);
    }

    /** Services on ports of the hosts the run saw, identified now or present before. */
    List<ChangeDetector.Service> services(UUID organizationId, UUID runId, Instant startedAt) {
        Timestamp since = Timestamp.from(startedAt);
        return query("select s.id, s.host_id, s.name, s.port, s.protocol, s.present, s.seen_in_run from ("
                        + " select s.id, s.host_id, s.name, s.port, s.protocol, s.present,"
                        + "   (s.last_run_id = ? or s.last_seen >= ?) as seen_in_run"
                        + " from host_observations o"
                        + " join lateral (select x.* from services x where x.organization_id = o.organization_id and x.host_id = o.host_id offset 0) s on true"
                        + " where o.organization_id = ? and o.run_id = ? and s.port is not null and s.protocol is not null) s"
                        + " where s.present is true or s.seen_in_run",
                rs -> new ChangeDetector.Service(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getInt(4),
                        rs.getString(5), (Boolean) rs.getObject(6), rs.getBoolean(7)),
                runId, since, organizationId, runId);
    }

    /** Writes hosts' new state; a null known value keeps the stored one. */
    void updateHosts(UUID organizationId, List<ChangeDetector.HostState> hosts) {
        if (hosts.isEmpty()) {
            return;
        }
        withConnection(c -> Sql.update(c, "update hosts h set online = v.online, missed_runs = v.missed_runs,"
                        + " known_ip = coalesce(v.known_ip::inet, h.known_ip), known_mac = coalesce(v.known_mac::macaddr, h.known_mac),"
                        + " known_hostname = coalesce(v.known_hostname, h.known_hostname)"
                        + " from unnest(?::uuid[], ?::boolean[], ?::int[], ?::text[], ?::text[], ?::text[])"
                        + "   as v(id, online, missed_runs, known_ip, known_mac, known_hostname)"
                        + " where h.organization_id = ? and h.id = v.id",
                array(c, "uuid", hosts, ChangeDetector.HostState::id), array(c, "bool", hosts, ChangeDetector.HostState::online),
                array(c, "int4", hosts, ChangeDetector.HostState::missedRuns), array(c, "text", hosts, ChangeDetector.HostState::knownIp),
                array(c, "text", hosts, ChangeDetector.HostState::knownMac),
                array(c, "text", hosts, ChangeDetector.HostState::knownHostname), organizationId));
    }

    void updatePorts(UUID organizationId, Map<UUID, Boolean> present) {
        updatePresence("ports", organizationId, present);
    }

    void updateServices(UUID organizationId, Map<UUID, Boolean> present) {
        updatePresence("services", organizationId, present);
    }

    private void updatePresence(String table, UUID organizationId, Map<UUID, Boolean> present) {
        if (present.isEmpty()) {
            return;
        }
        List<Map.Entry<UUID, Boolean>> rows = new ArrayList<>(present.entrySet());
        withConnection(c -> Sql.update(c, "update " + table + " t set present = v.present"
                        + " from unnest(?::uuid[], ?::boolean[]) as v(id, present) where t.organization_id = ? and t.id = v.id",
                array(c, "uuid", rows, Map.Entry::getKey), array(c, "bool", rows, Map.Entry::getValue), organizationId));
    }

    void insertEvents(List<ChangeEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        ChangeEvent first = events.get(0);
        withConnection(c -> Sql.update(c, "insert into change_events (id, organization_id, network_id, run_id, host_id, kind, host_name,"
                        + " subject, before_value, after_value, occurred_at)"
                        + " select t.id, ?, ?, ?, t.host_id, t.kind, t.host_name, t.subject, t.before_value, t.after_value, ?"
                        + " from unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])"
                        + "   as t(id, host_id, kind, host_name, subject, before_value, after_value)",
                first.organizationId(), first.networkId(), first.runId(), Timestamp.from(first.occurredAt()),
                array(c, "uuid", events, ChangeEvent::id), array(c, "uuid", events, ChangeEvent::hostId),
                array(c, "text", events, e -> e.kind().name()), array(c, "text", events, ChangeEvent::hostName),
                array(c, "text", events, ChangeEvent::subject), array(c, "text", events, ChangeEvent::before),
                array(c, "text", events, ChangeEvent::after)));
    }

    // --- plumbing ---

    @FunctionalInterface
    private interface WithConnection<T> {
        T apply(Connection c) throws SQLException;
    }

    private <T> T withConnection(WithConnection<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.apply(c);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> List<T> query(String sql, Sql.Row<T> row, Object... args) {
        return withConnection(c -> Sql.list(c, sql, row, args));
    }

    private static <R> Array array(Connection c, String type, List<R> rows, Function<R, ?> value) throws SQLException {
        Object[] out = new Object[rows.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = value.apply(rows.get(i));
        }
        return c.createArrayOf(type, out);
    }

    static List<String> strings(@Nullable Array array) throws SQLException {
        List<String> out = new ArrayList<>();
        if (array != null) {
            for (Object o : (Object[]) array.getArray()) {
                if (o != null) {
                    out.add(o.toString());
                }
            }
        }
        return out;
    }
}
