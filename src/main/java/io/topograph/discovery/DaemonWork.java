package io.topograph.discovery;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.UUID;

/** Bodies of the daemon's work calls (docs/daemon-protocol.md); receivers ignore fields they do not know. */
public final class DaemonWork {

    private DaemonWork() {
    }

    /** {@code POST /work/claim} answer. */
    @Serdeable
    public record ClaimAnswer(Claimed run) {
    }

    @Serdeable
    public record Claimed(UUID id, int attempt, List<String> targets, String ports, RunOptions options,
                          List<java.util.Map<String, Object>> customDefinitions, int leaseSeconds) {
    }

    /** {@code portsProbed} is optional: daemons older than the field leave it out. */
    @Serdeable
    public record Progress(@Nullable String phase, @Nullable Integer percent, @Nullable Integer hostsFound, @Nullable Long portsProbed) {
    }

    @Serdeable
    public record ProgressAnswer(boolean cancel) {
    }

    @Serdeable
    public record Complete(@Nullable Integer batches, @Nullable JsonNode stats, @Nullable List<String> warnings) {
    }

    @Serdeable
    public record Fail(@Nullable String reason) {
    }

    @Serdeable
    public record StateAnswer(String state) {
    }
}
