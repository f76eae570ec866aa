package io.topograph.networks;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.topograph.platform.tenancy.CurrentMember;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** {@code /api/v1/networks}: the same use cases as the pages, as JSON. */
@Controller("/api/v1/networks")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class NetworksApiController {

    private final NetworkService networks;

    public NetworksApiController(NetworkService networks) {
        this.networks = networks;
    }

    @Get
    public List<NetworkSummary> list(CurrentMember member) {
        return networks.listVisible(member);
    }

    @Get("/{id}")
    public NetworkSummary show(CurrentMember member, UUID id) {
        return networks.findVisibleSummary(member, id);
    }

    @Post
    public HttpResponse<NetworkSummary> create(CurrentMember member, @Body NetworkForm form) {
        Network created = networks.create(member, form);
        return HttpResponse.created(NetworkSummary.of(created, 0, 0), URI.create("/api/v1/networks/" + created.id()));
    }

    @Put("/{id}")
    public NetworkSummary update(CurrentMember member, UUID id, @Body NetworkForm form) {
        return networks.findVisibleSummary(member, networks.update(member, id, form).id());
    }

    @Delete("/{id}")
    public HttpResponse<?> delete(CurrentMember member, UUID id) {
        networks.delete(member, id);
        return HttpResponse.noContent();
    }
}
