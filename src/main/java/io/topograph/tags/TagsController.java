package io.topograph.tags;

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
 * The organization's tag list: create, rename, recolour and delete. Every action works as a
 * plain form post (303 back to the list) and, with htmx, swaps only the list or one row.
 */
@Controller(value = "/o/{slug}/tags", produces = MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class TagsController {

    private final TagService tags;
    private final Flash flash;

    public TagsController(TagService tags, Flash flash) {
        this.tags = tags;
        this.flash = flash;
    }

    @Get
    public ModelAndView<?> index(HttpRequest<?> request, CurrentMember member) {
        return new ModelAndView<>(Htmx.isFragmentRequest(request) ? TagViews.LIST : TagViews.INDEX,
                indexPage(member, TagForm.empty(), FormErrors.none()));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> create(HttpRequest<?> request, CurrentMember member, @Body TagForm form) {
        Tag created;
        try {
            created = tags.create(member, form);
        } catch (ValidationException e) {
            if (Htmx.isFragmentRequest(request)) {
                return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                        .body(new ModelAndView<>(TagViews.CREATE_FORM, new TagViews.FormView(member.organizationSlug(), form, e.errors())));
            }
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(new ModelAndView<>(TagViews.INDEX, indexPage(member, form, e.errors())));
        }
        return flash.done(request,
                HttpResponse.ok(new ModelAndView<>(TagViews.LIST, indexPage(member, TagForm.empty(), FormErrors.none()))),
                listUrl(member), "Tag “" + created.name() + "” created.", HtmxEvents.TAGS_CHANGED);
    }

    @Get("/{id}/row")
    public ModelAndView<?> row(CurrentMember member, UUID id) {
        return new ModelAndView<>(TagViews.ROW, rowView(member, id, null, FormErrors.none()));
    }

    @Get("/{id}/edit")
    public ModelAndView<?> edit(HttpRequest<?> request, CurrentMember member, UUID id) {
        member.requireWrite();
        return new ModelAndView<>(Htmx.isFragmentRequest(request) ? TagViews.EDIT_ROW : TagViews.EDIT,
                rowView(member, id, null, FormErrors.none()));
    }

    @Post(value = "/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> update(HttpRequest<?> request, CurrentMember member, UUID id, @Body TagForm form) {
        Tag updated;
        try {
            updated = tags.update(member, id, form);
        } catch (ValidationException e) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(new ModelAndView<>(
                    Htmx.isFragmentRequest(request) ? TagViews.EDIT_ROW : TagViews.EDIT, rowView(member, id, form, e.errors())));
        }
        return flash.done(request, HttpResponse.ok(new ModelAndView<>(TagViews.ROW, rowView(member, id, null, FormErrors.none()))),
                listUrl(member), "Tag “" + updated.name() + "” saved.", HtmxEvents.TAGS_CHANGED);
    }

    /** The confirmation page for browsers without JavaScript (htmx asks with hx-confirm). */
    @Get("/{id}/delete")
    public ModelAndView<?> confirmDelete(CurrentMember member, UUID id) {
        member.requireWrite();
        return new ModelAndView<>(TagViews.DELETE, rowView(member, id, null, FormErrors.none()));
    }

    @Post(value = "/{id}/delete", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> delete(HttpRequest<?> request, CurrentMember member, UUID id) {
        Tag deleted = tags.delete(member, id);
        return flash.done(request, HttpResponse.ok("").contentType(MediaType.TEXT_HTML_TYPE),
                listUrl(member), "Tag “" + deleted.name() + "” deleted.", HtmxEvents.TAGS_CHANGED);
    }

    private TagViews.IndexPage indexPage(CurrentMember member, TagForm form, FormErrors errors) {
        return new TagViews.IndexPage(member.organizationSlug(), tags.list(member), form, errors, member.canWrite());
    }

    private TagViews.RowView rowView(CurrentMember member, UUID id, TagForm form, FormErrors errors) {
        TagSummary summary = tags.summary(member, id);
        TagForm shown = form != null ? form : new TagForm(summary.name(), summary.color());
        return new TagViews.RowView(member.organizationSlug(), summary, shown, errors, member.canWrite());
    }

    private static String listUrl(CurrentMember member) {
        return "/o/" + member.organizationSlug() + "/tags";
    }
}
