package io.topograph.topology.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.topograph.networks.Network;
import io.topograph.platform.tenancy.CurrentMember;
import io.topograph.topology.view.DiagramDrawing;
import io.topograph.topology.view.DiagramExports;
import io.topograph.topology.view.ExportFormat;
import io.topograph.topology.view.ExportedFile;

import java.util.UUID;

/**
 * A network's diagram as a file: {@code GET /api/v1/networks/{id}/topology.<ext>} for every
 * {@link ExportFormat}, {@code ?diagram=<uuid>} choosing the saved diagram (the first by default).
 * One route per extension, so the router and the OpenAPI document list exactly what exists. Each
 * also "produces" JSON, the shape of its error answers, so a script sending
 * {@code Accept: application/json} gets the 400 or 404 it caused rather than a 406.
 */
@Controller("/api/v1/networks/{networkId}")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class TopologyExportsApiController {

    private final TopologyAccess access;
    private final DiagramDrawing drawing;
    private final DiagramExports exports;

    public TopologyExportsApiController(TopologyAccess access, DiagramDrawing drawing, DiagramExports exports) {
        this.access = access;
        this.drawing = drawing;
        this.exports = exports;
    }

    @Get(value = "/topology.svg", produces = {"image/svg+xml", MediaType.APPLICATION_JSON})
    public HttpResponse<byte[]> svg(CurrentMember member, UUID networkId, @Nullable @QueryValue String diagram) {
        return export(member, networkId, diagram, ExportFormat.SVG);
    }

    @Get(value = "/topology.png", produces = {"image/png", MediaType.APPLICATION_JSON})
    public HttpResponse<byte[]> png(CurrentMember member, UUID networkId, @Nullable @QueryValue String diagram) {
        return export(member, networkId, diagram, ExportFormat.PNG);
    }

    @Get(value = "/topology.mmd", produces = {"text/plain", MediaType.APPLICATION_JSON})
    public HttpResponse<byte[]> mermaid(CurrentMember member, UUID networkId, @Nullable @QueryValue String diagram) {
        return export(member, networkId, diagram, ExportFormat.MERMAID);
    }

    @Get(value = "/topology.drawio", produces = {"application/xml", MediaType.APPLICATION_JSON})
    public HttpResponse<byte[]> drawio(CurrentMember member, UUID networkId, @Nullable @QueryValue String diagram) {
        return export(member, networkId, diagram, ExportFormat.DRAWIO);
    }

    @Get(value = "/topology.json", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<byte[]> json(CurrentMember member, UUID networkId, @Nullable @QueryValue String diagram) {
        return export(member, networkId, diagram, ExportFormat.JSON);
    }

    @Get(value = "/topology.hosts.csv", produces = {"text/csv", MediaType.APPLICATION_JSON})
    public HttpResponse<byte[]> hostsCsv(CurrentMember member, UUID networkId, @Nullable @QueryValue String diagram) {
        return export(member, networkId, diagram, ExportFormat.HOSTS_CSV);
    }

    @Get(value = "/topology.services.csv", produces = {"text/csv", MediaType.APPLICATION_JSON})
    public HttpResponse<byte[]> servicesCsv(CurrentMember member, UUID networkId, @Nullable @QueryValue String diagram) {
        return export(member, networkId, diagram, ExportFormat.SERVICES_CSV);
    }

    private HttpResponse<byte[]> export(CurrentMember member, UUID networkId, @Nullable String diagram, ExportFormat format) {
        // Visibility first: another organization's network is a 404 even with a bad diagram id.
        Network network = access.visible(member, networkId);
        UUID diagramId = access.diagramId(member, networkId, diagram);
        ExportedFile file = exports.export(drawing.current(member.organizationId(), networkId, diagramId), format, network.name());
        return HttpResponse.ok(file.body())
                .contentType(MediaType.of(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file.fileName() + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store");
    }
}
