package io.topograph.topology.diagrams;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.annotation.Nullable;
import io.topograph.platform.persistence.Sql;
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

/** SQL of saved diagrams and pinned positions; every statement is scoped by organization (and network). */
@Singleton
class DiagramStore {

    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final String COLUMNS = "id, network_id, name, options::text, drawn_fingerprint, drawn_at, created_at, updated_at";

    private final Sql sql;

    DiagramStore(Sql sql) {
        this.sql = sql;
    }

    boolean networkExists(UUID organizationId, UUID networkId) {
        return sql.count("select count(*) from networks where organization_id = ? and id = ?", organizationId, networkId) > 0;
    }

    /**
     * Locks the network's row: creating the first diagram and deleting the last one are serialized per
     * network. "No key update" leaves the foreign key checks of ingestion (key share) unblocked.
     */
    void lockNetwork(UUID organizationId, UUID networkId) {
        sql.list("select id from networks where organization_id = ? and id = ? for no key update", rs -> rs.getObject(1), organizationId, networkId);
    }

    List<Diagram> list(UUID organizationId, UUID networkId) {
        return sql.list("select " + COLUMNS + " from topologies where organization_id = ? and network_id = ? order by created_at, lower(name), id",
                DiagramStore::map, organizationId, networkId);
    }

    Optional<Diagram> find(UUID organizationId, UUID networkId, UUID id) {
        return sql.one("select " + COLUMNS + " from topologies where organization_id = ? and network_id = ? and id = ?",
                DiagramStore::map, organizationId, networkId, id);
    }

    boolean nameTaken(UUID organizationId, UUID networkId, String name, @Nullable UUID exceptId) {
        return sql.count("select count(*) from topologies where organization_id = ? and network_id = ? and lower(name) = lower(?)"
                + " and id <> ?", organizationId, networkId, name, exceptId == null ? new UUID(0, 0) : exceptId) > 0;
    }

    void insert(UUID organizationId, UUID networkId, UUID id, String name, DiagramOptions options) {
        sql.update("insert into topologies (id, organization_id, network_id, name, options) values (?, ?, ?, ?, ?::jsonb)",
                id, organizationId, networkId, name, write(options));
    }

    void rename(UUID organizationId, UUID networkId, UUID id, String name) {
        sql.update("update topologies set name = ?, updated_at = now() where organization_id = ? and network_id = ? and id = ?",
                name, organizationId, networkId, id);
    }

    void saveOptions(UUID organizationId, UUID networkId, UUID id, DiagramOptions options) {
        sql.update("update topologies set options = ?::jsonb, updated_at = now() where organization_id = ? and network_id = ? and id = ?",
                write(options), organizationId, networkId, id);
    }

    void markDrawn(UUID organizationId, UUID networkId, UUID id, String fingerprint) {
        sql.update("update topologies set drawn_fingerprint = ?, drawn_at = now() where organization_id = ? and network_id = ? and id = ?",
                fingerprint, organizationId, networkId, id);
    }

    long count(UUID organizationId, UUID networkId) {
        return sql.count("select count(*) from topologies where organization_id = ? and network_id = ?", organizationId, networkId);
    }

    void delete(UUID organizationId, UUID networkId, UUID id) {
        sql.update("delete from topologies where organization_id = ? and network_id = ? and id = ?", organizationId, networkId, id);
    }

    List<NodePosition> positions(UUID organizationId, UUID topologyId) {
        return sql.list("select node_id, x, y from topology_positions where organization_id = ? and topology_id = ? order by node_id",
                rs -> new NodePosition(rs.getString(1), rs.getDouble(2), rs.getDouble(3)), organizationId, topologyId);
    }

    void pin(UUID organizationId, UUID topologyId, NodePosition p) {
        sql.update("insert into topology_positions (organization_id, topology_id, node_id, x, y) values (?, ?, ?, ?, ?)"
                        + " on conflict (organization_id, topology_id, node_id) do update set x = excluded.x, y = excluded.y, pinned_at = now()",
                organizationId, topologyId, p.nodeId(), p.x(), p.y());
    }

    int unpinAll(UUID organizationId, UUID topologyId) {
        return sql.update("delete from topology_positions where organization_id = ? and topology_id = ?", organizationId, topologyId);
    }

    /**
     * Whether a node id names something of the network's inventory: a host, a Docker container of
     * one of its hosts, a subnet, or the Internet node. Index lookups, so a drag does not build the graph.
     */
    boolean nodeExists(UUID organizationId, UUID networkId, String nodeId) {
        if (nodeId.equals("internet")) {
            return true;
        }
        try {
            if (nodeId.startsWith("host:")) {
                return sql.count("select count(*) from hosts where organization_id = ? and network_id = ? and id = ?", organizationId, networkId,
                        UUID.fromString(nodeId.substring(5))) > 0;
            }
            if (nodeId.startsWith("subnet:")) {
                return sql.count("select count(*) from subnets where organization_id = ? and network_id = ? and id = ?", organizationId,
                        networkId, UUID.fromString(nodeId.substring(7))) > 0;
            }
            if (nodeId.startsWith("container:") && nodeId.length() > 47 && nodeId.charAt(46) == ':') {
                return sql.count("select count(*) from hosts h join host_containers c on c.organization_id = h.organization_id and c.host_id = h.id"
                                + " where h.organization_id = ? and h.network_id = ? and h.id = ? and c.container_id = ?", organizationId, networkId,
                        UUID.fromString(nodeId.substring(10, 46)), nodeId.substring(47)) > 0;
            }
        } catch (IllegalArgumentException e) {
            return false;
        }
        return false;
    }

    private static Diagram map(ResultSet rs) throws SQLException {
        return new Diagram(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), read(rs.getString(4)), rs.getString(5),
                instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7)), instant(rs.getTimestamp(8)));
    }

    @Nullable
    private static Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    static DiagramOptions read(String json) {
        try {
            DiagramOptions o = json == null || json.equals("{}") ? null : JSON.readValue(json, DiagramOptions.class);
            return o == null ? DiagramOptions.defaults() : o;
        } catch (IOException e) {
            // Options written by an older version that no longer read: the defaults, rather than a diagram that cannot open.
            return DiagramOptions.defaults();
        }
    }

    static String write(DiagramOptions options) {
        try {
            return JSON.writeValueAsString(options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
