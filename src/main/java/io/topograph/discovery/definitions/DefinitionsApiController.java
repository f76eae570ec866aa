package io.topograph.discovery.definitions;

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
import io.topograph.discovery.DiscoveryJson;
import io.topograph.discovery.DiscoveryRun;
import io.topograph.discovery.DiscoveryService;
import io.topograph.platform.tenancy.CurrentMember;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** {@code /api/v1/networks/{networkId}/discovery-definitions}: the same use cases as the pages. */
@Controller("/api/v1/networks/{networkId}/discovery-definitions")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class DefinitionsApiController {

    private final DefinitionService definitions;
    private final DiscoveryService discoveries;

    public DefinitionsApiController(DefinitionService definitions, DiscoveryService discoveries) {
        this.definitions = definitions;
        this.discoveries = discoveries;
    }

    @Get
    public List<DefinitionJson> list(CurrentMember member, UUID networkId) {
        return definitions.list(member, networkId).stream().map(DefinitionJson::of).toList();
    }

    @Post
    public HttpResponse<DefinitionJson> create(CurrentMember member, UUID networkId, @Body DefinitionJson.Request body) {
        Definition d = definitions.create(member, networkId, body.input());
        return HttpResponse.created(DefinitionJson.of(definitions.get(member, networkId, d.id())),
                URI.create("/api/v1/networks/" + networkId + "/discovery-definitions/" + d.id()));
    }

    @Get("/{definitionId}")
    public DefinitionJson show(CurrentMember member, UUID networkId, UUID definitionId) {
        return DefinitionJson.of(definitions.get(member, networkId, definitionId));
    }

    @Put("/{definitionId}")
    public DefinitionJson update(CurrentMember member, UUID networkId, UUID definitionId, @Body DefinitionJson.Request body) {
        definitions.update(member, networkId, definitionId, body.input());
        return DefinitionJson.of(definitions.get(member, networkId, definitionId));
    }

    @Delete("/{definitionId}")
    public HttpResponse<?> delete(CurrentMember member, UUID networkId, UUID definitionId) {
        definitions.delete(member, networkId, definitionId);
        return HttpResponse.noContent();
    }

    /** Run now: 201 with the queued run; 409 with the reason when it cannot run (its daemon deleted or disabled…). */
    @Post("/{definitionId}/runs")
    public HttpResponse<DiscoveryJson> run(CurrentMember member, UUID networkId, UUID definitionId) {
        DiscoveryRun run = definitions.runNow(member, networkId, definitionId, DefinitionService.TRIGGER_API);
        return HttpResponse.created(discoveries.json(run), URI.create("/api/v1/discoveries/" + run.id()));
    }
}
