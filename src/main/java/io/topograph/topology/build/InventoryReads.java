package io.topograph.topology.build;

import io.topograph.platform.persistence.Sql;
import io.topograph.platform.web.NotFoundException;
import jakarta.inject.Singleton;

import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads a network's inventory for graph building in a fixed number of set-based statements (one
 * per kind of row, {@link #STATEMENTS}), whatever the number of hosts: every statement is scoped by
 * organization and network and walks the per-organization indexes from the network's hosts.
 * Services present is not false (a service found gone is not drawn); every host is read, hidden
 * and offline ones too (the diagram options decide what is shown).
 */
@Singleton
public class InventoryReads {

    /** Statements per build: network, subnets, hosts, interfaces, services, tags, containers, groups. */
    public static final int STATEMENTS = 8;

    private final Sql sql;
    /** Statements issued since start-up; tests compare it around builds of different sizes. */
    private final AtomicLong statements = new AtomicLong();

    public InventoryReads(Sql sql) {
        this.sql = sql;
    }

    long statementsIssued() {
        return statements.get();
    }

    /** The network's inventory, or 404 when the organization has no such network. */
    public Inventory read(UUID organizationId, UUID networkId) {
        String name = one("select name from networks where organization_id = ? and id = ?", rs -> rs.getString(1), organizationId, networkId)
                .orElseThrow(() -> new NotFoundException("Network not found"));
        List<Inventory.Subnet> subnets = list("select id, cidr::text, name, kind, kind_chosen from subnets"
                        + " where organization_id = ? and network_id = ? order by cidr, id",
                rs -> new Inventory.Subnet(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5)),
                organizationId, networkId);
        List<Inventory.Host> hosts = list("select id, name, hostname, os, hidden, online, missed_runs from hosts"
                        + " where organization_id = ? and network_id = ? order by id",
                rs -> new Inventory.Host(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
                        (Boolean) rs.getObject(6), rs.getInt(7)),
                organizationId, networkId);
        List<Inventory.Interface> interfaces = list("select i.host_id, host(i.ip), i.mac::text, i.vendor, i.subnet_id"
                        + " from hosts h join interfaces i on i.organization_id = h.organization_id and i.host_id = h.id"
                        + " where h.organization_id = ? and h.network_id = ? order by i.host_id, i.ip nulls last, i.mac, i.id",
                rs -> new Inventory.Interface(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, UUID.class)),
                organizationId, networkId);
        // A service's ports from its bindings; a service without bindings (added by hand) shows its own port.
        List<Inventory.Service> services = list("select s.id, s.host_id, s.name, s.category, s.definition_id, s.confidence,"
                        + " coalesce(array_agg(distinct p.number || '/' || lower(p.protocol)) filter (where p.id is not null),"
                        + "   case when s.port is null then '{}'::text[] else array[s.port || '/' || lower(coalesce(s.protocol, 'TCP'))] end)"
                        + " from hosts h join services s on s.organization_id = h.organization_id and s.host_id = h.id"
                        + " left join bindings b on b.organization_id = s.organization_id and b.service_id = s.id"
                        + " left join ports p on p.organization_id = b.organization_id and p.id = b.port_id"
                        + " where h.organization_id = ? and h.network_id = ? and s.present is not false"
                        + " group by s.id order by s.id",
                rs -> new Inventory.Service(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6), strings(rs.getArray(7))),
                organizationId, networkId);
        List<Inventory.Tag> tags = list("select ht.host_id, t.name from hosts h"
                        + " join host_tags ht on ht.organization_id = h.organization_id and ht.host_id = h.id"
                        + " join tags t on t.organization_id = ht.organization_id and t.id = ht.tag_id"
                        + " where h.organization_id = ? and h.network_id = ? order by ht.host_id, lower(t.name), t.id",
                rs -> new Inventory.Tag(rs.getObject(1, UUID.class), rs.getString(2)), organizationId, networkId);
        // networks is [{"network","ip","mac"}] as ingestion checked it; anything else reads as no networks.
        List<Inventory.Container> containers = list("select c.host_id, c.container_id, c.name, c.image, c.state,"
                        + " array(select n ->> 'ip' from jsonb_array_elements(case when jsonb_typeof(c.networks) = 'array' then c.networks"
                        + "   else '[]'::jsonb end) with ordinality as e(n, o) where n ->> 'ip' is not null order by o),"
                        + " array(select n ->> 'mac' from jsonb_array_elements(case when jsonb_typeof(c.networks) = 'array' then c.networks"
                        + "   else '[]'::jsonb end) with ordinality as e(n, o) where n ->> 'mac' is not null order by o)"
                        + " from hosts h join host_containers c on c.organization_id = h.organization_id and c.host_id = h.id"
                        + " where h.organization_id = ? and h.network_id = ? order by c.host_id, c.container_id",
                rs -> new Inventory.Container(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), strings(rs.getArray(6)), strings(rs.getArray(7))),
                organizationId, networkId);
        List<Inventory.Group> groups = list("select id, name, shape, color, edge_style, members from topology_groups"
                        + " where organization_id = ? and network_id = ? order by lower(name), id",
                rs -> new Inventory.Group(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        strings(rs.getArray(6))),
                organizationId, networkId);
        return new Inventory(networkId, name, subnets, hosts, interfaces, services, tags, containers, groups);
    }

    private <T> List<T> list(String query, Sql.Row<T> row, Object... args) {
        statements.incrementAndGet();
        return sql.list(query, row, args);
    }

    private <T> Optional<T> one(String query, Sql.Row<T> row, Object... args) {
        statements.incrementAndGet();
        return sql.one(query, row, args);
    }

    static List<String> strings(Array array) throws SQLException {
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
