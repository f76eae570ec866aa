package io.topograph.topology.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.topograph.networks.Network;
import io.topograph.platform.tenancy.CurrentMember;
import io.topograph.topology.graph.GraphNode;
import io.topograph.topology.graph.GraphService;
import io.topograph.topology.graph.NodeKind;
import io.topograph.topology.view.DiagramDrawing;
import io.topograph.topology.view.DrawnDiagram;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/**
 * The print view of a diagram ("PDF or print view"): {@code /o/{slug}/networks/{id}/topology/print},
 * its own minimal layout (no app navigation), the SVG at page width and a table of the hosts drawn,
 * for the browser's "Print / save as PDF" on A4 landscape.
 */
@Controller(value = "/o/{slug}/networks/{networkId}/topology", produces = MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class TopologyPrintController {

    static final String VIEW = "topology/print";
    private static final DateTimeFormatter PRINTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final TopologyAccess access;
    private final DiagramDrawing drawing;

    public TopologyPrintController(TopologyAccess access, DiagramDrawing drawing) {
        this.access = access;
        this.drawing = drawing;
    }

    /** One row of the hosts table. */
    public record HostRow(String name, String kind, String addresses, String services) {
        static HostRow of(GraphNode n) {
            return new HostRow(n.label(), n.kind().name().toLowerCase(java.util.Locale.ROOT), String.join(", ", n.addresses()),
                    String.join(", ", n.services().stream().map(HostRow::service).toList()));
        }

        private static String service(GraphService s) {
            return s.ports() == null || s.ports().isEmpty() ? s.name() : s.name() + " (" + String.join(", ", s.ports()) + ")";
        }
    }

    /** The page: {@code svg} is the renderer's own markup (escaped by it), shown as is. */
    public record PrintView(String slug, UUID networkId, String networkName, String diagramName, String svg, List<HostRow> hosts,
                            String printedAt, String backUrl) {
    }

    @Get("/print")
    public HttpResponse<?> print(CurrentMember member, String slug, UUID networkId, @Nullable @QueryValue String diagram) {
        Network network = access.visible(member, networkId);
        UUID diagramId = access.diagramId(member, networkId, diagram);
        DrawnDiagram drawn = drawing.current(member.organizationId(), networkId, diagramId);
        List<HostRow> hosts = drawn.drawn().nodes().stream()
                .filter(n -> n.kind() == NodeKind.HOST || n.kind() == NodeKind.GATEWAY || n.kind() == NodeKind.CONTAINER)
                .map(HostRow::of).toList();
        return HttpResponse.ok(new ModelAndView<>(VIEW, new PrintView(slug, networkId, network.name(), drawn.open().diagram().name(),
                drawn.svg(), hosts, PRINTED.format(Instant.now()), "/o/" + slug + "/networks/" + networkId)));
    }
}
