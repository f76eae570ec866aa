package io.topograph.notifications;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import io.topograph.platform.persistence.Sql;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code notification_deliveries} outbox. Tenant reads take the organization id; the
 * worker's claim works across organizations (each claimed row carries its own organization id).
 */
@Singleton
@Transactional
public class DeliveryStore {

    private static final String COLUMNS = "id, organization_id, rule_id, rule_name, network_id, event_type, channel, target,"
            + " subject, payload, change_count, status, attempts, next_attempt_at, last_status_code, last_error,"
            + " last_attempt_at, delivered_at, created_at";

    private final Sql sql;

    public DeliveryStore(Sql sql) {
        this.sql = sql;
    }

    public void insert(UUID organizationId, UUID id, NotificationRule rule, @Nullable UUID networkId, @Nullable UUID runId,
                       String eventType, String subject, String payload, int changeCount) {
        sql.update("insert into notification_deliveries (id, organization_id, rule_id, rule_name, network_id, run_id, event_type,"
                        + " channel, target, subject, payload, change_count) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id, organizationId, rule.id(), rule.name(), networkId, runId, eventType, rule.channel().name(), rule.target(),
                subject, payload, changeCount);
    }

    public List<Delivery> page(UUID organizationId, int limit, int offset) {
        return sql.list("select " + COLUMNS + " from notification_deliveries where organization_id = ?"
                + " order by created_at desc, id limit ? offset ?", DeliveryStore::map, organizationId, limit, offset);
    }

    public long count(UUID organizationId) {
        return sql.count("select count(*) from notification_deliveries where organization_id = ?", organizationId);
    }

    public Optional<Delivery> find(UUID organizationId, UUID id) {
        return sql.one("select " + COLUMNS + " from notification_deliveries where organization_id = ? and id = ?",
                DeliveryStore::map, organizationId, id);
    }

    /** Queues a finished delivery again, same body and idempotency key, with a fresh set of attempts. */
    public int redeliver(UUID organizationId, UUID id) {
        return sql.update("update notification_deliveries set status = 'PENDING', attempts = 0, next_attempt_at = now(),"
                + " locked_until = null where organization_id = ? and id = ? and status in ('DELIVERED', 'FAILED')", organizationId, id);
    }

    /**
     * Claims up to {@code limit} due deliveries for this node: pending ones whose time has come and
     * sending ones whose claim lapsed (a node died mid-send). One statement with SKIP LOCKED, so
     * nodes claiming at once never get the same row. Each claim counts as an attempt.
     */
    public List<Delivery> claimDue(int limit, Duration claimFor) {
        return sql.list("update notification_deliveries d set status = 'SENDING', attempts = d.attempts + 1,"
                        + " locked_until = now() + make_interval(secs => ?), last_attempt_at = now()"
                        + " where d.id in (select id from notification_deliveries"
                        + "   where (status = 'PENDING' and next_attempt_at <= now()) or (status = 'SENDING' and locked_until < now())"
                        + "   order by next_attempt_at limit ? for update skip locked)"
                        + " returning " + prefixed(), DeliveryStore::map,
                (double) claimFor.toMillis() / 1000.0, limit);
    }

    /** Records a success, if this node still holds the claim of that attempt. */
    public int delivered(UUID organizationId, UUID id, int attempt, @Nullable Integer statusCode) {
        return sql.update("update notification_deliveries set status = 'DELIVERED', delivered_at = now(), last_status_code = ?,"
                        + " last_error = null, locked_until = null where organization_id = ? and id = ? and status = 'SENDING' and attempts = ?",
                statusCode, organizationId, id, attempt);
    }

    /** Records a failed attempt: back to PENDING at {@code nextAttempt}, or FAILED when it is null. */
    public int attemptFailed(UUID organizationId, UUID id, int attempt, @Nullable Integer statusCode, String error,
                             @Nullable Instant nextAttempt) {
        String clipped = error.length() > 1000 ? error.substring(0, 1000) + "…" : error;
        if (nextAttempt == null) {
            return sql.update("update notification_deliveries set status = 'FAILED', last_status_code = ?, last_error = ?,"
                            + " locked_until = null where organization_id = ? and id = ? and status = 'SENDING' and attempts = ?",
                    statusCode, clipped, organizationId, id, attempt);
        }
        return sql.update("update notification_deliveries set status = 'PENDING', last_status_code = ?, last_error = ?,"
                        + " next_attempt_at = ?, locked_until = null where organization_id = ? and id = ? and status = 'SENDING' and attempts = ?",
                statusCode, clipped, Timestamp.from(nextAttempt), organizationId, id, attempt);
    }

    /** Deletes finished deliveries created before {@code cutoff} (log retention); returns how many. */
    public int purgeFinishedBefore(Instant cutoff) {
        return sql.update("delete from notification_deliveries where status in ('DELIVERED', 'FAILED') and created_at < ?",
                Timestamp.from(cutoff));
    }

    private static String prefixed() {
        return COLUMNS.replaceAll("(^|, )(\\w)", "$1d.$2");
    }

    private static Delivery map(ResultSet rs) throws SQLException {
        Timestamp lastAttempt = rs.getTimestamp("last_attempt_at");
        Timestamp delivered = rs.getTimestamp("delivered_at");
        int code = rs.getInt("last_status_code");
        Integer lastCode = rs.wasNull() ? null : code;
        return new Delivery(rs.getObject("id", UUID.class), rs.getObject("organization_id", UUID.class),
                rs.getObject("rule_id", UUID.class), rs.getString("rule_name"), rs.getObject("network_id", UUID.class),
                rs.getString("event_type"), NotificationChannel.valueOf(rs.getString("channel")), rs.getString("target"),
                rs.getString("subject"), rs.getString("payload"), rs.getInt("change_count"),
                DeliveryStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
                rs.getTimestamp("next_attempt_at").toInstant(), lastCode, rs.getString("last_error"),
                lastAttempt == null ? null : lastAttempt.toInstant(), delivered == null ? null : delivered.toInstant(),
                rs.getTimestamp("created_at").toInstant());
    }
}
