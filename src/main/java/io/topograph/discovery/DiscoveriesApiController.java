package io.topograph.discovery;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.topograph.platform.tenancy.CurrentMember;
import io.topograph.platform.web.Paging;

import java.net.URI;
import java.util.UUID;

/** Discovery runs as JSON: queue, list, follow and cancel; the same use cases as the pages. */
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class DiscoveriesApiController {

    private final DiscoveryService discoveries;

    public DiscoveriesApiController(DiscoveryService discoveries) {
        this.discoveries = discoveries;
    }

    @Post("/networks/{networkId}/discoveries")
    public HttpResponse<DiscoveryJson> queue(CurrentMember member, UUID networkId, @Body DiscoveryForm form) {
        DiscoveryRun run = discoveries.queue(member, networkId, form, DiscoveryService.TRIGGER_API);
        return HttpResponse.created(discoveries.json(run), URI.create("/api/v1/discoveries/" + run.id()));
    }

    @Get("/networks/{networkId}/discoveries")
    public DiscoveryJson.Page list(CurrentMember member, UUID networkId, @Nullable @QueryValue Integer page,
                                   @Nullable @QueryValue Integer size) {
        Paging<DiscoveryRun> runs = discoveries.page(member, networkId, Paging.page(page), Paging.size(size));
        return DiscoveryJson.Page.of(new Paging<>(runs.items().stream().map(discoveries::json).toList(),
                runs.page(), runs.size(), runs.total()));
    }

    @Get("/discoveries/{id}")
    public DiscoveryJson show(CurrentMember member, UUID id) {
        return discoveries.json(discoveries.find(member, id));
    }

    /** QUEUED or RUNNING → CANCELLED; 409 when the run already finished. */
    @Post("/discoveries/{id}/cancellation")
    public DiscoveryJson cancel(CurrentMember member, UUID id) {
        return discoveries.json(discoveries.cancel(member, id));
    }
}
