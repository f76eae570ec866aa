package io.topograph.services;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
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
import io.micronaut.serde.annotation.Serdeable;
import io.topograph.platform.tenancy.CurrentMember;
import io.topograph.platform.web.ApiError;
import io.topograph.platform.web.FormErrors;
import io.topograph.platform.web.Paging;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * {@code /api/v1/service-definitions} (the organization's own definitions) and
 * {@code /api/v1/service-catalog} (the bundled ones): the same use cases as the pages, as JSON.
 */
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class ServiceDefinitionsApiController {

    private final CustomDefinitions definitions;
    private final BuiltInCatalog catalog;

    public ServiceDefinitionsApiController(CustomDefinitions definitions, BuiltInCatalog catalog) {
        this.definitions = definitions;
        this.catalog = catalog;
    }

    /** A bundled definition as the API shows it. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record CatalogItem(String id, String name, String description, String category, String icon, int priority,
                              boolean generic, Set<Integer> ports, String rule, Map<String, Object> match) {
        static CatalogItem of(CatalogEntry e) {
            return new CatalogItem(e.id(), e.name(), e.description(), e.category(), e.icon(), e.priority(), e.generic(), e.ports(),
                    e.summary(), DefinitionJson.toMap(e.match()));
        }
    }

    /** One page of the bundled catalog; {@code page} counts from 1. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record CatalogPage(List<CatalogItem> items, int page, int size, long total, List<String> categories) {
    }

    @Get("/service-definitions")
    public List<DefinitionJson.Resource> list(CurrentMember member) {
        return definitions.list(member).stream().map(DefinitionJson.Resource::of).toList();
    }

    @Get("/service-definitions/{id}")
    public DefinitionJson.Resource show(CurrentMember member, UUID id) {
        return DefinitionJson.Resource.of(definitions.find(member, id));
    }

    @Post(value = "/service-definitions", consumes = MediaType.APPLICATION_JSON)
    public HttpResponse<DefinitionJson.Resource> create(CurrentMember member, @Nullable @Body String body) {
        member.requireWrite();
        CustomDefinition created = definitions.create(member, DefinitionJson.read(body, true));
        return HttpResponse.created(DefinitionJson.Resource.of(created), URI.create("/api/v1/service-definitions/" + created.id()));
    }

    /** Replaces the definition; a missing {@code enabled} keeps the current state. */
    @Put(value = "/service-definitions/{id}", consumes = MediaType.APPLICATION_JSON)
    public DefinitionJson.Resource update(CurrentMember member, UUID id, @Nullable @Body String body) {
        CustomDefinition existing = definitions.find(member, id);
        member.requireWrite();
        return DefinitionJson.Resource.of(definitions.update(member, id, DefinitionJson.read(body, existing.enabled())));
    }

    @Delete("/service-definitions/{id}")
    public HttpResponse<?> delete(CurrentMember member, UUID id) {
        definitions.delete(member, id);
        return HttpResponse.noContent();
    }

    @Get("/service-catalog")
    public MutableHttpResponse<?> catalog(CurrentMember member, @Nullable @QueryValue String q, @Nullable @QueryValue String category,
                                          @Nullable @QueryValue String page, @Nullable @QueryValue String size) {
        FormErrors errors = FormErrors.none();
        Integer p = positive(page, "page", errors);
        Integer s = positive(size, "size", errors);
        if (q != null && q.length() > 100) {
            errors.add("q", "Use at most 100 characters.");
        }
        if (category != null && !category.isBlank() && !catalog.categories().contains(category)) {
            errors.add("category", "Unknown category; the catalog has " + String.join(", ", catalog.categories()) + ".");
        }
        if (errors.any()) {
            return HttpResponse.badRequest(new ApiError("The query has invalid parameters.", errors.list()));
        }
        Paging<CatalogEntry> result = catalog.search(q, category, Paging.page(p), Paging.size(s));
        return HttpResponse.ok(new CatalogPage(result.items().stream().map(CatalogItem::of).toList(), result.page(), result.size(),
                result.total(), catalog.categories()));
    }

    @Nullable
    private static Integer positive(@Nullable String value, String field, FormErrors errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(field, "Must be a whole number from 1.");
        return null;
    }
}
