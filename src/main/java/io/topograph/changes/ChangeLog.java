package io.topograph.changes;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import io.topograph.platform.persistence.Sql;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads and acknowledges change events, always within one organization and a set of networks:
 * one network, the networks a member may see, or (null) all of the organization's.
 */
@Singleton
@Transactional
class ChangeLog {

    /** A stored change with the names the pages and the API show next to it. */
    record Entry(ChangeEvent event, String networkName, @Nullable String acknowledgedBy, boolean hostExists) {
    }

    private static final String COLUMNS = "select e.id, e.organization_id, e.network_id, e.run_id, e.host_id, e.kind, e.host_name,"
            + " e.subject, e.before_value, e.after_value, e.occurred_at, e.acknowledged_at, n.name, u.name, e.host_id is not null";

    private final Sql sql;

    ChangeLog(Sql sql) {
        this.sql = sql;
    }

    List<Entry> page(UUID organizationId, @Nullable Collection<UUID> networkIds, ChangeQuery query) {
        List<Object> args = new ArrayList<>();
        String where = where(organizationId, networkIds, query, args);
        args.add(query.size());
        args.add((long) (query.page() - 1) * query.size());
        return sql.list(COLUMNS + " from change_events e"
                        + " join networks n on n.organization_id = e.organization_id and n.id = e.network_id"
                        + " left join users u on u.id = e.acknowledged_by"
                        + where + " order by e.occurred_at desc, e.kind, lower(e.host_name), e.subject, e.id limit ? offset ?",
                ChangeLog::entry, args.toArray());
    }

    long count(UUID organizationId, @Nullable Collection<UUID> networkIds, ChangeQuery query) {
        List<Object> args = new ArrayList<>();
        String where = where(organizationId, networkIds, query, args);
        return sql.count("select count(*) from change_events e" + where, args.toArray());
    }

    Optional<Entry> find(UUID organizationId, UUID id) {
        return sql.one(COLUMNS + " from change_events e"
                        + " join networks n on n.organization_id = e.organization_id and n.id = e.network_id"
                        + " left join users u on u.id = e.acknowledged_by"
                        + " where e.organization_id = ? and e.id = ?",
                ChangeLog::entry, organizationId, id);
    }

    /** Acknowledges one change (a change acknowledged before keeps its first acknowledgement). */
    void acknowledge(UUID organizationId, UUID id, UUID userId) {
        sql.update("update change_events set acknowledged_at = now(), acknowledged_by = ?"
                + " where organization_id = ? and id = ? and acknowledged_at is null", userId, organizationId, id);
    }

    /** Acknowledges every unacknowledged change matching the filters (the page is ignored); answers how many. */
    int acknowledgeAll(UUID organizationId, @Nullable Collection<UUID> networkIds, ChangeQuery query, UUID userId) {
        List<Object> args = new ArrayList<>();
        args.add(userId);
        String where = where(organizationId, networkIds, query, args);
        return sql.update("update change_events e set acknowledged_at = now(), acknowledged_by = ?" + where
                + " and e.acknowledged_at is null", args.toArray());
    }

    /** The WHERE clause for the filters, its arguments appended to {@code args}. */
    private static String where(UUID organizationId, @Nullable Collection<UUID> networkIds, ChangeQuery query, List<Object> args) {
        StringBuilder w = new StringBuilder(" where e.organization_id = ?");
        args.add(organizationId);
        if (networkIds != null) {
            w.append(" and e.network_id = any(?::uuid[])");
            args.add("{" + String.join(",", networkIds.stream().map(UUID::toString).toList()) + "}");
        }
        if (query.since() != null) {
            w.append(" and e.occurred_at >= ?");
            args.add(Timestamp.from(query.since()));
        }
        if (query.until() != null) {
            w.append(" and e.occurred_at < ?");
            args.add(Timestamp.from(query.until()));
        }
        if (query.kind() != null) {
            w.append(" and e.kind = ?");
            args.add(query.kind().name());
        }
        if (query.acknowledged() != null) {
            w.append(query.acknowledged() ? " and e.acknowledged_at is not null" : " and e.acknowledged_at is null");
        }
        return w.toString();
    }

    private static Entry entry(ResultSet rs) throws SQLException {
        Timestamp ack = rs.getTimestamp(12);
        ChangeEvent event = new ChangeEvent(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                rs.getObject(4, UUID.class), rs.getObject(5, UUID.class), ChangeKind.valueOf(rs.getString(6)), rs.getString(7),
                rs.getString(8), rs.getString(9), rs.getString(10), rs.getTimestamp(11).toInstant(), ack == null ? null : ack.toInstant());
        return new Entry(event, rs.getString(13), rs.getString(14), rs.getBoolean(15));
    }
}
