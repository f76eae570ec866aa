package io.topograph.topology.snapshots;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/**
 * Snapshot retention: each network keeps its newest {@code topograph.topology.snapshot-retention-count}
 * snapshots (default 50), and none older than {@code ...-days} (default 180); 0 turns a limit off.
 * The newest snapshot of a network is always kept, so the last known state can still be compared.
 */
@Singleton
public class SnapshotSettings {

    private final int keepCount;
    private final int keepDays;

    public SnapshotSettings(@Value("${topograph.topology.snapshot-retention-count:50}") int keepCount,
                            @Value("${topograph.topology.snapshot-retention-days:180}") int keepDays) {
        if (keepCount < 0 || keepDays < 0) {
            throw new IllegalArgumentException("topograph.topology.snapshot-retention-count and -days must be 0 (off) or more");
        }
        this.keepCount = keepCount;
        this.keepDays = keepDays;
    }

    public int keepCount() {
        return keepCount;
    }

    public int keepDays() {
        return keepDays;
    }
}
