package io.topograph.apikeys;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.topograph.platform.tenancy.CurrentMember;
import io.topograph.platform.web.Flash;
import io.topograph.platform.web.FormErrors;
import io.topograph.platform.web.Htmx;
import io.topograph.platform.web.HtmxEvents;
import io.topograph.platform.web.ValidationException;

import java.util.UUID;

/**
 * The user's API keys in one organization. Creating answers with the secret in the page itself
 * (also without JavaScript): a redirect would have to carry it in a cookie or URL.
 */
@Controller(value = "/o/{slug}/settings/api-keys", produces = MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class ApiKeysController {

    private final ApiKeyService keys;
    private final Flash flash;
    private final String baseUrl;

    public ApiKeysController(ApiKeyService keys, Flash flash, @Value("${topograph.base-url}") String baseUrl) {
        this.keys = keys;
        this.flash = flash;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    @Get
    public ModelAndView<?> index(HttpRequest<?> request, CurrentMember member) {
        if (Htmx.isFragmentRequest(request)) {
            return new ModelAndView<>(ApiKeyViews.LIST, new ApiKeyViews.ListView(member.organizationSlug(),
                    ApiKeyViews.KeyRow.of(keys.list(member))));
        }
        return new ModelAndView<>(ApiKeyViews.INDEX, indexPage(member, ApiKeyForm.empty(member.role()), FormErrors.none(), null));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> create(HttpRequest<?> request, CurrentMember member, @Body ApiKeyForm form) {
        boolean fragment = Htmx.isFragmentRequest(request);
        CreatedApiKey created;
        try {
            created = keys.create(member, form);
        } catch (ValidationException e) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(fragment
                    ? new ModelAndView<>(ApiKeyViews.FORM, formView(member, form, e.errors(), null))
                    : new ModelAndView<>(ApiKeyViews.INDEX, indexPage(member, form, e.errors(), null)));
        }
        ApiKeyViews.Created shown = new ApiKeyViews.Created(created.key().name(), created.token());
        ApiKeyForm fresh = ApiKeyForm.empty(member.role());
        MutableHttpResponse<?> response = fragment
                ? Htmx.toast(HttpResponse.ok(new ModelAndView<>(ApiKeyViews.FORM, formView(member, fresh, FormErrors.none(), shown))),
                        Flash.Level.success, "API key “" + created.key().name() + "” created. Copy it now.", HtmxEvents.API_KEYS_CHANGED)
                : HttpResponse.ok(new ModelAndView<>(ApiKeyViews.INDEX, indexPage(member, fresh, FormErrors.none(), shown)));
        return response.header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    /** The confirmation page for browsers without JavaScript (htmx asks with hx-confirm). */
    @Get("/{id}/revoke")
    public ModelAndView<?> confirmRevoke(CurrentMember member, UUID id) {
        return new ModelAndView<>(ApiKeyViews.REVOKE, new ApiKeyViews.RowView(member.organizationSlug(),
                ApiKeyViews.KeyRow.of(keys.get(member, id))));
    }

    @Post(value = "/{id}/revocation", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> revoke(HttpRequest<?> request, CurrentMember member, UUID id) {
        ApiKeySummary revoked = keys.revoke(member, id);
        return flash.done(request, HttpResponse.ok(new ModelAndView<>(ApiKeyViews.ROW,
                        new ApiKeyViews.RowView(member.organizationSlug(), ApiKeyViews.KeyRow.of(revoked)))),
                listUrl(member), "API key “" + revoked.name() + "” revoked.");
    }

    private ApiKeyViews.IndexPage indexPage(CurrentMember member, ApiKeyForm form, FormErrors errors,
                                            @Nullable ApiKeyViews.Created created) {
        ApiKeyViews.FormView f = formView(member, form, errors, created);
        return new ApiKeyViews.IndexPage(member.organizationSlug(), ApiKeyViews.KeyRow.of(keys.list(member)),
                f.form(), f.errors(), f.roles(), f.networks(), f.created(), baseUrl);
    }

    private ApiKeyViews.FormView formView(CurrentMember member, ApiKeyForm form, FormErrors errors,
                                          @Nullable ApiKeyViews.Created created) {
        ApiKeyViews.Choices choices = ApiKeyViews.Choices.of(ApiKeyService.grantableRoles(member),
                keys.scopableNetworks(member), form);
        return new ApiKeyViews.FormView(member.organizationSlug(), form, errors, choices.roles(), choices.networks(), created);
    }

    private static String listUrl(CurrentMember member) {
        return "/o/" + member.organizationSlug() + "/settings/api-keys";
    }
}
