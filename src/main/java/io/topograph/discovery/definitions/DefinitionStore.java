package io.topograph.discovery.definitions;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import io.topograph.discovery.RunOptions;
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

/** {@code discovery_definitions} in plain SQL; every method names the organization. */
@Singleton
@Transactional
public class DefinitionStore {

    private static final String COLUMNS = "select d.id, d.organization_id, d.network_id, d.name, d.daemon_pinned, d.daemon_id,"
            + " coalesce(a.name, d.daemon_name), d.targets::text, d.exclude::text, d.ports, d.options::text, d.schedule_kind, d.cron,"
            + " d.timezone, d.interval_seconds, d.enabled, d.is_default, d.last_skip_reason, d.last_skipped_at, d.created_at,"
            + " d.updated_at, ";
    private static final String FROM = " from discovery_definitions d"
            + " left join daemons a on a.organization_id = d.organization_id and a.id = d.daemon_id";
    /** Without the last run: what a fire needs. */
    private static final String FIRE_SELECT = COLUMNS + "null::uuid, null, null::timestamptz" + FROM;
    private static final String SELECT = COLUMNS + "r.id, r.state, r.created_at" + FROM
            + " left join lateral (select id, state, created_at from discovery_runs x where x.organization_id = d.organization_id"
            + "   and x.definition_id = d.id order by x.created_at desc, x.id desc limit 1) r on true";

    /** The fields a save writes. */
    public record Row(String name, boolean daemonPinned, @Nullable UUID daemonId, @Nullable String daemonName, List<String> targets,
                      List<String> exclude, String ports, RunOptions options, Definition.ScheduleKind kind, @Nullable String cron,
                      @Nullable String timezone, @Nullable Integer intervalSeconds, boolean enabled) {
    }

    private final Sql sql;
    private final JsonMapper json;

    public DefinitionStore(Sql sql, JsonMapper json) {
        this.sql = sql;
        this.json = json;
    }

    public void insert(UUID organizationId, UUID id, UUID networkId, Row r, boolean isDefault, @Nullable UUID createdBy) {
        sql.update("insert into discovery_definitions (id, organization_id, network_id, name, daemon_pinned, daemon_id, daemon_name,"
                        + " targets, exclude, ports, options, schedule_kind, cron, timezone, interval_seconds, enabled, is_default, created_by)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?)",
                id, organizationId, networkId, r.name(), r.daemonPinned(), r.daemonId(), r.daemonName(), write(r.targets()),
                write(r.exclude()), r.ports(), write(r.options()), r.kind().name(), r.cron(), r.timezone(), r.intervalSeconds(),
                r.enabled(), isDefault, createdBy);
    }

    public void update(UUID organizationId, UUID id, Row r) {
        sql.update("update discovery_definitions set name = ?, daemon_pinned = ?, daemon_id = ?, daemon_name = ?, targets = ?::jsonb,"
                        + " exclude = ?::jsonb, ports = ?, options = ?::jsonb, schedule_kind = ?, cron = ?, timezone = ?, interval_seconds = ?,"
                        + " enabled = ?, last_skip_reason = null, last_skipped_at = null, updated_at = now()"
                        + " where organization_id = ? and id = ?",
                r.name(), r.daemonPinned(), r.daemonId(), r.daemonName(), write(r.targets()), write(r.exclude()), r.ports(),
                write(r.options()), r.kind().name(), r.cron(), r.timezone(), r.intervalSeconds(), r.enabled(), organizationId, id);
    }

    public void setEnabled(UUID organizationId, UUID id, boolean enabled) {
        sql.update("update discovery_definitions set enabled = ?, updated_at = now() where organization_id = ? and id = ?",
                enabled, organizationId, id);
    }

    public void delete(UUID organizationId, UUID id) {
        sql.update("delete from discovery_definitions where organization_id = ? and id = ?", organizationId, id);
    }

    public void skipped(UUID organizationId, UUID id, String reason) {
        sql.update("update discovery_definitions set last_skip_reason = ?, last_skipped_at = now() where organization_id = ? and id = ?",
                reason, organizationId, id);
    }

    public void clearSkip(UUID organizationId, UUID id) {
        sql.update("update discovery_definitions set last_skip_reason = null, last_skipped_at = null"
                + " where organization_id = ? and id = ? and last_skip_reason is not null", organizationId, id);
    }

    /** The definition without its last run (the fire path: one index probe, no join over runs). */
    public Optional<Definition> findForFire(UUID organizationId, UUID id) {
        return sql.one(FIRE_SELECT + " where d.organization_id = ? and d.id = ?", this::map, organizationId, id);
    }

    public Optional<Definition> find(UUID organizationId, UUID id) {
        return sql.one(SELECT + " where d.organization_id = ? and d.id = ?", this::map, organizationId, id);
    }

    public List<Definition> listByNetwork(UUID organizationId, UUID networkId) {
        return sql.list(SELECT + " where d.organization_id = ? and d.network_id = ? order by lower(d.name), d.created_at, d.id",
                this::map, organizationId, networkId);
    }

    public long countByNetwork(UUID organizationId, UUID networkId) {
        return sql.count("select count(*) from discovery_definitions where organization_id = ? and network_id = ?", organizationId, networkId);
    }

    private Definition map(ResultSet rs) throws SQLException {
        return new Definition(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), rs.getString(4),
                rs.getBoolean(5), rs.getObject(6, UUID.class), rs.getString(7), read(rs.getString(8), Argument.listOf(String.class)),
                read(rs.getString(9), Argument.listOf(String.class)), rs.getString(10), options(rs.getString(11)),
                Definition.ScheduleKind.valueOf(rs.getString(12)), rs.getString(13), rs.getString(14), rs.getObject(15, Integer.class),
                rs.getBoolean(16), rs.getBoolean(17), rs.getString(18), instant(rs, 19), instant(rs, 20), instant(rs, 21),
                rs.getObject(22, UUID.class), rs.getString(23), instant(rs, 24));
    }

    private RunOptions options(String text) {
        RunOptions o = read(text, Argument.of(RunOptions.class));
        return o == null ? RunOptions.defaults() : o;
    }

    @Nullable
    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private String write(Object value) {
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
