package io.topograph.networks;

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
 * Network pages. Every action works as a plain form post (303 back to the list) and, with
 * htmx, swaps only the region that changed.
 */
@Controller(value = "/o/{slug}/networks", produces = MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class NetworksController {

    private final NetworkService networks;
    private final Flash flash;

    public NetworksController(NetworkService networks, Flash flash) {
        this.networks = networks;
        this.flash = flash;
    }

    @Get
    public ModelAndView<?> index(HttpRequest<?> request, CurrentMember member) {
        return new ModelAndView<>(Htmx.isFragmentRequest(request) ? NetworkViews.LIST : NetworkViews.INDEX,
                indexPage(member, NetworkForm.empty(), FormErrors.none()));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> create(HttpRequest<?> request, CurrentMember member, @Body NetworkForm form) {
        Network created;
        try {
            created = networks.create(member, form);
        } catch (ValidationException e) {
            if (Htmx.isFragmentRequest(request)) {
                // The form targets the list on success; its errors replace the form itself.
                return Htmx.retarget(HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                        .body(new ModelAndView<>(NetworkViews.CREATE_FORM, new NetworkViews.FormView(member.organizationSlug(), form, e.errors()))),
                        "#network-form");
            }
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(new ModelAndView<>(NetworkViews.INDEX, indexPage(member, form, e.errors())));
        }
        return flash.done(request,
                HttpResponse.ok(new ModelAndView<>(NetworkViews.LIST, indexPage(member, NetworkForm.empty(), FormErrors.none()))),
                listUrl(member), "Network “" + created.name() + "” created.", HtmxEvents.NETWORKS_CHANGED);
    }

    @Get("/{id}")
    public MutableHttpResponse<?> show(CurrentMember member, UUID id) {
        networks.findVisible(member, id);
        return flash.redirect(listUrl(member) + "/" + id + "/hosts");
    }

    @Get("/{id}/row")
    public ModelAndView<?> row(CurrentMember member, UUID id) {
        return new ModelAndView<>(NetworkViews.ROW, rowView(member, id, null, FormErrors.none()));
    }

    @Get("/{id}/edit")
    public ModelAndView<?> edit(HttpRequest<?> request, CurrentMember member, UUID id) {
        member.requireWrite();
        return new ModelAndView<>(Htmx.isFragmentRequest(request) ? NetworkViews.EDIT_ROW : NetworkViews.EDIT,
                rowView(member, id, null, FormErrors.none()));
    }

    @Post(value = "/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> update(HttpRequest<?> request, CurrentMember member, UUID id, @Body NetworkForm form) {
        Network updated;
        try {
            updated = networks.update(member, id, form);
        } catch (ValidationException e) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(new ModelAndView<>(
                    Htmx.isFragmentRequest(request) ? NetworkViews.EDIT_ROW : NetworkViews.EDIT, rowView(member, id, form, e.errors())));
        }
        return flash.done(request, HttpResponse.ok(new ModelAndView<>(NetworkViews.ROW, rowView(member, id, null, FormErrors.none()))),
                listUrl(member), "Network “" + updated.name() + "” saved.", HtmxEvents.NETWORKS_CHANGED);
    }

    /** The confirmation page for browsers without JavaScript (htmx asks with hx-confirm). */
    @Get("/{id}/delete")
    public ModelAndView<?> confirmDelete(CurrentMember member, UUID id) {
        member.requireWrite();
        return new ModelAndView<>(NetworkViews.DELETE, rowView(member, id, null, FormErrors.none()));
    }

    @Post(value = "/{id}/delete", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> delete(HttpRequest<?> request, CurrentMember member, UUID id) {
        Network deleted = networks.delete(member, id);
        return flash.done(request, HttpResponse.ok("").contentType(MediaType.TEXT_HTML_TYPE),
                listUrl(member), "Network “" + deleted.name() + "” and its inventory were deleted.", HtmxEvents.NETWORKS_CHANGED);
    }

    private NetworkViews.IndexPage indexPage(CurrentMember member, NetworkForm form, FormErrors errors) {
        return new NetworkViews.IndexPage(member.organizationSlug(), networks.listVisible(member), form, errors,
                member.canWrite() && member.role().seesAllNetworks(), member.canWrite());
    }

    private NetworkViews.RowView rowView(CurrentMember member, UUID id, NetworkForm form, FormErrors errors) {
        NetworkSummary summary = networks.findVisibleSummary(member, id);
        NetworkForm shown = form != null ? form : new NetworkForm(summary.name(), summary.description());
        return new NetworkViews.RowView(member.organizationSlug(), summary, shown, errors, member.canWrite(),
                member.canWrite() && member.role().seesAllNetworks());
    }

    private static String listUrl(CurrentMember member) {
        return "/o/" + member.organizationSlug() + "/networks";
    }
}
