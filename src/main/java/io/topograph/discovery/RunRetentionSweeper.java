package io.topograph.discovery;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes finished runs past {@code topograph.discovery.run-retention-days}, always keeping each
 * network's newest {@code run-retention-keep} runs ({@link RunLimits}). Works in slices of
 * {@link #SLICE} runs, each its own statement; several server nodes may sweep at once (their
 * slices skip each other's locked rows). Change events and hosts outlive the runs they name.
 */
@Singleton
public class RunRetentionSweeper {

    static final int SLICE = 500;
    private static final Logger LOG = LoggerFactory.getLogger(RunRetentionSweeper.class);

    private final DiscoveryRunStore runs;
    private final RunLimits limits;

    public RunRetentionSweeper(DiscoveryRunStore runs, RunLimits limits) {
        this.runs = runs;
        this.limits = limits;
    }

    @Scheduled(fixedDelay = "${topograph.discovery.retention-sweep-interval:1h}", initialDelay = "${topograph.discovery.retention-sweep-delay:2m}")
    public void scheduled() {
        try {
            int deleted = sweep();
            if (deleted > 0) {
                LOG.info("Deleted {} discovery runs older than {} days", deleted, limits.retentionDays());
            }
        } catch (RuntimeException e) {
            LOG.warn("Deleting old discovery runs failed; next try in one interval", e);
        }
    }

    /** Deletes every run past retention now; returns how many. Does nothing when retention is off (zero days or less). */
    public int sweep() {
        if (limits.retentionDays() <= 0) {
            return 0;
        }
        int total = 0;
        for (int i = 0; i < 10_000; i++) {
            int n = runs.deleteExpired(limits.retentionDays(), limits.retentionKeep(), SLICE);
            total += n;
            if (n < SLICE) {
                break;
            }
        }
        return total;
    }
}
