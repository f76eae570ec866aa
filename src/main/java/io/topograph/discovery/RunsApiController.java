package io.topograph.discovery;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.topograph.platform.tenancy.CurrentMember;
import io.topograph.platform.web.ApiError;
import io.topograph.platform.web.Paging;

import java.util.UUID;

/**
 * Run history as JSON: a network's runs with the filters of {@link RunFilter}, and one run.
 * A network or run the caller may not see answers 404 (checked before the parameters, so a
 * foreign id never learns whether its parameters were right); a bad parameter answers 400
 * naming it. The runs are the same records as {@code /api/v1/discoveries/{id}}.
 */
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class RunsApiController {

    private final DiscoveryService discoveries;

    public RunsApiController(DiscoveryService discoveries) {
        this.discoveries = discoveries;
    }

    @Get("/networks/{networkId}/runs")
    public MutableHttpResponse<?> list(CurrentMember member, UUID networkId,
                                       @Nullable @QueryValue String state, @Nullable @QueryValue String trigger,
                                       @Nullable @QueryValue String daemon, @Nullable @QueryValue String from,
                                       @Nullable @QueryValue String to, @Nullable @QueryValue String page,
                                       @Nullable @QueryValue String size) {
        discoveries.network(member, networkId);
        RunFilter.Parsed parsed = RunFilter.parse(state, trigger, daemon, null, from, to, page, size, Paging.DEFAULT_SIZE, true);
        if (parsed.errors().any()) {
            return HttpResponse.badRequest(new ApiError("The query has invalid parameters.", parsed.errors().list()));
        }
        Paging<DiscoveryRun> runs = discoveries.history(member, networkId, parsed.filter());
        return HttpResponse.ok(DiscoveryJson.Page.of(new Paging<>(runs.items().stream().map(discoveries::json).toList(),
                runs.page(), runs.size(), runs.total())));
    }

    @Get("/runs/{id}")
    public DiscoveryJson show(CurrentMember member, UUID id) {
        return discoveries.json(discoveries.find(member, id));
    }
}
