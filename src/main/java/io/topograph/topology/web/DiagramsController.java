package io.topograph.topology.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import io.topograph.networks.NetworkService;
import io.topograph.platform.tenancy.CurrentMember;
import io.topograph.platform.web.Flash;
import io.topograph.platform.web.FormErrors;
import io.topograph.platform.web.Htmx;
import io.topograph.platform.web.ValidationException;
import io.topograph.topology.diagrams.Diagram;
import io.topograph.topology.diagrams.TopologyService;

import java.util.List;
import java.util.UUID;

/**
 * Saved diagrams of a network: create, rename, delete (the last one stays: 409). Success takes
 * the browser to the diagram's page (htmx through {@code HX-Redirect}, a plain post through 303);
 * a bad name re-renders the toolbar's diagram forms with the message next to the field (422).
 */
@Controller(value = "/o/{slug}/networks/{networkId}/topology", produces = MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class DiagramsController {

    private final TopologyService topology;
    private final NetworkService networks;
    private final Flash flash;

    public DiagramsController(TopologyService topology, NetworkService networks, Flash flash) {
        this.topology = topology;
        this.networks = networks;
        this.flash = flash;
    }

    @Serdeable
    public record NameForm(@Nullable String name) {
    }

    @Post(value = "/diagrams", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> create(HttpRequest<?> request, CurrentMember member, UUID networkId, @Nullable @Body NameForm form) {
        networks.findVisible(member, networkId);
        member.requireWrite();
        List<Diagram> all = topology.diagrams(member.organizationId(), networkId);
        try {
            Diagram created = topology.create(member.organizationId(), networkId, name(form));
            return go(request, TopologyController.urls(member, networkId, created.id()).page(), "Diagram “" + created.name() + "” created.");
        } catch (ValidationException e) {
            return invalid(request, member, networkId, all, all.get(0), name(form), all.get(0).name(), "new", e.errors());
        }
    }

    @Post(value = "/{diagramId}/name", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> rename(HttpRequest<?> request, CurrentMember member, UUID networkId, UUID diagramId, @Nullable @Body NameForm form) {
        networks.findVisible(member, networkId);
        member.requireWrite();
        Diagram current = topology.diagram(member.organizationId(), networkId, diagramId);
        try {
            Diagram renamed = topology.rename(member.organizationId(), networkId, diagramId, name(form));
            return go(request, TopologyController.urls(member, networkId, diagramId).page(), "Diagram renamed to “" + renamed.name() + "”.");
        } catch (ValidationException e) {
            return invalid(request, member, networkId, topology.diagrams(member.organizationId(), networkId), current, "", name(form),
                    "rename", e.errors());
        }
    }

    @Post(value = "/{diagramId}/deletion", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> delete(HttpRequest<?> request, CurrentMember member, UUID networkId, UUID diagramId) {
        networks.findVisible(member, networkId);
        member.requireWrite();
        Diagram deleted = topology.delete(member.organizationId(), networkId, diagramId);
        return go(request, "/o/" + member.organizationSlug() + "/networks/" + networkId + "/topology",
                "Diagram “" + deleted.name() + "” deleted.");
    }

    @Nullable
    private static String name(@Nullable NameForm form) {
        return form == null ? null : form.name();
    }

    private MutableHttpResponse<?> go(HttpRequest<?> request, String location, String text) {
        if (Htmx.isFragmentRequest(request)) {
            // The whole page changes (selector, options, canvas): let the browser load it, with the message.
            return HttpResponse.noContent().header(Htmx.REDIRECT, location).cookie(flash.cookie(Flash.Level.success, text));
        }
        return flash.redirect(location, Flash.Level.success, text);
    }

    private MutableHttpResponse<?> invalid(HttpRequest<?> request, CurrentMember member, UUID networkId, List<Diagram> all, Diagram current,
                                           String newName, String rename, String failed, FormErrors errors) {
        TopologyViews.Urls urls = TopologyController.urls(member, networkId, current.id());
        if (!Htmx.isFragmentRequest(request)) {
            return flash.redirect(urls.page(), Flash.Level.danger, errors.get("name"));
        }
        return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(new ModelAndView<>(TopologyViews.DIAGRAMS,
                new TopologyViews.DiagramsRegion(new TopologyViews.Diagrams(member.organizationSlug(), networkId, urls, true, all, current, newName == null ? "" : newName,
                        rename == null ? "" : rename, failed, errors))));
    }
}
