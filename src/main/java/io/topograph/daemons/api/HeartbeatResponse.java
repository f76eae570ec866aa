package io.topograph.daemons.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.UUID;

/**
 * @param latestVersion  the version of the daemon jar this server ships (null if it ships none)
 * @param workAvailable  a queued run waits for this daemon: claim at once
 * @param cancelRunIds   runs of this daemon a user cancelled: stop them
 */
@Serdeable
public record HeartbeatResponse(int heartbeatSeconds, int leaseSeconds, @Nullable String latestVersion,
                                boolean workAvailable, List<UUID> cancelRunIds) {
}
