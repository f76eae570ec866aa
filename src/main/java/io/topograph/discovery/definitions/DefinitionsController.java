package io.topograph.discovery.definitions;

import io.micronaut.core.annotation.Nullable;
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
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import io.topograph.discovery.DiscoveryRun;
import io.topograph.networks.Network;
import io.topograph.platform.tenancy.CurrentMember;
import io.topograph.platform.web.ConflictException;
import io.topograph.platform.web.ErrorResponses;
import io.topograph.platform.web.Flash;
import io.topograph.platform.web.FormErrors;
import io.topograph.platform.web.Htmx;
import io.topograph.platform.web.HtmxEvents;
import io.topograph.platform.web.ValidationException;

import java.util.UUID;

/**
 * A network's Schedules tab: its discovery definitions with next and last run, the form to add
 * one, an edit page, enable/disable, run now and delete. htmx swaps the list or a row; without
 * JavaScript every action is a form post answered with 303 and a flash message.
 */
@Controller(value = "/o/{slug}/networks/{networkId}/discovery-definitions", produces = MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class DefinitionsController {

    private final DefinitionService definitions;
    private final Flash flash;
    private final ErrorResponses errorResponses;

    public DefinitionsController(DefinitionService definitions, Flash flash, ErrorResponses errorResponses) {
        this.definitions = definitions;
        this.flash = flash;
        this.errorResponses = errorResponses;
    }

    @Serdeable
    public record EnablementForm(@Nullable String enabled) {
    }

    @Get
    public MutableHttpResponse<?> index(HttpRequest<?> request, CurrentMember member, UUID networkId) {
        DefinitionViews.IndexPage page = indexPage(member, networkId, DefinitionForm.empty(), FormErrors.none());
        return HttpResponse.ok(new ModelAndView<>(Htmx.isFragmentRequest(request) ? DefinitionViews.LIST : DefinitionViews.INDEX, page))
                .header("Vary", Htmx.REQUEST);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> create(HttpRequest<?> request, CurrentMember member, UUID networkId, @Body DefinitionForm form) {
        Definition created;
        try {
            FormErrors errors = FormErrors.none();
            DefinitionInput input = form.input(errors);
            errors.throwIfAny();
            created = definitions.create(member, networkId, input);
        } catch (ValidationException e) {
            DefinitionViews.IndexPage page = indexPage(member, networkId, form, e.errors());
            if (Htmx.isFragmentRequest(request)) {
                return Htmx.retarget(HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                        .body(new ModelAndView<>(DefinitionViews.FORM, page)), "#definition-form");
            }
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(new ModelAndView<>(DefinitionViews.INDEX, page));
        }
        return flash.done(request, HttpResponse.ok(new ModelAndView<>(DefinitionViews.LIST,
                        indexPage(member, networkId, DefinitionForm.empty(), FormErrors.none()))),
                DefinitionViews.listUrl(member.organizationSlug(), networkId), "Definition “" + created.name() + "” created.",
                HtmxEvents.DISCOVERY_DEFINITIONS_CHANGED);
    }

    @Get("/{definitionId}/edit")
    public ModelAndView<?> edit(CurrentMember member, UUID networkId, UUID definitionId) {
        Definition d = definitions.get(member, networkId, definitionId).definition();
        member.requireWrite();
        return new ModelAndView<>(DefinitionViews.EDIT, editPage(member, networkId, definitionId, DefinitionForm.of(d), FormErrors.none()));
    }

    @Post(value = "/{definitionId}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> update(HttpRequest<?> request, CurrentMember member, UUID networkId, UUID definitionId,
                                         @Body DefinitionForm form) {
        Definition saved;
        try {
            FormErrors errors = FormErrors.none();
            DefinitionInput input = form.input(errors);
            errors.throwIfAny();
            saved = definitions.update(member, networkId, definitionId, input);
        } catch (ValidationException e) {
            DefinitionViews.EditPage page = editPage(member, networkId, definitionId, form, e.errors());
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(new ModelAndView<>(
                    Htmx.isFragmentRequest(request) ? DefinitionViews.FORM : DefinitionViews.EDIT, page));
        }
        String list = DefinitionViews.listUrl(member.organizationSlug(), networkId);
        String text = "Definition “" + saved.name() + "” saved.";
        if (Htmx.isFragmentRequest(request)) {
            return HttpResponse.ok().header(Htmx.REDIRECT, list).cookie(flash.cookie(Flash.Level.success, text));
        }
        return flash.redirect(list, Flash.Level.success, text);
    }

    @Post(value = "/{definitionId}/enablement", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> enablement(HttpRequest<?> request, CurrentMember member, UUID networkId, UUID definitionId,
                                             @Nullable @Body EnablementForm form) {
        boolean enable = form != null && "true".equalsIgnoreCase(form.enabled());
        Definition d = definitions.setEnabled(member, networkId, definitionId, enable);
        return flash.done(request, HttpResponse.ok(new ModelAndView<>(DefinitionViews.ROW, rowView(member, networkId, definitionId))),
                DefinitionViews.listUrl(member.organizationSlug(), networkId),
                "Definition “" + d.name() + "” " + (enable ? "enabled." : "disabled."), HtmxEvents.DISCOVERY_DEFINITIONS_CHANGED);
    }

    @Post(value = "/{definitionId}/runs", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> runNow(HttpRequest<?> request, CurrentMember member, UUID networkId, UUID definitionId) {
        DiscoveryRun run;
        try {
            run = definitions.runNow(member, networkId, definitionId, DefinitionService.TRIGGER_MANUAL);
        } catch (ConflictException e) {
            return errorResponses.of(request, HttpStatus.CONFLICT, e.getMessage());
        }
        return flash.done(request, HttpResponse.ok(new ModelAndView<>(DefinitionViews.ROW, rowView(member, networkId, definitionId))),
                "/o/" + member.organizationSlug() + "/discoveries/" + run.id(), "Discovery queued.",
                HtmxEvents.DISCOVERIES_CHANGED, HtmxEvents.DISCOVERY_DEFINITIONS_CHANGED);
    }

    @Post(value = "/{definitionId}/delete", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> delete(HttpRequest<?> request, CurrentMember member, UUID networkId, UUID definitionId) {
        Definition d = definitions.delete(member, networkId, definitionId);
        return flash.done(request, HttpResponse.ok(new ModelAndView<>(DefinitionViews.LIST,
                        indexPage(member, networkId, DefinitionForm.empty(), FormErrors.none()))),
                DefinitionViews.listUrl(member.organizationSlug(), networkId), "Definition “" + d.name() + "” deleted.",
                HtmxEvents.DISCOVERY_DEFINITIONS_CHANGED);
    }

    private DefinitionViews.IndexPage indexPage(CurrentMember member, UUID networkId, DefinitionForm form, FormErrors errors) {
        Network network = definitions.network(member, networkId);
        String list = DefinitionViews.listUrl(member.organizationSlug(), networkId);
        return new DefinitionViews.IndexPage(member.organizationSlug(), network,
                definitions.list(member, networkId).stream().map(l -> DefinitionViews.Row.of(l, list)).toList(), form, errors,
                definitions.daemons(member, networkId), member.canWrite(), list, list, false);
    }

    private DefinitionViews.EditPage editPage(CurrentMember member, UUID networkId, UUID definitionId, DefinitionForm form,
                                              FormErrors errors) {
        Network network = definitions.network(member, networkId);
        String list = DefinitionViews.listUrl(member.organizationSlug(), networkId);
        return new DefinitionViews.EditPage(member.organizationSlug(), network, definitionId, form, errors,
                definitions.daemons(member, networkId), member.canWrite(), list, list + "/" + definitionId, true);
    }

    private DefinitionViews.RowView rowView(CurrentMember member, UUID networkId, UUID definitionId) {
        String list = DefinitionViews.listUrl(member.organizationSlug(), networkId);
        return new DefinitionViews.RowView(member.organizationSlug(),
                DefinitionViews.Row.of(definitions.get(member, networkId, definitionId), list), member.canWrite());
    }
}
