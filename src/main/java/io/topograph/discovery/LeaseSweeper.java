package io.topograph.discovery;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Re-queues runs whose daemon stopped renewing the lease (or fails them after their last
 * attempt, with the reason "daemon stopped responding"). Safe on several server nodes: the
 * work is one conditional UPDATE, so nodes sweeping at once never handle a run twice.
 * Claims sweep their own network first as well, so a lapsed run is not left waiting for this job.
 */
@Singleton
public class LeaseSweeper {

    private static final Logger LOG = LoggerFactory.getLogger(LeaseSweeper.class);

    private final DiscoveryRunStore runs;

    public LeaseSweeper(DiscoveryRunStore runs) {
        this.runs = runs;
    }

    @Scheduled(fixedDelay = "${topograph.discovery.lease-sweep-interval:15s}", initialDelay = "${topograph.discovery.lease-sweep-interval:15s}")
    public void scheduled() {
        try {
            sweep();
        } catch (RuntimeException e) {
            LOG.warn("Sweeping lapsed discovery leases failed; next try in one interval", e);
        }
    }

    /** Sweeps now; returns what happened to each lapsed run. */
    public List<DiscoveryRunStore.Swept> sweep() {
        List<DiscoveryRunStore.Swept> swept = runs.sweepAll();
        for (DiscoveryRunStore.Swept s : swept) {
            LOG.info("Discovery run {} of organization {} lost its daemon's lease: now {}", s.runId(), s.organizationId(), s.state());
        }
        return swept;
    }
}
