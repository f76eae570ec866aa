package io.topograph.topology.web;

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
import io.topograph.networks.Network;
import io.topograph.networks.NetworkService;
import io.topograph.platform.tenancy.CurrentMember;
import io.topograph.platform.web.Flash;
import io.topograph.platform.web.FormErrors;
import io.topograph.platform.web.Htmx;
import io.topograph.platform.web.NotFoundException;
import io.topograph.platform.web.ValidationException;
import io.topograph.topology.build.SubnetKindService;
import io.topograph.topology.diagrams.Diagram;
import io.topograph.topology.diagrams.DiagramOptions;
import io.topograph.topology.diagrams.OpenDiagram;
import io.topograph.topology.diagrams.TopologyService;
import io.topograph.topology.view.DiagramDrawing;
import io.topograph.topology.view.DiagramExports;
import io.topograph.topology.view.DrawnDiagram;
import io.topograph.topology.view.ExportFormat;
import io.topograph.topology.view.ExportedFile;

import java.util.List;
import java.util.UUID;

/**
 * The topology tab of a network ({@code …/networks/{id}/topology[?diagram=]}) and the canvas
 * actions of one diagram: redraw, re-layout, pins, options, inspector, exports, stale marker and
 * a subnet's kind. The same page URL answers the canvas region alone for htmx.
 */
