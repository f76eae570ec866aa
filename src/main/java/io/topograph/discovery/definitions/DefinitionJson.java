package io.topograph.discovery.definitions;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A definition in the JSON API. {@code schedule} is CRON, INTERVAL or MANUAL. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DefinitionJson(UUID id, UUID networkId, String name, @Nullable UUID daemonId, @Nullable String daemonName,
                             boolean daemonDeleted, List<String> targets, List<String> exclude, String ports, boolean udp,
                             boolean printerPorts, String schedule, @Nullable String cron, @Nullable String timezone,
                             @Nullable Integer intervalSeconds, boolean enabled, boolean isDefault, @Nullable Instant nextRunAt,
                             @Nullable LastRun lastRun, @Nullable String lastSkipReason, @Nullable Instant lastSkippedAt,
                             Instant createdAt, Instant updatedAt) {

    @Serdeable
    public record LastRun(UUID id, String state, Instant createdAt) {
    }

    static DefinitionJson of(DefinitionService.Listed listed) {
        Definition d = listed.definition();
        return new DefinitionJson(d.id(), d.networkId(), d.name(), d.daemonId(), d.daemonPinned() ? d.daemonName() : null,
                d.daemonDeleted(), d.targets(), d.exclude(), d.ports(), d.options().udp(), d.options().printerPorts(), d.kind().name(),
                d.cron(), d.timezone(), d.intervalSeconds(), d.enabled(), d.isDefault(), listed.nextRunAt(),
                d.lastRunId() == null ? null : new LastRun(d.lastRunId(), d.lastRunState(), d.lastRunAt()),
                d.lastSkipReason(), d.lastSkippedAt(), d.createdAt(), d.updatedAt());
    }

    /**
     * The body of POST and PUT. {@code cron} (with {@code timezone}, default UTC) or
     * {@code intervalSeconds}, or neither for a definition that only runs when asked.
     */
    @Serdeable
    public record Request(@Nullable String name, @Nullable String daemonId, @Nullable List<String> targets,
                          @Nullable List<String> exclude, @Nullable String ports, @Nullable String cron, @Nullable String timezone,
                          @Nullable Long intervalSeconds, @Nullable Boolean enabled, @Nullable Boolean udp,
                          @Nullable Boolean printerPorts) {

        DefinitionInput input() {
            boolean hasCron = cron != null && !cron.isBlank();
            String schedule = hasCron && intervalSeconds != null ? "both"
                    : hasCron ? DefinitionInput.CRON : intervalSeconds != null ? DefinitionInput.INTERVAL : DefinitionInput.MANUAL;
            return new DefinitionInput(name, daemonId, targets == null ? List.of() : targets, exclude == null ? List.of() : exclude,
                    ports, schedule, cron, timezone, intervalSeconds, enabled == null || enabled, udp == null || udp,
                    printerPorts != null && printerPorts);
        }
    }
}
