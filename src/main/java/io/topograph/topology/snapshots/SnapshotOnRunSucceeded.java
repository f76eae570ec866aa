package io.topograph.topology.snapshots;

import io.micronaut.runtime.event.annotation.EventListener;
import io.topograph.discovery.RunSucceeded;
import jakarta.inject.Singleton;

/**
 * Takes a network's snapshot when one of its runs succeeds, inside the completion's transaction
 * (a plain {@code @EventListener}): the snapshot shows exactly what the run just recorded, while
 * the network is still locked by change tracking, and it commits with the run or not at all, so no
 * successful run lacks its snapshot after a crash. The cost is the graph build (a few hundred ms
 * at 5,000 hosts) added to the completion; the run's unique id makes a second take a no-op.
 */
@Singleton
public class SnapshotOnRunSucceeded {

    private final SnapshotService snapshots;

    public SnapshotOnRunSucceeded(SnapshotService snapshots) {
        this.snapshots = snapshots;
    }

    @EventListener
    public void onRunSucceeded(RunSucceeded event) {
        snapshots.takeForRun(event.organizationId(), event.networkId(), event.runId());
    }
}
