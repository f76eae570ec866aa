package io.topograph.topology.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.topograph.networks.Network;
import io.topograph.networks.NetworkService;
import io.topograph.platform.tenancy.CurrentMember;
import io.topograph.platform.web.Flash;
import io.topograph.platform.web.Htmx;
import io.topograph.platform.web.ValidationException;
import io.topograph.topology.diagrams.Diagram;
import io.topograph.topology.diagrams.OpenDiagram;
import io.topograph.topology.diagrams.TopologyService;
import io.topograph.topology.snapshots.SnapshotComparison;
import io.topograph.topology.snapshots.SnapshotService;
import io.topograph.topology.snapshots.SnapshotSummary;
import io.topograph.topology.view.DiagramDrawing;
import io.topograph.topology.view.DrawnDiagram;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/**
 * A network's topology timeline: the snapshots (taken by runs or by hand), "Take snapshot now",
 * and the comparison of two of them (or one with now), drawn as the union graph with the
 * differences highlighted and listed.
 */
@Controller(value = "/o/{slug}/networks/{networkId}/topology", produces = MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class SnapshotsController {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final SnapshotService snapshots;
    private final TopologyService topology;
    private final DiagramDrawing drawing;
    private final NetworkService networks;
    private final Flash flash;

    public SnapshotsController(SnapshotService snapshots, TopologyService topology, DiagramDrawing drawing, NetworkService networks,
                               Flash flash) {
        this.snapshots = snapshots;
        this.topology = topology;
        this.drawing = drawing;
        this.networks = networks;
        this.flash = flash;
    }

    @Get("/snapshots")
    public MutableHttpResponse<?> timeline(HttpRequest<?> request, CurrentMember member, UUID networkId) {
        Network network = networks.findVisible(member, networkId);
        TopologyViews.Timeline timeline = timeline(member, networkId);
        if (Htmx.isFragmentRequest(request)) {
            return HttpResponse.ok(new ModelAndView<>(TopologyViews.TIMELINE, new TopologyViews.TimelineRegion(timeline))).header("Vary", Htmx.REQUEST);
        }
        return HttpResponse.ok(new ModelAndView<>(TopologyViews.SNAPSHOTS,
                new TopologyViews.SnapshotsPage(member.organizationSlug(), networkId, network.name(), timeline))).header("Vary", Htmx.REQUEST);
    }

    @Post(value = "/snapshots", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> take(HttpRequest<?> request, CurrentMember member, UUID networkId) {
        networks.findVisible(member, networkId);
        member.requireWrite();
        SnapshotSummary taken = snapshots.takeNow(member.organizationId(), networkId);
        return flash.done(request, HttpResponse.ok(new ModelAndView<>(TopologyViews.TIMELINE, new TopologyViews.TimelineRegion(timeline(member, networkId)))),
                base(member, networkId) + "/snapshots", "Snapshot taken: " + taken.hosts() + " hosts, " + taken.services() + " services.");
    }

    /** before: a snapshot id; after: a snapshot id, or empty / "now" for the live inventory. */
    @Get("/compare")
    public ModelAndView<?> compare(CurrentMember member, UUID networkId, @Nullable @QueryValue String before,
                                   @Nullable @QueryValue String after) {
        Network network = networks.findVisible(member, networkId);
        if (before == null || before.isBlank()) {
            throw ValidationException.of("before", "Choose the snapshot to compare from.");
        }
        UUID beforeId = TopologyController.uuid(before);
        UUID afterId = after == null || after.isBlank() || "now".equals(after) ? null : TopologyController.uuid(after);
        SnapshotComparison comparison = snapshots.compare(member.organizationId(), networkId, beforeId, afterId);
        Diagram first = topology.diagrams(member.organizationId(), networkId).get(0);
        OpenDiagram open = topology.open(member.organizationId(), networkId, first.id());
        DrawnDiagram drawn = drawing.draw(open, comparison.union(), comparison.diff().highlight());
        var summary = comparison.diff().summary();
        return new ModelAndView<>(TopologyViews.COMPARE, new TopologyViews.ComparePage(member.organizationSlug(), networkId, network.name(),
                base(member, networkId), label(comparison.before()), comparison.after() == null ? "now" : label(comparison.after()),
                summary.added(), summary.removed(), summary.changed(), DiffLines.of(comparison.diff()), drawn.svg()));
    }

    private TopologyViews.Timeline timeline(CurrentMember member, UUID networkId) {
        List<TopologyViews.SnapshotRow> rows = snapshots.timeline(member.organizationId(), networkId).stream()
                .map(s -> new TopologyViews.SnapshotRow(s.id(), WHEN.format(s.takenAt()),
                        s.reason() == SnapshotSummary.Reason.RUN ? "Discovery run" : "Taken by hand", s.hosts(), s.services()))
                .toList();
        return new TopologyViews.Timeline(member.organizationSlug(), networkId, base(member, networkId), member.canWrite(), rows, null);
    }

    private static String label(SnapshotSummary s) {
        return WHEN.format(s.takenAt());
    }

    private static String base(CurrentMember member, UUID networkId) {
        return "/o/" + member.organizationSlug() + "/networks/" + networkId + "/topology";
    }
}
