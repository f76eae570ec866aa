package io.topograph.topology.snapshots;

import io.micronaut.core.annotation.Nullable;
import io.topograph.platform.persistence.Sql;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL of topology snapshots; every statement is scoped by organization (the sweep by its own conditions). */
@Singleton
class SnapshotStore {

    private static final String SUMMARY = "id, network_id, taken_at, reason, run_id, hosts, services, graph_bytes";

    private final Sql sql;

    SnapshotStore(Sql sql) {
        this.sql = sql;
    }

    boolean networkExists(UUID organizationId, UUID networkId) {
        return sql.count("select count(*) from networks where organization_id = ? and id = ?", organizationId, networkId) > 0;
    }

    /** The new snapshot's id; empty when the run already has one (a retried completion). */
    Optional<UUID> insert(UUID organizationId, UUID networkId, SnapshotSummary.Reason reason, @Nullable UUID runId, int hosts, int services,
                          int jsonBytes, byte[] graph) {
        return sql.one("insert into topology_snapshots (id, organization_id, network_id, reason, run_id, hosts, services, graph_bytes, graph)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (organization_id, run_id) where run_id is not null do nothing returning id",
                rs -> rs.getObject(1, UUID.class), UUID.randomUUID(), organizationId, networkId, reason.name(), runId, hosts, services,
                jsonBytes, graph);
    }

    List<SnapshotSummary> list(UUID organizationId, UUID networkId, int limit) {
        return sql.list("select " + SUMMARY + " from topology_snapshots where organization_id = ? and network_id = ?"
                + " order by taken_at desc, id desc limit ?", SnapshotStore::summary, organizationId, networkId, limit);
    }

    Optional<SnapshotSummary> find(UUID organizationId, UUID networkId, UUID id) {
        return sql.one("select " + SUMMARY + " from topology_snapshots where organization_id = ? and network_id = ? and id = ?",
                SnapshotStore::summary, organizationId, networkId, id);
    }

    Optional<byte[]> graph(UUID organizationId, UUID networkId, UUID id) {
        return sql.one("select graph from topology_snapshots where organization_id = ? and network_id = ? and id = ?",
                rs -> rs.getBytes(1), organizationId, networkId, id);
    }

    /** Deletes the network's snapshots past the newest {@code keep} (reads only this network's index entries). */
    int trimNetwork(UUID organizationId, UUID networkId, int keep) {
        return sql.update("delete from topology_snapshots where organization_id = ? and network_id = ? and id in ("
                        + " select id from topology_snapshots where organization_id = ? and network_id = ?"
                        + " order by taken_at desc, id desc offset ?)",
                organizationId, networkId, organizationId, networkId, Math.max(keep, 1));
    }

    /**
     * One slice of the sweep over every organization: snapshots past their network's newest
     * {@code keep} (0: no count limit) or older than {@code days} (0: no age limit), never a
     * network's newest one. Rows another node is deleting are skipped.
     */
    int deleteExpired(int keep, int days, int limit) {
        return sql.update("delete from topology_snapshots where id in (select s.id from topology_snapshots s where s.id in ("
                        + "   select x.id from (select id, taken_at, row_number() over (partition by organization_id, network_id"
                        + "     order by taken_at desc, id desc) as newest from topology_snapshots) x"
                        + "   where x.newest > 1 and ((? > 0 and x.newest > ?) or (? > 0 and x.taken_at < now() - ? * interval '1 day')))"
                        + " limit ? for update of s skip locked)",
                keep, keep, days, days, limit);
    }

    private static SnapshotSummary summary(ResultSet rs) throws SQLException {
        return new SnapshotSummary(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getTimestamp(3).toInstant(),
                SnapshotSummary.Reason.valueOf(rs.getString(4)), rs.getObject(5, UUID.class), rs.getInt(6), rs.getInt(7), rs.getInt(8));
    }
}
