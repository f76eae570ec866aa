package io.topograph.discovery;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Re-queues runs whose daemon stopped renewing the lease (or fails them after their last
 * attempt, with the reason "daemon stopped responding"), and ends runs that waited or ran too
 * long as TIMED_OUT ({@link RunLimits}). Safe on several server nodes: each step is one
 * conditional UPDATE, so nodes sweeping at once never handle a run twice. Nothing is kept in
 * memory: a node that starts after another stopped mid-run recovers that run on its first pass.
 * Claims sweep their own network's leases first as well, so a lapsed run is not left waiting for this job.
 */
@Singleton
public class LeaseSweeper {

    private static final Logger LOG = LoggerFactory.getLogger(LeaseSweeper.class);

    private final DiscoveryRunStore runs;
    private final RunLimits limits;

    public LeaseSweeper(DiscoveryRunStore runs, RunLimits limits) {
        this.runs = runs;
        this.limits = limits;
    }

    @Scheduled(fixedDelay = "${topograph.discovery.lease-sweep-interval:15s}", initialDelay = "${topograph.discovery.lease-sweep-interval:15s}")
    public void scheduled() {
        try {
            sweep();
            sweepTimeouts();
        } catch (RuntimeException e) {
            LOG.warn("Sweeping lapsed discovery leases failed; next try in one interval", e);
        }
    }

    /** Sweeps lapsed leases now; returns what happened to each lapsed run. */
    public List<DiscoveryRunStore.Swept> sweep() {
        List<DiscoveryRunStore.Swept> swept = runs.sweepAll();
        for (DiscoveryRunStore.Swept s : swept) {
            LOG.info("Discovery run {} of organization {} lost its daemon's lease: now {}", s.runId(), s.organizationId(), s.state());
        }
        return swept;
    }

    /** Times out queued runs nobody claimed and runs past the maximum duration; returns them. */
    public List<DiscoveryRunStore.Swept> sweepTimeouts() {
        List<DiscoveryRunStore.Swept> out = new ArrayList<>();
        if (RunLimits.enabled(limits.unclaimedTimeout())) {
            for (DiscoveryRunStore.Swept s : runs.expireUnclaimed(limits.unclaimedTimeout())) {
                LOG.info("Discovery run {} of organization {} was not claimed within {}: timed out", s.runId(), s.organizationId(),
                        limits.unclaimedTimeout());
                out.add(s);
            }
        }
        if (RunLimits.enabled(limits.maxRunDuration())) {
            for (DiscoveryRunStore.Swept s : runs.timeOutLongRuns(limits.maxRunDuration())) {
                LOG.info("Discovery run {} of organization {} ran longer than {}: timed out", s.runId(), s.organizationId(),
                        limits.maxRunDuration());
                out.add(s);
            }
        }
        return out;
    }
}
