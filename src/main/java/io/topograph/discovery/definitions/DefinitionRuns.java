package io.topograph.discovery.definitions;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import io.topograph.discovery.RunOptions;
import io.topograph.platform.persistence.Sql;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Queues the runs of definitions. A scheduled fire carries its scheduled fire time: the unique
 * key (organization, definition, scheduled_for) makes a second insert of the same fire (a
 * recovered job, a second node) a no-op.
 */
@Singleton
@Transactional
public class DefinitionRuns {

    private final Sql sql;
    private final JsonMapper json;

    public DefinitionRuns(Sql sql, JsonMapper json) {
        this.sql = sql;
        this.json = json;
    }

    /** The new run's id; empty when this fire was already queued. */
    public Optional<UUID> insert(Definition d, @Nullable UUID daemonId, List<String> targets, String trigger,
                                 @Nullable UUID requestedBy, @Nullable Instant scheduledFor) {
        UUID id = UUID.randomUUID();
        return sql.one("insert into discovery_runs (id, organization_id, network_id, daemon_id, requested_by, trigger, targets, ports,"
                        + " options, definition_id, scheduled_for) values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?::jsonb, ?, ?)"
                        + " on conflict (organization_id, definition_id, scheduled_for) do nothing returning id",
                rs -> rs.getObject(1, UUID.class), id, d.organizationId(), d.networkId(), daemonId, requestedBy, trigger,
                write(targets), d.ports(), write(d.options() == null ? RunOptions.defaults() : d.options()), d.id(), scheduledFor);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
