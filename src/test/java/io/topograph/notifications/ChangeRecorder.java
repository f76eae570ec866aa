package io.topograph.notifications;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.annotation.Transactional;
import io.topograph.changes.ChangeEvent;
import io.topograph.changes.ChangeKind;
import io.topograph.changes.ChangesRecorded;
import io.topograph.platform.persistence.Sql;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Stands in for change detection (another feature): stores a run and its change events and
 * publishes {@link ChangesRecorded} inside that transaction, as the real producer does.
 */
@Singleton
public class ChangeRecorder {

    /** One change to record. */
    public record Change(ChangeKind kind, String hostName, String subject, String before, String after) {
        public static Change of(ChangeKind kind, String hostName, String subject) {
            return new Change(kind, hostName, subject, null, null);
        }
    }

    private final Sql sql;
    private final ApplicationEventPublisher<ChangesRecorded> events;

    public ChangeRecorder(Sql sql, ApplicationEventPublisher<ChangesRecorded> events) {
        this.sql = sql;
        this.events = events;
    }

    /** Records the changes in one committed transaction; returns the published event. */
    @Transactional
    public ChangesRecorded record(UUID organizationId, UUID networkId, List<Change> changes) {
        return write(organizationId, networkId, changes, Instant.now());
    }

    /** Records the changes at a given time, one second apart in list order (for digests), without publishing. */
    @Transactional
    public void backdate(UUID organizationId, UUID networkId, List<Change> changes, Instant at) {
        for (int i = 0; i < changes.size(); i++) {
            insert(organizationId, networkId, null, List.of(changes.get(i)), at.plusSeconds(i));
        }
    }

    /** Records and publishes, then fails: the whole transaction rolls back. */
    @Transactional
    public void recordThenFail(UUID organizationId, UUID networkId, List<Change> changes) {
        write(organizationId, networkId, changes, Instant.now());
        throw new IllegalStateException("The run's ingestion failed after recording its changes");
    }

    private ChangesRecorded write(UUID organizationId, UUID networkId, List<Change> changes, Instant at) {
        UUID runId = UUID.randomUUID();
        sql.update("insert into discovery_runs (id, organization_id, network_id, state, finished_at) values (?, ?, ?, 'SUCCEEDED', now())",
                runId, organizationId, networkId);
        ChangesRecorded recorded = new ChangesRecorded(organizationId, networkId, runId, insert(organizationId, networkId, runId, changes, at));
        events.publishEvent(recorded);
        return recorded;
    }

    private List<ChangeEvent> insert(UUID organizationId, UUID networkId, UUID runId, List<Change> changes, Instant at) {
        List<ChangeEvent> out = new ArrayList<>();
        for (Change c : changes) {
            UUID id = UUID.randomUUID();
            sql.update("insert into change_events (id, organization_id, network_id, run_id, kind, host_name, subject, before_value,"
                            + " after_value, occurred_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    id, organizationId, networkId, runId, c.kind().name(), c.hostName(), c.subject(), c.before(), c.after(), at);
            out.add(new ChangeEvent(id, organizationId, networkId, runId, null, c.kind(), c.hostName(), c.subject(), c.before(),
                    c.after(), at, null));
        }
        return out;
    }
}
