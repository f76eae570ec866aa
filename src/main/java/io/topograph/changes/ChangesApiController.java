package io.topograph.changes;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.topograph.networks.NetworkService;
import io.topograph.platform.tenancy.CurrentMember;
import io.topograph.platform.web.ApiError;
import io.topograph.platform.web.Paging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What changed as JSON: {@code GET /api/v1/networks/{id}/changes} and {@code POST /api/v1/changes/{id}/acknowledgement}. */
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class ChangesApiController {

    private final ChangeService changes;
    private final NetworkService networks;

    public ChangesApiController(ChangeService changes, NetworkService networks) {
        this.changes = changes;
        this.networks = networks;
    }

    /** One change as the API shows it. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ChangeJson(UUID id, UUID networkId, @Nullable UUID runId, @Nullable UUID hostId, String kind, String kindLabel,
                             String hostName, String subject, @Nullable String before, @Nullable String after, Instant occurredAt,
                             boolean acknowledged, @Nullable Instant acknowledgedAt, @Nullable String acknowledgedBy) {
        static ChangeJson of(ChangeLog.Entry e) {
            ChangeEvent c = e.event();
            return new ChangeJson(c.id(), c.networkId(), c.runId(), e.hostExists() ? c.hostId() : null, c.kind().name(), c.kind().label(),
                    c.hostName(), c.subject(), c.before(), c.after(), c.occurredAt(), c.acknowledgedAt() != null, c.acknowledgedAt(),
                    e.acknowledgedBy());
        }
    }

    /** One page of changes, newest first; {@code page} counts from 1. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ChangePage(List<ChangeJson> items, int page, int size, long total) {
    }

    @Get("/networks/{networkId}/changes")
    public MutableHttpResponse<?> list(CurrentMember member, UUID networkId,
                                       @Nullable @QueryValue String since, @Nullable @QueryValue String until,
                                       @Nullable @QueryValue String kind, @Nullable @QueryValue String acknowledged,
                                       @Nullable @QueryValue String page, @Nullable @QueryValue String size) {
        // Visibility first: an unknown network is a 404 even with bad parameters.
        networks.findVisible(member, networkId);
        ChangeQuery.Parsed parsed = ChangeQuery.parse(since, until, kind, acknowledged, page, size);
        if (parsed.errors().any()) {
            return HttpResponse.badRequest(new ApiError("The query has invalid parameters.", parsed.errors().list()));
        }
        Paging<ChangeLog.Entry> result = changes.forNetwork(member, networkId, parsed.query());
        return HttpResponse.ok(new ChangePage(result.items().stream().map(ChangeJson::of).toList(), result.page(), result.size(),
                result.total()));
    }

    @Get("/changes/{id}")
    public ChangeJson show(CurrentMember member, UUID id) {
        return ChangeJson.of(changes.find(member, id));
    }

    /** Acknowledges the change (again: no effect, the first acknowledgement stays); answers it. */
    @Post("/changes/{id}/acknowledgement")
    public ChangeJson acknowledge(CurrentMember member, UUID id) {
        return ChangeJson.of(changes.acknowledge(member, id));
    }
}
