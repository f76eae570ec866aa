package io.topograph.hosts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.topograph.platform.tenancy.CurrentMember;
import io.topograph.platform.web.ApiError;
import io.topograph.platform.web.Paging;
import io.topograph.tags.TagRef;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** Hosts as JSON: {@code /api/v1/networks/{id}/hosts} and {@code /api/v1/hosts/{id}}; the same use cases as the pages. */
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class HostsApiController {

    private final HostService hosts;

    public HostsApiController(HostService hosts) {
        this.hosts = hosts;
    }

    /** One page of hosts; {@code page} counts from 1. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record HostPage(List<HostRow> items, int page, int size, long total) {
        static HostPage of(Paging<HostRow> paging) {
            return new HostPage(paging.items(), paging.page(), paging.size(), paging.total());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record TagIds(@Nullable List<String> tagIds) {
    }

    @Get("/networks/{networkId}/hosts")
    public MutableHttpResponse<?> list(CurrentMember member, UUID networkId,
                                       @Nullable @QueryValue String q, @Nullable @QueryValue String subnet,
                                       @Nullable @QueryValue String category, @Nullable @QueryValue String tag,
                                       @Nullable @QueryValue String hidden, @Nullable @QueryValue String sort,
                                       @Nullable @QueryValue String page, @Nullable @QueryValue String size,
                                        @Nullable @QueryValue String state) {
        HostListQuery.Parsed parsed = HostListQuery.parse(q, subnet, category, tag, hidden, sort, page, size, state);
        // Visibility first: an unknown network is a 404 even with bad parameters.
        Paging<HostRow> result = hosts.list(member, networkId, parsed.query());
        if (parsed.errors().any()) {
            return HttpResponse.badRequest(new ApiError("The query has invalid parameters.", parsed.errors().list()));
        }
        return HttpResponse.ok(HostPage.of(result));
    }

    @Post("/networks/{networkId}/hosts")
    public HttpResponse<HostDetail> create(CurrentMember member, UUID networkId, @Body HostForm form) {
        Host created = hosts.create(member, networkId, form);
        return HttpResponse.created(hosts.detail(member, created.id()), URI.create("/api/v1/hosts/" + created.id()));
    }

    @Get("/hosts/{id}")
    public HostDetail show(CurrentMember member, UUID id) {
        return hosts.detail(member, id);
    }

    /** Replaces name, host name and description; {@code hidden} and {@code tagIds} change only when present. */
    @Put("/hosts/{id}")
    public HostDetail update(CurrentMember member, UUID id, @Body HostForm form) {
        hosts.update(member, id, form);
        return hosts.detail(member, id);
    }

    @Delete("/hosts/{id}")
    public HttpResponse<?> delete(CurrentMember member, UUID id) {
        hosts.delete(member, id);
        return HttpResponse.noContent();
    }

    @Get("/hosts/{id}/tags")
    public List<TagRef> tags(CurrentMember member, UUID id) {
        return hosts.detail(member, id).tags();
    }

    @Put("/hosts/{id}/tags")
    public List<TagRef> setTags(CurrentMember member, UUID id, @Body TagIds body) {
        return hosts.setTags(member, id, body.tagIds());
    }
}
