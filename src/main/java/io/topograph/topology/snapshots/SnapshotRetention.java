package io.topograph.topology.snapshots;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes snapshots past retention ({@link SnapshotSettings}) in slices of {@link #SLICE}, each its
 * own statement; any node may sweep, and nodes sweeping at once skip each other's locked rows.
 */
@Singleton
public class SnapshotRetention {

    static final int SLICE = 500;
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotRetention.class);

    private final SnapshotStore store;
    private final SnapshotSettings settings;

    SnapshotRetention(SnapshotStore store, SnapshotSettings settings) {
        this.store = store;
        this.settings = settings;
    }

    @Scheduled(fixedDelay = "${topograph.topology.snapshot-sweep-interval:1h}", initialDelay = "${topograph.topology.snapshot-sweep-delay:3m}")
    public void scheduled() {
        try {
            int deleted = sweep();
            if (deleted > 0) {
                LOG.info("Deleted {} topology snapshots past retention", deleted);
            }
        } catch (RuntimeException e) {
            LOG.warn("Deleting old topology snapshots failed; next try in one interval", e);
        }
    }

    /** Deletes every snapshot past retention now; answers how many. */
    public int sweep() {
        if (settings.keepCount() == 0 && settings.keepDays() == 0) {
            return 0;
        }
        int total = 0;
        for (int i = 0; i < 10_000; i++) {
            int n = store.deleteExpired(settings.keepCount(), settings.keepDays(), SLICE);
            total += n;
            if (n < SLICE) {
                break;
            }
        }
        return total;
    }
}
