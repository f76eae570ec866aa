package io.topograph.apikeys;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.topograph.platform.tenancy.CurrentMember;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * {@code /api/v1/api-keys}: the caller's own keys in the current organization. Listing and
 * revoking work with a key too; creating needs a browser session.
 */
@Controller("/api/v1/api-keys")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class ApiKeysApiController {

    private final ApiKeyService keys;

    public ApiKeysApiController(ApiKeyService keys) {
        this.keys = keys;
    }

    @Get
    public List<ApiKeySummary> list(CurrentMember member) {
        return keys.list(member);
    }

    @Get("/{id}")
    public ApiKeySummary show(CurrentMember member, UUID id) {
        return keys.get(member, id);
    }

    @Post
    public HttpResponse<CreatedApiKey> create(CurrentMember member, @Body ApiKeyForm form) {
        CreatedApiKey created = keys.create(member, form);
        return HttpResponse.created(created, URI.create("/api/v1/api-keys/" + created.key().id()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @Delete("/{id}")
    public HttpResponse<?> revoke(CurrentMember member, UUID id) {
        keys.revoke(member, id);
        return HttpResponse.noContent();
    }
}
