package io.topograph.services;

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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import io.topograph.platform.tenancy.CurrentMember;
import io.topograph.platform.web.Flash;
import io.topograph.platform.web.FormErrors;
import io.topograph.platform.web.Htmx;
import io.topograph.platform.web.HtmxEvents;
import io.topograph.platform.web.Paging;
import io.topograph.platform.web.ValidationException;

import java.util.UUID;

/**
 * The "Service catalog" pages: the organization's own definitions (create, edit, enable or
 * disable, delete) and a browser of the built-in catalog. Every action works as a plain form
 * post (303 back to the list) and, with htmx, swaps only the list, the form or one row.
 */
@Controller(value = "/o/{slug}/services", produces = MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class ServicesController {

    static final int CATALOG_PAGE_SIZE = 25;

    private final CustomDefinitions definitions;
    private final BuiltInCatalog catalog;
    private final Flash flash;

    public ServicesController(CustomDefinitions definitions, BuiltInCatalog catalog, Flash flash) {
        this.definitions = definitions;
        this.catalog = catalog;
        this.flash = flash;
    }

    /** {@code enabled=true|false}: the switch of one definition. */
    @Serdeable
    public record EnablementForm(@Nullable String enabled) {
    }

    /** The list and the create form; {@code from} prefills the form with a built-in definition to adapt. */
    @Get
    public MutableHttpResponse<?> index(HttpRequest<?> request, CurrentMember member, @Nullable @QueryValue String from) {
        boolean fragment = Htmx.isFragmentRequest(request);
        DefinitionForm form = from == null ? DefinitionForm.empty()
                : catalog.find(from.trim()).map(DefinitionForm::startingFrom).orElse(DefinitionForm.empty());
        return HttpResponse.ok(new ModelAndView<>(fragment ? ServiceViews.LIST : ServiceViews.INDEX,
                indexPage(member, form, FormErrors.none()))).header("Vary", Htmx.REQUEST);
    }

    @Get("/catalog")
    public MutableHttpResponse<?> catalog(HttpRequest<?> request, CurrentMember member, @Nullable @QueryValue String q,
                                          @Nullable @QueryValue String category, @Nullable @QueryValue String page) {
        // Pages forgive a hand-edited URL: an unknown category or page falls back to all / the first.
        String query = q == null ? "" : q.trim();
        if (query.length() > 100) {
            query = query.substring(0, 100);
        }
        String cat = category != null && catalog.categories().contains(category) ? category : "";
        Paging<CatalogEntry> results = catalog.search(query, cat, pageNumber(page), CATALOG_PAGE_SIZE);
        if (results.items().isEmpty() && results.page() > 1) {
            results = catalog.search(query, cat, results.pages(), CATALOG_PAGE_SIZE);
        }
        ServiceViews.CatalogPage model = new ServiceViews.CatalogPage(member.organizationSlug(), query, cat, catalog.categories(),
                results, ServiceViews.catalogUrl(member.organizationSlug(), query, cat), catalog.all().size(), member.canWrite());
        return HttpResponse.ok(new ModelAndView<>(Htmx.isFragmentRequest(request) ? ServiceViews.CATALOG_RESULTS : ServiceViews.CATALOG,
                model)).header("Vary", Htmx.REQUEST);
    }

    @Post(value = "/definitions", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> create(HttpRequest<?> request, CurrentMember member, @Body DefinitionForm form) {
        CustomDefinition created;
        try {
            created = definitions.create(member, form);
        } catch (ValidationException e) {
            if (Htmx.isFragmentRequest(request)) {
                // The form targets the list on success; its errors replace the form itself.
                return Htmx.retarget(HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(new ModelAndView<>(
                        ServiceViews.CREATE_FORM, new ServiceViews.FormView(member.organizationSlug(), form, e.errors(), choices()))),
                        "#definition-form");
            }
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(new ModelAndView<>(ServiceViews.INDEX, indexPage(member, form, e.errors())));
        }
        // htmx: the list, plus a fresh form swapped out of band (see _list.html).
        return flash.done(request,
                HttpResponse.ok(new ModelAndView<>(ServiceViews.CREATED, indexPage(member, DefinitionForm.empty(), FormErrors.none()))),
                listUrl(member), "Definition “" + created.name() + "” added. Daemons use it from their next run.",
                HtmxEvents.SERVICE_DEFINITIONS_CHANGED);
    }

    @Get("/definitions/{id}/row")
    public ModelAndView<?> row(CurrentMember member, UUID id) {
        return new ModelAndView<>(ServiceViews.ROW, rowView(member, id, null, FormErrors.none()));
    }

    @Get("/definitions/{id}/edit")
    public ModelAndView<?> edit(HttpRequest<?> request, CurrentMember member, UUID id) {
        definitions.find(member, id);
        member.requireWrite();
        return new ModelAndView<>(Htmx.isFragmentRequest(request) ? ServiceViews.EDIT_ROW : ServiceViews.EDIT,
                rowView(member, id, null, FormErrors.none()));
    }

    @Post(value = "/definitions/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> update(HttpRequest<?> request, CurrentMember member, UUID id, @Body DefinitionForm form) {
        CustomDefinition updated;
        try {
            updated = definitions.update(member, id, form);
        } catch (ValidationException e) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(new ModelAndView<>(
                    Htmx.isFragmentRequest(request) ? ServiceViews.EDIT_ROW : ServiceViews.EDIT, rowView(member, id, form, e.errors())));
        }
        return flash.done(request, HttpResponse.ok(new ModelAndView<>(ServiceViews.ROW, rowView(member, id, null, FormErrors.none()))),
                listUrl(member), "Definition “" + updated.name() + "” saved. Daemons use it from their next run.",
                HtmxEvents.SERVICE_DEFINITIONS_CHANGED);
    }

    @Post(value = "/definitions/{id}/enablement", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> enablement(HttpRequest<?> request, CurrentMember member, UUID id, @Body EnablementForm form) {
        if (form.enabled() == null || !(form.enabled().equals("true") || form.enabled().equals("false"))) {
            definitions.find(member, id);
            throw ValidationException.of("enabled", "Send enabled=true or enabled=false.");
        }
        CustomDefinition changed = definitions.setEnabled(member, id, Boolean.parseBoolean(form.enabled()));
        String text = changed.enabled()
                ? "Definition “" + changed.name() + "” enabled: daemons use it from their next run."
                : "Definition “" + changed.name() + "” disabled: daemons no longer receive it.";
        return flash.done(request, HttpResponse.ok(new ModelAndView<>(ServiceViews.ROW, rowView(member, id, null, FormErrors.none()))),
                listUrl(member), text, HtmxEvents.SERVICE_DEFINITIONS_CHANGED);
    }

    /** The confirmation page for browsers without JavaScript (htmx asks with hx-confirm). */
    @Get("/definitions/{id}/delete")
    public ModelAndView<?> confirmDelete(CurrentMember member, UUID id) {
        definitions.find(member, id);
        member.requireWrite();
        return new ModelAndView<>(ServiceViews.DELETE, rowView(member, id, null, FormErrors.none()));
    }

    @Post(value = "/definitions/{id}/delete", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> delete(HttpRequest<?> request, CurrentMember member, UUID id) {
        CustomDefinition deleted = definitions.delete(member, id);
        return flash.done(request, HttpResponse.ok("").contentType(MediaType.TEXT_HTML_TYPE),
                listUrl(member), "Definition “" + deleted.name() + "” deleted.", HtmxEvents.SERVICE_DEFINITIONS_CHANGED);
    }

    private ServiceViews.IndexPage indexPage(CurrentMember member, DefinitionForm form, FormErrors errors) {
        return new ServiceViews.IndexPage(member.organizationSlug(),
                definitions.list(member).stream().map(ServiceViews.DefinitionRow::of).toList(),
                form, errors, choices(), member.canWrite(), catalog.all().size());
    }

    private ServiceViews.RowView rowView(CurrentMember member, UUID id, @Nullable DefinitionForm form, FormErrors errors) {
        CustomDefinition d = definitions.find(member, id);
        return new ServiceViews.RowView(member.organizationSlug(), ServiceViews.DefinitionRow.of(d),
                form != null ? form : DefinitionForm.of(d), errors, choices(), member.canWrite());
    }

    private ServiceViews.FormChoices choices() {
        return new ServiceViews.FormChoices(definitions.categories(), definitions.icons(), ServiceViews.EXAMPLES);
    }

    private static int pageNumber(@Nullable String page) {
        try {
            return page == null ? 1 : Paging.page(Integer.parseInt(page.trim()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static String listUrl(CurrentMember member) {
        return "/o/" + member.organizationSlug() + "/services";
    }
}
