package io.topograph.changes;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test bean: every {@link ChangesRecorded} published, as a listener of the notifications kind receives it. */
@Singleton
class RecordedChanges {

    private final List<ChangesRecorded> received = new CopyOnWriteArrayList<>();

    @EventListener
    void on(ChangesRecorded event) {
        received.add(event);
    }

    List<ChangesRecorded> forRun(UUID runId) {
        return received.stream().filter(e -> e.runId().equals(runId)).toList();
    }
}
