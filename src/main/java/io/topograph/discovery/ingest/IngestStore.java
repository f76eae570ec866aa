package io.topograph.discovery.ingest;

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
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The SQL of ingestion. Every statement is scoped by organization (and network where hosts are
 * looked up) and is set-based: a batch of any size is a fixed number of round trips, each
 * passing its rows as arrays to {@code unnest} and writing with {@code INSERT … ON CONFLICT}.
 * Runs inside the caller's transaction.
 */
@Singleton
@Transactional
class IngestStore {

    /** The state of a run as far as a batch cares. */
    record Run(String state, @Nullable UUID daemonId, @Nullable UUID claimedBy) {
    }

    /** A batch received before for the same (run, seq). */
    record StoredBatch(byte[] sha256, int hosts) {
    }

    /** Namespace of the advisory locks taken here (the other key is derived from the network id). */
    private static final int NETWORK_MERGE_LOCK = io.topograph.platform.persistence.NetworkMergeLock.NAMESPACE;

    private final DataSource dataSource;

    IngestStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The run of the daemon's organization and network, locked until the end of the transaction. */
    Optional<Run> lockRun(UUID organizationId, UUID networkId, UUID runId) {
        return one("select state, daemon_id, claimed_by from discovery_runs where organization_id = ? and network_id = ? and id = ? for update",
                rs -> new Run(rs.getString(1), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class)),
                organizationId, networkId, runId);
    }

    /** Serializes the merges into one network, so two daemons never create the same host twice. */
    void lockNetwork(UUID organizationId, UUID networkId) {
        one(io.topograph.platform.persistence.NetworkMergeLock.SQL, rs -> true, NETWORK_MERGE_LOCK,
                io.topograph.platform.persistence.NetworkMergeLock.key(organizationId, networkId));
    }

    /**
     * Records (run, seq) with the body's hash. Empty when this is the first delivery; otherwise
     * the batch stored before (also when a concurrent delivery of the same seq won the race:
     * {@code ON CONFLICT} waits for it to commit).
     */
    Optional<StoredBatch> recordBatch(UUID organizationId, UUID runId, int seq, byte[] sha256, int hosts) {
        int inserted = update("insert into discovery_run_batches (organization_id, run_id, seq, body_sha256, hosts) values (?, ?, ?, ?, ?)"
                + " on conflict (organization_id, run_id, seq) do nothing", organizationId, runId, seq, sha256, hosts);
        if (inserted == 1) {
            return Optional.empty();
        }
        return one("select body_sha256, hosts from discovery_run_batches where organization_id = ? and run_id = ? and seq = ?",
                rs -> new StoredBatch(rs.getBytes(1), rs.getInt(2)), organizationId, runId, seq);
    }

    void renewLease(UUID organizationId, UUID runId) {
        update("update discovery_runs set lease_expires_at = now() + interval '90 seconds' where organization_id = ? and id = ?",
                organizationId, runId);
    }

    List<Subnets.Subnet> subnets(UUID organizationId, UUID networkId) {
        return list("select id, cidr::text from subnets where organization_id = ? and network_id = ?",
                rs -> new Subnets.Subnet(rs.getObject(1, UUID.class), rs.getString(2)), organizationId, networkId);
    }

    /**
     * Interfaces of hosts in the network with one of {@code ips} or {@code macs}. Driven by the
     * batch's own values (one index probe each), so the cost follows the batch, not the network,
     * whatever the planner's statistics say about tables that filled up seconds ago: the
     * {@code offset 0} keeps each lateral lookup a parameterized index probe instead of letting
     * the planner flatten it into a join over the whole network.
     */
    List<IdentityMatcher.KnownInterface> interfaces(UUID organizationId, UUID networkId, Collection<String> ips, Collection<String> macs) {
        return withConnection(c -> Sql.list(c, "select c.host_id, host(c.ip), c.mac::text, c.subnet_id, c.last_seen from ("
                        + "   select i.host_id, i.ip, i.mac, i.subnet_id, i.last_seen from unnest(?::text[]::inet[]) as a(ip)"
                        + "   join lateral (select x.host_id, x.ip, x.mac, x.subnet_id, x.last_seen from interfaces x"
                        + "     where x.organization_id = ? and x.ip = a.ip offset 0) i on true"
                        + "   union"
                        + "   select i.host_id, i.ip, i.mac, i.subnet_id, i.last_seen from unnest(?::text[]::macaddr[]) as m(mac)"
                        + "   join lateral (select x.host_id, x.ip, x.mac, x.subnet_id, x.last_seen from interfaces x"
                        + "     where x.organization_id = ? and x.mac = m.mac offset 0) i on true"
                        + " ) c join lateral (select h.network_id from hosts h where h.organization_id = ? and h.id = c.host_id offset 0) h on true"
                        + " where h.network_id = ?",
                rs -> {
                    String ip = rs.getString(2);
                    return new IdentityMatcher.KnownInterface(rs.getObject(1, UUID.class), Addresses.key(ip), ip, rs.getString(3),
                            rs.getObject(4, UUID.class), rs.getTimestamp(5).toInstant());
                }, text(c, ips), organizationId, text(c, macs), organizationId, organizationId, networkId))
                .stream().filter(i -> i.address() != null).toList();
    }

    /** Hosts of the network named one of {@code names} (ignoring case), with all their MACs; one index probe per name. */
    List<IdentityMatcher.KnownHost> hostsNamed(UUID organizationId, UUID networkId, Collection<String> names) {
        if (names.isEmpty()) {
            return List.of();
        }
        return withConnection(c -> Sql.list(c, "select h.id, h.hostname, h.last_seen,"
                        + " array(select i.mac::text from interfaces i where i.organization_id = h.organization_id and i.host_id = h.id and i.mac is not null)"
                        + " from unnest(?::text[]) as n(name)"
                        + " join lateral (select x.id, x.organization_id, x.hostname, x.last_seen from hosts x"
                        + "   where x.organization_id = ? and x.network_id = ? and x.hostname is not null and lower(x.hostname) = lower(n.name) offset 0) h on true",
                rs -> {
                    Set<String> macs = new HashSet<>();
                    for (Object mac : (Object[]) rs.getArray(4).getArray()) {
                        macs.add((String) mac);
                    }
                    return new IdentityMatcher.KnownHost(rs.getObject(1, UUID.class), rs.getString(2), rs.getTimestamp(3).toInstant(), macs);
                }, text(c, names), organizationId, networkId));
    }

    void insertHosts(UUID organizationId, UUID networkId, UUID runId, UUID daemonId, List<MergePlan.NewHost> hosts) {
        if (hosts.isEmpty()) {
            return;
        }
        withConnection(c -> Sql.update(c, "insert into hosts (id, organization_id, network_id, name, hostname, os, source, first_seen, last_seen,"
                        + " last_run_id, last_daemon_id)"
                        + " select t.id, ?, ?, t.name, t.hostname, t.os, 'DISCOVERED', now(), now(), ?, ?"
                        + " from unnest(?::uuid[], ?::text[], ?::text[], ?::text[]) as t(id, name, hostname, os)",
                organizationId, networkId, runId, daemonId,
                uuids(c, hosts, MergePlan.NewHost::id), text(c, hosts, MergePlan.NewHost::name),
                text(c, hosts, MergePlan.NewHost::hostname), text(c, hosts, MergePlan.NewHost::os)));
    }

    /**
     * Known hosts seen again: last seen and provenance always move; host name, name and OS follow
     * the daemon only when no person edited the host (a discovered host's name follows its host
     * name). {@code updated_at} moves only when a shown field really changed. Hidden stays as it is.
     */
    void updateHosts(UUID organizationId, UUID runId, UUID daemonId, List<MergePlan.SeenHost> hosts) {
        if (hosts.isEmpty()) {
            return;
        }
        withConnection(c -> Sql.update(c, "update hosts h set hostname = v.hostname, name = v.name, os = v.os,"
                        + " updated_at = case when (v.hostname, v.name, v.os) is distinct from (h.hostname, h.name, h.os) then now() else h.updated_at end,"
                        + " last_seen = greatest(h.last_seen, now()), last_run_id = ?, last_daemon_id = ?"
                        + " from (select o.id,"
                        + "   case when o.user_edited then o.hostname else coalesce(t.hostname, o.hostname) end as hostname,"
                        + "   case when o.user_edited or o.source <> 'DISCOVERED' or t.hostname is null then o.name else t.hostname end as name,"
                        + "   case when o.user_edited then o.os else coalesce(t.os, o.os) end as os"
                        + "   from unnest(?::uuid[], ?::text[], ?::text[]) as t(id, hostname, os)"
                        + "   join hosts o on o.organization_id = ? and o.id = t.id) v"
                        + " where h.organization_id = ? and h.id = v.id",
                runId, daemonId, uuids(c, hosts, MergePlan.SeenHost::id), text(c, hosts, MergePlan.SeenHost::hostname),
                text(c, hosts, MergePlan.SeenHost::os), organizationId, organizationId));
    }

    /**
     * Interfaces by (host, address): the MAC (and its vendor) and the subnet follow what was seen,
     * when known. Answers the id of every row by {@link #interfaceKey}.
     */
    Map<String, UUID> upsertInterfaces(UUID organizationId, List<MergePlan.InterfaceRow> rows) {
        Map<String, UUID> ids = new HashMap<>();
        if (rows.isEmpty()) {
            return ids;
        }
        withConnection(c -> Sql.list(c, "insert into interfaces (id, organization_id, host_id, subnet_id, ip, mac, vendor, first_seen, last_seen)"
                        + " select gen_random_uuid(), ?, t.host_id, t.subnet_id, t.ip::inet, t.mac::macaddr, t.vendor, now(), now()"
                        + " from unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[]) as t(host_id, subnet_id, ip, mac, vendor)"
                        + " on conflict (organization_id, host_id, ip) do update set"
                        + " subnet_id = coalesce(excluded.subnet_id, interfaces.subnet_id),"
                        + " vendor = case when excluded.mac is null then interfaces.vendor else excluded.vendor end,"
                        + " mac = coalesce(excluded.mac, interfaces.mac),"
                        + " last_seen = greatest(interfaces.last_seen, excluded.last_seen)"
                        + " returning id, host_id, host(ip)",
                rs -> ids.put(interfaceKey(rs.getObject(2, UUID.class), rs.getString(3)), rs.getObject(1, UUID.class)),
                organizationId, uuids(c, rows, MergePlan.InterfaceRow::hostId), uuids(c, rows, MergePlan.InterfaceRow::subnetId),
                text(c, rows, MergePlan.InterfaceRow::ip), text(c, rows, MergePlan.InterfaceRow::mac),
                text(c, rows, MergePlan.InterfaceRow::vendor)));
        return ids;
    }

    /**
     * Ports by (host, protocol, number): first seen kept, state follows, a banner is kept until a
     * new one is seen. Answers the id of every row by {@link #portKey}.
     */
    Map<String, UUID> upsertPorts(UUID organizationId, UUID runId, UUID daemonId, List<MergePlan.PortRow> rows) {
        Map<String, UUID> ids = new HashMap<>();
        if (rows.isEmpty()) {
            return ids;
        }
        withConnection(c -> Sql.list(c, "insert into ports (id, organization_id, host_id, number, protocol, state, banner, first_seen, last_seen,"
                        + " last_run_id, last_daemon_id)"
                        + " select gen_random_uuid(), ?, t.host_id, t.number, t.protocol, t.state, t.banner, now(), now(), ?, ?"
                        + " from unnest(?::uuid[], ?::int[], ?::text[], ?::text[], ?::text[]) as t(host_id, number, protocol, state, banner)"
                        + " on conflict (organization_id, host_id, protocol, number) do update set"
                        + " state = excluded.state, banner = coalesce(excluded.banner, ports.banner),"
                        + " last_seen = greatest(ports.last_seen, excluded.last_seen),"
                        + " last_run_id = excluded.last_run_id, last_daemon_id = excluded.last_daemon_id"
                        + " returning id, host_id, protocol, number",
                rs -> ids.put(portKey(rs.getObject(2, UUID.class), rs.getString(3), rs.getInt(4)), rs.getObject(1, UUID.class)),
                organizationId, runId, daemonId, uuids(c, rows, MergePlan.PortRow::hostId), ints(c, rows, MergePlan.PortRow::number),
                text(c, rows, MergePlan.PortRow::protocol), text(c, rows, MergePlan.PortRow::state),
                text(c, rows, MergePlan.PortRow::banner)));
        return ids;
    }

    /**
     * Services by (host, definition id or name, protocol, port), the {@code services_identity_uidx}
     * key: identification (name, category, confidence, reason, version) follows the newest scan.
     * The rows are made distinct by the same key in SQL too (the plan already is), so a key is never written twice.
     * Answers the id of every row by {@link #serviceKey}.
     */
    Map<String, UUID> upsertServices(UUID organizationId, UUID runId, UUID daemonId, List<MergePlan.ServiceRow> rows) {
        Map<String, UUID> ids = new HashMap<>();
        if (rows.isEmpty()) {
            return ids;
        }
        withConnection(c -> Sql.list(c, "insert into services (id, organization_id, host_id, definition_id, name, category, confidence,"
                        + " match_reason, version, port, protocol, first_seen, last_seen, last_run_id, last_daemon_id)"
                        + " select gen_random_uuid(), ?, t.host_id, t.definition_id, t.name, t.category, t.confidence, t.reason,"
                        + " t.version, t.port, t.protocol, now(), now(), ?, ?"
                        + " from (select distinct on (u.host_id, coalesce(u.definition_id, 'name:' || lower(u.name)), u.protocol, u.port) u.*"
                        + "   from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::int[], ?::text[], ?::text[], ?::int[], ?::text[])"
                        + "   as u(host_id, definition_id, name, category, confidence, reason, version, port, protocol)"
                        + "   order by u.host_id, coalesce(u.definition_id, 'name:' || lower(u.name)), u.protocol, u.port, u.confidence desc) t"
                        + " on conflict (organization_id, host_id, match_key, protocol, port) do update set"
                        + " name = excluded.name, category = excluded.category, confidence = excluded.confidence,"
                        + " match_reason = excluded.match_reason, version = coalesce(excluded.version, services.version),"
                        + " last_seen = greatest(services.last_seen, excluded.last_seen),"
                        + " last_run_id = excluded.last_run_id, last_daemon_id = excluded.last_daemon_id"
                        + " returning id, host_id, match_key, protocol, port",
                rs -> ids.put(serviceKey(rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), rs.getInt(5)), rs.getObject(1, UUID.class)),
                organizationId, runId, daemonId, uuids(c, rows, MergePlan.ServiceRow::hostId),
                text(c, rows, r -> r.service().definitionId()), text(c, rows, r -> r.service().name()),
                text(c, rows, r -> r.service().category()), ints(c, rows, r -> r.service().confidence()),
                text(c, rows, r -> r.service().reason()), text(c, rows, r -> r.service().version()),
                ints(c, rows, r -> r.service().port()), text(c, rows, r -> r.service().protocol())));
        return ids;
    }

    static String interfaceKey(UUID hostId, String ip) {
        return hostId + "|" + Addresses.key(ip);
    }

    static String portKey(UUID hostId, String protocol, int number) {
        return hostId + "|" + protocol + "|" + number;
    }

    static String serviceKey(UUID hostId, String matchKey, String protocol, int port) {
        return hostId + "|" + matchKey + "|" + protocol + "|" + port;
    }

    /**
     * The {@code services.match_key} of services known only by name, as PostgreSQL computes it
     * ({@code 'name:' || lower(name)}, whose case rules follow the database's locale), by name.
     */
    Map<String, String> nameKeys(Collection<String> names) {
        Map<String, String> keys = new HashMap<>();
        if (names.isEmpty()) {
            return keys;
        }
        withConnection(c -> Sql.list(c, "select n, 'name:' || lower(n) from unnest(?::text[]) as n",
                rs -> keys.put(rs.getString(1), rs.getString(2)), text(c, names)));
        return keys;
    }

    /** A binding with the ids its rows got. */
    record ResolvedBinding(UUID serviceId, UUID portId, UUID interfaceId) {
    }

    /** Binds services to ports on interfaces, once each ({@code bindings_identity_uidx}). */
    void insertBindings(UUID organizationId, List<ResolvedBinding> rows) {
        if (rows.isEmpty()) {
            return;
        }
        withConnection(c -> Sql.update(c, "insert into bindings (id, organization_id, service_id, port_id, interface_id)"
                        + " select gen_random_uuid(), ?, t.service_id, t.port_id, t.interface_id"
                        + " from unnest(?::uuid[], ?::uuid[], ?::uuid[]) as t(service_id, port_id, interface_id)"
                        + " on conflict (organization_id, service_id, port_id, interface_id) do nothing",
                organizationId, uuids(c, rows, ResolvedBinding::serviceId), uuids(c, rows, ResolvedBinding::portId),
                uuids(c, rows, ResolvedBinding::interfaceId)));
    }

    /**
     * One sighting per run and host: the first one (later batches of the same run keep it), with
     * the MAC and host name reported, which change tracking compares at the run's completion.
     */
    void insertObservations(UUID organizationId, UUID runId, UUID daemonId, List<MergePlan.Observation> rows) {
        if (rows.isEmpty()) {
            return;
        }
        withConnection(c -> Sql.update(c, "insert into host_observations (organization_id, run_id, host_id, daemon_id, ip, matched_by, match_detail,"
                        + " mac, hostname, seen_at)"
                        + " select ?, ?, t.host_id, ?, t.ip::inet, t.rule, t.detail, t.mac::macaddr, t.hostname, now()"
                        + " from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) as t(host_id, ip, rule, detail, mac, hostname)"
                        + " on conflict (organization_id, run_id, host_id) do nothing",
                organizationId, runId, daemonId, uuids(c, rows, MergePlan.Observation::hostId),
                text(c, rows, MergePlan.Observation::ip), text(c, rows, o -> o.rule().name()),
                text(c, rows, MergePlan.Observation::detail), text(c, rows, MergePlan.Observation::mac),
                text(c, rows, MergePlan.Observation::hostname)));
    }

    /**
     * Docker containers by (host, container id): what the engine says now replaces name, image,
     * state, ports and networks; first_seen stays. Containers of the host missing from the batch are left alone.
     */
    void upsertContainers(UUID organizationId, UUID runId, List<MergePlan.ContainerRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        withConnection(c -> Sql.update(c, "insert into host_containers (id, organization_id, host_id, container_id, name, image, state,"
                        + " ports, networks, first_seen, last_seen, last_run_id)"
                        + " select gen_random_uuid(), ?, t.host_id, t.container_id, t.name, t.image, t.state, t.ports::jsonb,"
                        + " t.networks::jsonb, now(), now(), ?"
                        + " from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])"
                        + " as t(host_id, container_id, name, image, state, ports, networks)"
                        + " on conflict (organization_id, host_id, container_id) do update set"
                        + " name = excluded.name, image = excluded.image, state = excluded.state,"
                        + " ports = excluded.ports, networks = excluded.networks,"
                        + " last_seen = greatest(host_containers.last_seen, excluded.last_seen), last_run_id = excluded.last_run_id",
                organizationId, runId, uuids(c, rows, MergePlan.ContainerRow::hostId), text(c, rows, r -> r.container().id()),
                text(c, rows, r -> r.container().name()), text(c, rows, r -> r.container().image()),
                text(c, rows, r -> r.container().state()), text(c, rows, r -> json(r.container().ports())),
                text(c, rows, r -> json(r.container().networks()))));
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** The checked ports or networks of a container as stored (jsonb): records as objects, nulls kept. */
    private static String json(List<?> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- plumbing ---

    @FunctionalInterface
    private interface WithConnection<T> {
        T apply(Connection c) throws SQLException;
    }

    /** SQLSTATE of a foreign key violation: a row the merge refers to was deleted meanwhile. */
    private static final String FOREIGN_KEY_VIOLATION = "23503";

    private <T> T withConnection(WithConnection<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.apply(c);
        } catch (SQLException e) {
            if (FOREIGN_KEY_VIOLATION.equals(e.getSQLState())) {
                throw new ConcurrentChangeException(e);
            }
            throw new IllegalStateException(e);
        }
    }

    private <T> Optional<T> one(String sql, Sql.Row<T> row, Object... args) {
        List<T> rows = withConnection(c -> Sql.list(c, sql, row, args));
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
    }

    private <T> List<T> list(String sql, Sql.Row<T> row, Object... args) {
        return withConnection(c -> Sql.list(c, sql, row, args));
    }

    private int update(String sql, Object... args) {
        return withConnection(c -> Sql.update(c, sql, args));
    }

    private static <R> Array uuids(Connection c, List<R> rows, Function<R, UUID> value) throws SQLException {
        Object[] out = new Object[rows.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = value.apply(rows.get(i));
        }
        return c.createArrayOf("uuid", out);
    }

    private static <R> Array text(Connection c, List<R> rows, Function<R, String> value) throws SQLException {
        Object[] out = new Object[rows.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = value.apply(rows.get(i));
        }
        return c.createArrayOf("text", out);
    }

    private static Array text(Connection c, Collection<String> values) throws SQLException {
        return c.createArrayOf("text", values.toArray());
    }

    private static <R> Array ints(Connection c, List<R> rows, Function<R, Integer> value) throws SQLException {
        Object[] out = new Object[rows.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = value.apply(rows.get(i));
        }
        return c.createArrayOf("int4", out);
    }
}