@Controller(value = "/o/{slug}/networks/{networkId}/topology", produces = MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class TopologyController {

    private final TopologyService topology;
    private final DiagramDrawing drawing;
    private final DiagramExports exports;
    private final SubnetKindService subnetKinds;
    private final NetworkService networks;
    private final Flash flash;

    public TopologyController(TopologyService topology, DiagramDrawing drawing, DiagramExports exports, SubnetKindService subnetKinds,
                              NetworkService networks, Flash flash) {
        this.topology = topology;
        this.drawing = drawing;
        this.exports = exports;
        this.subnetKinds = subnetKinds;
        this.networks = networks;
        this.flash = flash;
    }

    /** A dropped node: its id and top-left corner in diagram coordinates. */
    @Serdeable
    public record PinForm(@Nullable String nodeId, @Nullable String x, @Nullable String y) {
    }

    /** The options panel as posted: checkboxes (absent = off) and the comma-separated tag filter. */
    @Serdeable
    public record OptionsForm(@Nullable List<String> categories, @Nullable String showPorts, @Nullable String showContainers,
                              @Nullable String showHidden, @Nullable List<String> edgeKinds, @Nullable String tags,
                              @Nullable List<String> collapsed) {
    }

    @Serdeable
    public record SubnetKindForm(@Nullable String kind, @Nullable String diagram) {
    }

    @Get
    public MutableHttpResponse<?> page(HttpRequest<?> request, CurrentMember member, UUID networkId, @Nullable @QueryValue String diagram) {
        Network network = networks.findVisible(member, networkId);
        List<Diagram> all = topology.diagrams(member.organizationId(), networkId);
        Diagram current = all.get(0);
        if (diagram != null && !diagram.isBlank()) {
            current = topology.diagram(member.organizationId(), networkId, uuid(diagram));
        }
        DrawnDiagram drawn = drawing.draw(member.organizationId(), networkId, current.id());
        TopologyViews.Canvas canvas = TopologyModels.canvas(member, networkId, drawn);
        if (Htmx.isFragmentRequest(request)) {
            return HttpResponse.ok(new ModelAndView<>(TopologyViews.CANVAS, new TopologyViews.CanvasRegion(canvas))).header("Vary", Htmx.REQUEST);
        }
        TopologyViews.Urls urls = canvas.urls();
        TopologyViews.Diagrams diagrams = new TopologyViews.Diagrams(member.organizationSlug(), networkId, urls, member.canWrite(), all,
                drawn.open().diagram(), "", drawn.open().diagram().name(), "", FormErrors.none());
        TopologyViews.Options options = TopologyModels.options(member, networkId, drawn.open().diagram(), drawn.open().full(), FormErrors.none());
        return HttpResponse.ok(new ModelAndView<>(TopologyViews.PAGE, new TopologyViews.Page(member.organizationSlug(), networkId,
                network.name(), urls, member.canWrite(), diagrams, options, canvas, TopologyModels.exports(urls)))).header("Vary", Htmx.REQUEST);
    }

    @Get("/{diagramId}/canvas")
    public ModelAndView<?> canvas(CurrentMember member, UUID networkId, UUID diagramId) {
        networks.findVisible(member, networkId);
        return new ModelAndView<>(TopologyViews.CANVAS, new TopologyViews.CanvasRegion(TopologyModels.canvas(member, networkId,
                drawing.draw(member.organizationId(), networkId, diagramId))));
    }

    /** Redraws from the inventory as it is now, pins kept (clears the stale marker). */
    @Post(value = "/{diagramId}/drawing", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> refresh(HttpRequest<?> request, CurrentMember member, UUID networkId, UUID diagramId) {
        networks.findVisible(member, networkId);
        DrawnDiagram drawn = drawing.draw(member.organizationId(), networkId, diagramId);
        return flash.done(request, HttpResponse.ok(new ModelAndView<>(TopologyViews.CANVAS, new TopologyViews.CanvasRegion(TopologyModels.canvas(member, networkId, drawn)))),
                urls(member, networkId, diagramId).page(), "Diagram redrawn.");
    }

    /** Forgets every pin and lays the diagram out afresh. */
    @Post(value = "/{diagramId}/layout", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> relayout(HttpRequest<?> request, CurrentMember member, UUID networkId, UUID diagramId) {
        networks.findVisible(member, networkId);
        member.requireWrite();
        DrawnDiagram drawn = drawing.rebuild(member.organizationId(), networkId, diagramId);
        return flash.done(request, HttpResponse.ok(new ModelAndView<>(TopologyViews.CANVAS, new TopologyViews.CanvasRegion(TopologyModels.canvas(member, networkId, drawn)))),
                urls(member, networkId, diagramId).page(), "Diagram laid out again: positions cleared.");
    }

    @Post(value = "/{diagramId}/positions", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> pin(CurrentMember member, UUID networkId, UUID diagramId, @Nullable @Body PinForm form) {
        networks.findVisible(member, networkId);
        member.requireWrite();
        PinForm pin = form == null ? new PinForm(null, null, null) : form;
        FormErrors errors = FormErrors.none();
        double x = number(errors, "x", pin.x());
        double y = number(errors, "y", pin.y());
        errors.throwIfAny();
        topology.pin(member.organizationId(), networkId, diagramId, pin.nodeId(), x, y);
        return HttpResponse.noContent();
    }

    @Post(value = "/{diagramId}/options", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> options(HttpRequest<?> request, CurrentMember member, UUID networkId, UUID diagramId,
                                          @Nullable @Body OptionsForm form) {
        networks.findVisible(member, networkId);
        member.requireWrite();
        OpenDiagram open = topology.open(member.organizationId(), networkId, diagramId);
        DiagramOptions options = OptionsParsing.parse(form == null ? new OptionsForm(null, null, null, null, null, null, null) : form,
                open.full());
        topology.saveOptions(member.organizationId(), networkId, diagramId, options);
        DrawnDiagram drawn = drawing.draw(member.organizationId(), networkId, diagramId);
        return flash.done(request, HttpResponse.ok(new ModelAndView<>(TopologyViews.CANVAS, new TopologyViews.CanvasRegion(TopologyModels.canvas(member, networkId, drawn)))),
                urls(member, networkId, diagramId).page(), "Options saved.");
    }

    @Get("/{diagramId}/inspector")
    public ModelAndView<?> inspector(CurrentMember member, UUID networkId, UUID diagramId, @Nullable @QueryValue String id) {
        networks.findVisible(member, networkId);
        OpenDiagram open = topology.open(member.organizationId(), networkId, diagramId);
        return new ModelAndView<>(TopologyViews.INSPECTOR, TopologyModels.inspector(member, urls(member, networkId, diagramId),
                open.full(), open.shown(), id == null ? "" : id));
    }

    @Get("/{diagramId}/stale")
    public ModelAndView<?> stale(CurrentMember member, UUID networkId, UUID diagramId) {
        networks.findVisible(member, networkId);
        return new ModelAndView<>(TopologyViews.STALE, new TopologyViews.Stale(urls(member, networkId, diagramId),
                topology.isStale(member.organizationId(), networkId, diagramId)));
    }

    @Get(value = "/{diagramId}/export/{ext}", produces = MediaType.ALL)
    public MutableHttpResponse<?> export(CurrentMember member, UUID networkId, UUID diagramId, String ext) {
        Network network = networks.findVisible(member, networkId);
        ExportFormat format = ExportFormat.byExtension(ext).orElseThrow(() -> new NotFoundException("No such export format"));
        ExportedFile file = exports.export(drawing.current(member.organizationId(), networkId, diagramId), format, network.name());
        return HttpResponse.ok(file.body()).contentType(file.contentType())
                .header("Content-Disposition", "attachment; filename=\"" + file.fileName().replace("\"", "") + "\"");
    }

    @Post(value = "/subnets/{subnetId}/kind", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> subnetKind(HttpRequest<?> request, CurrentMember member, UUID networkId, UUID subnetId,
                                             @Nullable @Body SubnetKindForm form) {
        networks.findVisible(member, networkId);
        member.requireWrite();
        SubnetKindForm chosen = form == null ? new SubnetKindForm(null, null) : form;
        subnetKinds.chooseKind(member.organizationId(), networkId, subnetId, chosen.kind());
        String back = "/o/" + member.organizationSlug() + "/networks/" + networkId + "/topology";
        UUID diagramId = chosen.diagram() == null || chosen.diagram().isBlank() ? null : uuid(chosen.diagram());
        if (diagramId == null) {
            return flash.redirect(back, Flash.Level.success, "Subnet kind saved.");
        }
        DrawnDiagram drawn = drawing.draw(member.organizationId(), networkId, diagramId);
        return flash.done(request, HttpResponse.ok(new ModelAndView<>(TopologyViews.CANVAS, new TopologyViews.CanvasRegion(TopologyModels.canvas(member, networkId, drawn)))),
                urls(member, networkId, diagramId).page(), "Subnet kind saved.");
    }

    static TopologyViews.Urls urls(CurrentMember member, UUID networkId, UUID diagramId) {
        return TopologyViews.Urls.of(member.organizationSlug(), networkId, diagramId);
    }

    static UUID uuid(String value) {
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("Diagram not found");
        }
    }

    private static double number(FormErrors errors, String field, @Nullable String value) {
        try {
            return Double.parseDouble(value == null ? "" : value.strip());
        } catch (NumberFormatException e) {
            errors.add(field, "Give a number.");
            return 0;
        }
    }
}
