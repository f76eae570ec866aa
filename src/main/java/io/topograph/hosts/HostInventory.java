package io.topograph.hosts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import io.topograph.platform.web.Paging;
import io.topograph.tags.TagRef;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads of a network's inventory in plain SQL, always scoped by organization. A page of hosts
 * is one query (the page of host rows with, per row, its main address, service count,
 * categories and tags from correlated lookups that run for the page's rows only) plus one
 * count; the host page is one query per section.
 */
@Singleton
@Transactional
public class HostInventory {

    /**
     * Columns of {@link HostRow}, computed for the rows of the {@code page} CTE only: one lateral
     * lookup each for the main interface, the services (count and categories) and the tags.
     */
    private static final String ROW_SELECT = "select p.id, p.network_id, p.name, p.hostname, p.source, p.hidden, p.first_seen, p.last_seen,"
            + " mi.ip, mi.mac, sv.n, sv.categories, tg.tags, p.online, p.missed_runs"
            + " from page p"
            + " left join lateral (select host(i.ip) as ip, i.mac::text as mac from interfaces i"
            + "   where i.organization_id = p.organization_id and i.host_id = p.id"
            + "   order by i.ip nulls last, i.first_seen, i.id limit 1) mi on true"
            + " left join lateral (select count(*) as n, array_agg(distinct s.category order by s.category) as categories from services s"
            + "   where s.organization_id = p.organization_id and s.host_id = p.id) sv on true"
            + " left join lateral (select array_agg(t.id::text || '|' || t.color || '|' || t.name order by lower(t.name), t.id) as tags"
            + "   from host_tags ht join tags t on t.organization_id = ht.organization_id and t.id = ht.tag_id"
            + "   where ht.organization_id = p.organization_id and ht.host_id = p.id) tg on true"
            + " order by p.ord";

    /** The lowest address of a host: IPv4 sorts before IPv6 in PostgreSQL's inet order. */
    private static final String MAIN_IP = "(select min(i.ip) from interfaces i where i.organization_id = h.organization_id and i.host_id = h.id)";

    private final DataSource dataSource;

    public HostInventory(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One page of a network's hosts for {@code query}, with the total number of matches. */
    public Paging<HostRow> page(UUID organizationId, UUID networkId, HostListQuery query) {
        List<Object> params = new ArrayList<>();
        String where = where(organizationId, networkId, query, params);
        long total;
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("select count(*) from hosts h" + where)) {
                bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<HostRow> rows = List.of();
            if (total > query.offset()) {
                String order = orderBy(query);
                String sql = "with page as (select h.id, h.organization_id, h.network_id, h.name, h.hostname, h.source, h.hidden,"
                        + " h.first_seen, h.last_seen, h.online, h.missed_runs, row_number() over (order by " + order + ") as ord"
                        + " from hosts h" + where + " order by " + order + " limit ? offset ?) " + ROW_SELECT;
                List<Object> pageParams = new ArrayList<>(params);
                pageParams.add(query.size());
                pageParams.add(query.offset());
                rows = rows(c, sql, pageParams);
            }
            return new Paging<>(rows, query.page(), query.size(), total);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One host as a list row (after hiding it from its row, for example). */
    public Optional<HostRow> row(UUID organizationId, UUID hostId) {
        String sql = "with page as (select h.id, h.organization_id, h.network_id, h.name, h.hostname, h.source, h.hidden,"
                + " h.first_seen, h.last_seen, h.online, h.missed_runs, 1 as ord from hosts h where h.organization_id = ? and h.id = ?) " + ROW_SELECT;
        try (Connection c = dataSource.getConnection()) {
            return rows(c, sql, List.of(organizationId, hostId)).stream().findFirst();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String where(UUID organizationId, UUID networkId, HostListQuery query, List<Object> params) {
        StringBuilder w = new StringBuilder(" where h.organization_id = ? and h.network_id = ?");
        params.add(organizationId);
        params.add(networkId);
        if (!query.showHidden()) {
            w.append(" and not h.hidden");
        }
        if (query.state() != null) {
            w.append(" and ").append(query.state().sql);
        }
        if (query.subnetId() != null) {
            w.append(" and h.id in (select i.host_id from interfaces i where i.organization_id = ? and i.subnet_id = ?)");
            params.add(organizationId);
            params.add(query.subnetId());
        }
        if (query.category() != null) {
            w.append(" and h.id in (select s.host_id from services s where s.organization_id = ? and s.category = ?)");
            params.add(organizationId);
            params.add(query.category());
        }
        if (query.tagId() != null) {
            w.append(" and h.id in (select ht.host_id from host_tags ht where ht.organization_id = ? and ht.tag_id = ?)");
            params.add(organizationId);
            params.add(query.tagId());
        }
        String contains = query.containsPattern();
        if (contains != null) {
            w.append(" and (lower(h.name) like ? escape '\\' or lower(coalesce(h.hostname, '')) like ? escape '\\'");
            params.add(contains);
            params.add(contains);
            String ip = query.ipPrefixPattern();
            String mac = query.macPattern();
            if (ip != null || mac != null) {
                w.append(" or h.id in (select i.host_id from interfaces i where i.organization_id = ? and (");
                params.add(organizationId);
                if (ip != null) {
                    w.append("host(i.ip) like ? escape '\\'");
                    params.add(ip);
                }
                if (mac != null) {
                    w.append(ip != null ? " or " : "").append("i.mac::text like ? escape '\\'");
                    params.add(mac);
                }
                w.append("))");
            }
            w.append(" or h.id in (select s.host_id from services s where s.organization_id = ? and lower(s.name) like ? escape '\\'))");
            params.add(organizationId);
            params.add(contains);
        }
        return w.toString();
    }

    /** Each order ends with the id so pages never overlap or skip rows with equal keys. */
    static String orderBy(HostListQuery query) {
        boolean d = query.descending();
        return switch (query.sort()) {
            case NAME -> d ? "lower(h.name) desc, h.id desc" : "lower(h.name), h.id";
            case LAST_SEEN -> d ? "h.last_seen desc, h.id" : "h.last_seen, h.id desc";
            case FIRST_SEEN -> d ? "h.first_seen desc, h.id" : "h.first_seen, h.id desc";
            case IP -> d ? MAIN_IP + " desc nulls last, lower(h.name) desc, h.id desc" : MAIN_IP + " nulls last, lower(h.name), h.id";
        };
    }

    private static List<HostRow> rows(Connection c, String sql, List<Object> params) throws SQLException {
        List<HostRow> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new HostRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getBoolean(6), rs.getString(9), rs.getString(10), rs.getLong(11),
                            strings(rs.getArray(12)), tags(rs.getArray(13)), instant(rs, 7), instant(rs, 8),
                            Presence.of((Boolean) rs.getObject(14), rs.getInt(15))));
                }
            }
        }
        return out;
    }

    /** Subnets of a network for the filter, by address. */
    public List<SubnetOption> subnets(UUID organizationId, UUID networkId) {
        return query("select id, cidr::text, name from subnets where organization_id = ? and network_id = ? order by cidr",
                List.of(organizationId, networkId), rs -> new SubnetOption(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)));
    }

    /**
     * The service categories in use in the organization, read with a skip scan of
     * {@code services_category_idx}: one index probe per distinct category, however many services.
     */
    public List<String> categories(UUID organizationId) {
        return query("with recursive c(category) as ("
                        + " (select category from services where organization_id = ? order by category limit 1)"
                        + " union all"
                        + " select (select s.category from services s where s.organization_id = ? and s.category > c.category order by s.category limit 1)"
                        + " from c where c.category is not null)"
                        + " select category from c where category is not null",
                List.of(organizationId, organizationId), rs -> rs.getString(1));
    }

    /** The name of a host of this network that already has {@code ip}, if any. */
    public Optional<String> hostWithIp(UUID organizationId, UUID networkId, String ip) {
        return query("select h.name from interfaces i join hosts h on h.organization_id = i.organization_id and h.id = i.host_id"
                        + " where i.organization_id = ? and i.ip = ?::inet and h.network_id = ? limit 1",
                List.of(organizationId, ip, networkId), rs -> rs.getString(1)).stream().findFirst();
    }

    /** Adds an interface with {@code ip}, in the network's narrowest subnet that contains it (if any). */
    public void addInterface(UUID organizationId, UUID networkId, UUID hostId, String ip, Instant now) {
        update("insert into interfaces (id, organization_id, host_id, subnet_id, ip, first_seen, last_seen)"
                        + " values (?, ?, ?, (select s.id from subnets s where s.organization_id = ? and s.network_id = ? and s.cidr >>= ?::inet"
                        + " order by masklen(s.cidr) desc limit 1), ?::inet, ?, ?)",
                List.of(UUID.randomUUID(), organizationId, hostId, organizationId, networkId, ip, ip, Timestamp.from(now), Timestamp.from(now)));
    }

    public List<TagRef> tags(UUID organizationId, UUID hostId) {
        return query("select t.id, t.name, t.color from host_tags ht join tags t on t.organization_id = ht.organization_id and t.id = ht.tag_id"
                        + " where ht.organization_id = ? and ht.host_id = ? order by lower(t.name), t.id",
                List.of(organizationId, hostId), rs -> new TagRef(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)));
    }

    /** Replaces a host's tags; the ids must already be checked to belong to the organization. */
    public void replaceTags(UUID organizationId, UUID hostId, List<UUID> tagIds) {
        update("delete from host_tags where organization_id = ? and host_id = ?", List.of(organizationId, hostId));
        for (UUID tagId : tagIds) {
            update("insert into host_tags (organization_id, host_id, tag_id) values (?, ?, ?)", List.of(organizationId, hostId, tagId));
        }
    }

    public List<HostDetail.Interface> interfaces(UUID organizationId, UUID hostId) {
        return query("select i.id, i.name, host(i.ip), i.mac::text, i.subnet_id, s.cidr::text, s.name, i.first_seen, i.last_seen, i.vendor"
                        + " from interfaces i left join subnets s on s.organization_id = i.organization_id and s.id = i.subnet_id"
                        + " where i.organization_id = ? and i.host_id = ? order by i.ip nulls last, i.first_seen, i.id",
                List.of(organizationId, hostId), rs -> new HostDetail.Interface(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(10), rs.getObject(5, UUID.class), rs.getString(6), rs.getString(7),
                        instant(rs, 8), instant(rs, 9)));
    }

    public List<HostDetail.Port> ports(UUID organizationId, UUID hostId) {
        return query("select id, number, protocol, state, banner, first_seen, last_seen, present from ports"
                        + " where organization_id = ? and host_id = ? order by protocol, number",
                List.of(organizationId, hostId), rs -> new HostDetail.Port(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), instant(rs, 6), instant(rs, 7), (Boolean) rs.getObject(8)));
    }

    /** Whether discovery sees the host now (see {@link Presence}). */
    public Presence presence(UUID organizationId, UUID hostId) {
        return query("select online, missed_runs from hosts where organization_id = ? and id = ?", List.of(organizationId, hostId),
                rs -> Presence.of((Boolean) rs.getObject(1), rs.getInt(2))).stream().findFirst().orElse(Presence.UNKNOWN);
    }

    /** The host's services by name, each with its bindings (two queries for any number of services). */
    public List<HostDetail.Service> services(UUID organizationId, UUID hostId) {
        Map<UUID, List<HostDetail.Binding>> bindings = new HashMap<>();
        query("select b.service_id, b.id, b.port_id, p.number, p.protocol, b.interface_id, host(i.ip) from bindings b"
                        + " join services s on s.organization_id = b.organization_id and s.id = b.service_id"
                        + " left join ports p on p.organization_id = b.organization_id and p.id = b.port_id"
                        + " left join interfaces i on i.organization_id = b.organization_id and i.id = b.interface_id"
                        + " where s.organization_id = ? and s.host_id = ? order by p.protocol nulls last, p.number nulls last, i.ip nulls last, b.id",
                List.of(organizationId, hostId), rs -> {
                    Integer port = (Integer) rs.getObject(4);
                    bindings.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(new HostDetail.Binding(
                            rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), port, rs.getString(5),
                            rs.getObject(6, UUID.class), rs.getString(7)));
                    return null;
                });
        return query("select id, definition_id, name, category, confidence, match_reason, first_seen, last_seen, version, present from services"
                        + " where organization_id = ? and host_id = ? order by lower(name), id",
                List.of(organizationId, hostId), rs -> {
                    UUID id = rs.getObject(1, UUID.class);
                    return new HostDetail.Service(id, rs.getString(2), rs.getString(3), rs.getString(9), rs.getString(4), rs.getInt(5),
                            rs.getString(6), instant(rs, 7), instant(rs, 8), bindings.getOrDefault(id, List.of()),
                            (Boolean) rs.getObject(10));
                });
    }

    /** The latest sighting of the host by discovery (host_observations), with the daemon's name. */
    public Optional<HostDetail.SeenBy> seenBy(UUID organizationId, UUID hostId) {
        return query("select o.run_id, o.daemon_id, d.name, host(o.ip), o.matched_by, o.match_detail, o.seen_at from host_observations o"
                        + " left join daemons d on d.organization_id = o.organization_id and d.id = o.daemon_id"
                        + " where o.organization_id = ? and o.host_id = ? order by o.seen_at desc, o.run_id limit 1",
                List.of(organizationId, hostId), rs -> new HostDetail.SeenBy(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), instant(rs, 7))).stream().findFirst();
    }

    /** The Docker containers found on the host, by name. */
    public List<HostDetail.Container> containers(UUID organizationId, UUID hostId) {
        return query("select id, container_id, name, image, state, ports::text, networks::text, first_seen, last_seen from host_containers"
                        + " where organization_id = ? and host_id = ? order by lower(coalesce(name, container_id)), container_id",
                List.of(organizationId, hostId), rs -> new HostDetail.Container(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5), containerPorts(rs.getString(6)),
                        containerNetworks(rs.getString(7)), instant(rs, 8), instant(rs, 9)));
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** The stored ports (written by ingestion, so well-formed): [{"containerPort","protocol","hostIp","hostPort"}]. */
    private static List<HostDetail.ContainerPort> containerPorts(String json) {
        List<HostDetail.ContainerPort> out = new ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode p : readJson(json)) {
            out.add(new HostDetail.ContainerPort(p.path("containerPort").asInt(), p.path("protocol").asText("tcp"),
                    p.hasNonNull("hostIp") ? p.get("hostIp").asText() : null, p.hasNonNull("hostPort") ? p.get("hostPort").asInt() : null));
        }
        return out;
    }

    private static List<HostDetail.ContainerNetwork> containerNetworks(String json) {
        List<HostDetail.ContainerNetwork> out = new ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode n : readJson(json)) {
            out.add(new HostDetail.ContainerNetwork(n.path("network").asText(), n.hasNonNull("ip") ? n.get("ip").asText() : null,
                    n.hasNonNull("mac") ? n.get("mac").asText() : null));
        }
        return out;
    }

    private static com.fasterxml.jackson.databind.JsonNode readJson(String json) {
        try {
            return JSON.readTree(json == null ? "[]" : json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("unreadable container data", e);
        }
    }

    /** A subnet as the filter offers it. */
    public record SubnetOption(UUID id, String cidr, String name) {
        public String label() {
            return name == null || name.isBlank() ? cidr : cidr + " · " + name;
        }
    }

    @FunctionalInterface
    private interface RowMapper<T> {
        @Nullable
        T map(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, List<Object> params, RowMapper<T> mapper) {
        List<T> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    T value = mapper.map(rs);
                    if (value != null) {
                        out.add(value);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private void update(String sql, List<Object> params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Object o : (Object[]) array.getArray()) {
            out.add((String) o);
        }
        return out;
    }

    /** Decodes {@code id|color|name} (a name may itself contain bars). */
    private static List<TagRef> tags(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        Map<UUID, TagRef> out = new LinkedHashMap<>();
        for (Object o : (Object[]) array.getArray()) {
            String[] parts = ((String) o).split("\\|", 3);
            UUID id = UUID.fromString(parts[0]);
            out.put(id, new TagRef(id, parts[2], parts[1]));
        }
        return new ArrayList<>(out.values());
    }
}
