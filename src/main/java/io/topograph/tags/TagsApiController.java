package io.topograph.tags;

import io.micronaut.core.annotation.Nullable;
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
import io.micronaut.serde.annotation.Serdeable;
import io.topograph.platform.tenancy.CurrentMember;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** {@code /api/v1/tags} and a network's tags, as JSON. */
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class TagsApiController {

    private final TagService tags;

    public TagsApiController(TagService tags) {
        this.tags = tags;
    }

    /** Replaces the tags of a host or network. */
    @Serdeable
    public record TagIds(@Nullable List<String> tagIds) {
    }

    @Get("/tags")
    public List<TagSummary> list(CurrentMember member) {
        return tags.list(member);
    }

    @Get("/tags/{id}")
    public TagSummary show(CurrentMember member, UUID id) {
        return tags.summary(member, id);
    }

    @Post("/tags")
    public HttpResponse<TagSummary> create(CurrentMember member, @Body TagForm form) {
        Tag created = tags.create(member, form);
        return HttpResponse.created(tags.summary(member, created.id()), URI.create("/api/v1/tags/" + created.id()));
    }

    @Put("/tags/{id}")
    public TagSummary update(CurrentMember member, UUID id, @Body TagForm form) {
        return tags.summary(member, tags.update(member, id, form).id());
    }

    @Delete("/tags/{id}")
    public HttpResponse<?> delete(CurrentMember member, UUID id) {
        tags.delete(member, id);
        return HttpResponse.noContent();
    }

    @Get("/networks/{networkId}/tags")
    public List<TagRef> networkTags(CurrentMember member, UUID networkId) {
        return tags.networkTags(member, networkId);
    }

    @Put("/networks/{networkId}/tags")
    public List<TagRef> setNetworkTags(CurrentMember member, UUID networkId, @Body TagIds body) {
        return tags.setNetworkTags(member, networkId, body.tagIds());
    }
}
