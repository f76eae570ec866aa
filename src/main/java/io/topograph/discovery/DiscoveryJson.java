package io.topograph.discovery;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import io.topograph.platform.web.Paging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A run in the JSON API ({@code GET /api/v1/runs/{id}}, also {@code GET /api/v1/discoveries/{id}}). */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DiscoveryJson(UUID id, UUID networkId, @Nullable UUID hostId, @Nullable UUID daemonId, @Nullable UUID claimedBy,
                            String state, @Nullable String phase, int percent, int hostsFound, List<String> targets,
                            String ports, RunOptions options, String trigger, @Nullable UUID requestedBy, int attempt,
                            int maxAttempts, @Nullable JsonNode stats, List<String> warnings, @Nullable String failureReason,
                            boolean waitingForDaemon, Instant createdAt, @Nullable Instant startedAt, @Nullable Instant finishedAt,
                            long portsProbed, @Nullable Integer portsOpen, @Nullable Integer servicesFound) {

    static DiscoveryJson of(DiscoveryRun r, @Nullable JsonNode stats) {
        return new DiscoveryJson(r.id(), r.networkId(), r.hostId(), r.daemonId(), r.claimedBy(), r.state().name(), r.phase(),
                r.percent(), r.hostsFound(), r.targets(), r.ports(), r.options(), r.trigger(), r.requestedBy(), r.attempt(),
                r.maxAttempts(), stats, r.warnings(), r.failureReason(), r.state() == RunState.QUEUED && !r.daemonAvailable(),
                r.createdAt(), r.startedAt(), r.finishedAt(), r.portsProbed(), r.portsOpen(), r.servicesFound());
    }

    /** One page of a network's runs, newest first; {@code page} counts from 1. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Page(List<DiscoveryJson> items, int page, int size, long total) {
        static Page of(Paging<DiscoveryJson> paging) {
            return new Page(paging.items(), paging.page(), paging.size(), paging.total());
        }
    }
}
