package io.topograph.topology.sample;

import io.micronaut.transaction.annotation.Transactional;
import io.topograph.platform.web.ConflictException;
import io.topograph.platform.web.NotFoundException;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * "Load sample network": a new network of the organization, marked {@code networks.sample}, filled
 * with a generated inventory ({@link SampleInventory}) in one transaction of a few set-based
 * statements (one per table). An organization has at most one sample network: loading again while
 * it exists answers 409 (delete it to load a fresh one), so a curious user cannot pile up copies.
 * Its addresses are made up: discovery refuses to queue any run on it (the application and a
 * database trigger), so nothing is ever sent to them.
 */
@Singleton
public class SampleNetworks {

    public static final String NAME = "Sample network";
    public static final long DEFAULT_SEED = 20_261_123L;

    private final DataSource dataSource;

    public SampleNetworks(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Transactional
    public SampleNetwork load(UUID organizationId) {
        return load(organizationId, DEFAULT_SEED);
    }

    /** Loads the sample generated from {@code seed} (the same seed, the same inventory). */
    @Transactional
    public SampleNetwork load(UUID organizationId, long seed) {
        try (Connection c = dataSource.getConnection()) {
            List<String> existing = strings(c, "select name from networks where organization_id = ? and sample", organizationId);
            if (!existing.isEmpty()) {
                throw new ConflictException("This organization already has a sample network (“" + existing.get(0)
                        + "”): open it, or delete it to load a fresh one.");
            }
            if (strings(c, "select id::text from organizations where id = ?", organizationId).isEmpty()) {
                throw new NotFoundException("Organization not found");
            }
            String name = freeName(c, organizationId);
            UUID networkId = UUID.randomUUID();
            update(c, "insert into networks (id, organization_id, name, description, sample) values (?, ?, ?, ?, true)", networkId,
                    organizationId, name, "A generated example network to explore Topograph. Its addresses are made up and are never scanned.");
            SampleInventory inv = SampleInventory.generate(networkId, seed);
            write(c, organizationId, networkId, inv);
            return new SampleNetwork(networkId, name, inv.subnets.size(), inv.hosts.size(), inv.services.size(), inv.containers.size(),
                    inv.groups.size());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the network is a sample (its addresses are made up and must never be scanned). */
    @Transactional(readOnly = true)
    public boolean isSample(UUID organizationId, UUID networkId) {
        try (Connection c = dataSource.getConnection()) {
            return !strings(c, "select id::text from networks where organization_id = ? and id = ? and sample", organizationId, networkId).isEmpty();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String freeName(Connection c, UUID organizationId) throws SQLException {
        for (int i = 1; ; i++) {
            String name = i == 1 ? NAME : NAME + " " + i;
            if (strings(c, "select id::text from networks where organization_id = ? and lower(name) = lower(?)", organizationId, name).isEmpty()) {
                return name;
            }
        }
    }

    private static void write(Connection c, UUID org, UUID networkId, SampleInventory inv) throws SQLException {
        update(c, "insert into subnets (id, organization_id, network_id, cidr, name)"
                        + " select t.id::uuid, ?, ?, t.cidr::cidr, t.name from unnest(?::text[], ?::text[], ?::text[]) as t(id, cidr, name)",
                org, networkId, arr(c, inv.subnets, s -> s.id().toString()), arr(c, inv.subnets, SampleInventory.Subnet::cidr),
                arr(c, inv.subnets, SampleInventory.Subnet::name));
        update(c, "insert into hosts (id, organization_id, network_id, name, hostname, os, source, online, missed_runs, hidden)"
                        + " select t.id::uuid, ?, ?, t.name, t.hostname, t.os, 'DISCOVERED', t.online::boolean, t.missed::int, t.hidden::boolean"
                        + " from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])"
                        + " as t(id, name, hostname, os, online, missed, hidden)",
                org, networkId, arr(c, inv.hosts, h -> h.id().toString()), arr(c, inv.hosts, SampleInventory.Host::name),
                arr(c, inv.hosts, SampleInventory.Host::hostname), arr(c, inv.hosts, SampleInventory.Host::os),
                arr(c, inv.hosts, h -> h.online() == null ? null : h.online().toString()), arr(c, inv.hosts, h -> String.valueOf(h.missedRuns())),
                arr(c, inv.hosts, h -> String.valueOf(h.hidden())));
        update(c, "insert into interfaces (id, organization_id, host_id, subnet_id, ip, mac, vendor)"
                        + " select t.id::uuid, ?, t.host::uuid, t.subnet::uuid, t.ip::inet, t.mac::macaddr, t.vendor"
                        + " from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) as t(id, host, subnet, ip, mac, vendor)",
                org, arr(c, inv.interfaces, i -> i.id().toString()), arr(c, inv.interfaces, i -> i.hostId().toString()),
                arr(c, inv.interfaces, i -> i.subnetId().toString()), arr(c, inv.interfaces, SampleInventory.Interface::ip),
                arr(c, inv.interfaces, SampleInventory.Interface::mac), arr(c, inv.interfaces, SampleInventory.Interface::vendor));
        List<SampleInventory.Service> svcs = inv.services;
        update(c, "insert into ports (id, organization_id, host_id, number, protocol, state, present)"
                        + " select t.id::uuid, ?, t.host::uuid, t.number::int, t.protocol, 'OPEN', true"
                        + " from unnest(?::text[], ?::text[], ?::text[], ?::text[]) as t(id, host, number, protocol)",
                org, arr(c, svcs, s -> s.portId().toString()), arr(c, svcs, s -> s.hostId().toString()),
                arr(c, svcs, s -> String.valueOf(s.port())), arr(c, svcs, SampleInventory.Service::protocol));
        update(c, "insert into services (id, organization_id, host_id, definition_id, name, category, confidence, match_reason, port, protocol, present)"
                        + " select t.id::uuid, ?, t.host::uuid, t.def, t.name, t.category, t.confidence::int, 'Sample network (generated)',"
                        + " t.port::int, t.protocol, true"
                        + " from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])"
                        + " as t(id, host, def, name, category, confidence, port, protocol)",
                org, arr(c, svcs, s -> s.id().toString()), arr(c, svcs, s -> s.hostId().toString()),
                arr(c, svcs, SampleInventory.Service::definitionId), arr(c, svcs, SampleInventory.Service::name),
                arr(c, svcs, SampleInventory.Service::category), arr(c, svcs, s -> String.valueOf(s.confidence())),
                arr(c, svcs, s -> String.valueOf(s.port())), arr(c, svcs, SampleInventory.Service::protocol));
        update(c, "insert into bindings (id, organization_id, service_id, port_id, interface_id)"
                        + " select gen_random_uuid(), ?, t.service::uuid, t.port::uuid, t.iface::uuid"
                        + " from unnest(?::text[], ?::text[], ?::text[]) as t(service, port, iface)",
                org, arr(c, svcs, s -> s.id().toString()), arr(c, svcs, s -> s.portId().toString()),
                arr(c, svcs, s -> s.interfaceId().toString()));
        update(c, "insert into host_containers (id, organization_id, host_id, container_id, name, image, state, networks)"
                        + " select gen_random_uuid(), ?, t.host::uuid, t.cid, t.name, t.image, t.state, t.networks::jsonb"
                        + " from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) as t(host, cid, name, image, state, networks)",
                org, arr(c, inv.containers, x -> x.hostId().toString()), arr(c, inv.containers, SampleInventory.Container::containerId),
                arr(c, inv.containers, SampleInventory.Container::name), arr(c, inv.containers, SampleInventory.Container::image),
                arr(c, inv.containers, SampleInventory.Container::state), arr(c, inv.containers, SampleInventory.Container::networksJson));
        // Members as a text[] literal per group, read back by PostgreSQL (ids contain no quotes or commas).
        update(c, "insert into topology_groups (id, organization_id, network_id, name, shape, color, edge_style, members)"
                        + " select t.id::uuid, ?, ?, t.name, t.shape, t.color, t.style, t.members::text[]"
                        + " from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) as t(id, name, shape, color, style, members)",
                org, networkId, arr(c, inv.groups, g -> g.id().toString()), arr(c, inv.groups, SampleInventory.Group::name),
                arr(c, inv.groups, SampleInventory.Group::shape), arr(c, inv.groups, SampleInventory.Group::color),
                arr(c, inv.groups, SampleInventory.Group::edgeStyle), arr(c, inv.groups, g -> "{" + String.join(",", g.members()) + "}"));
    }

    private static <T> java.sql.Array arr(Connection c, List<T> rows, Function<T, String> value) throws SQLException {
        return c.createArrayOf("text", rows.stream().map(value).toArray(String[]::new));
    }

    private static void update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
    }

    private static List<String> strings(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<String> out = new java.util.ArrayList<>();
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
                return out;
            }
        }
    }
}
