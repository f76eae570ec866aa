package io.topograph.topology.web;

import io.micronaut.core.annotation.Nullable;
import io.topograph.platform.web.FormErrors;
import io.topograph.topology.diagrams.Diagram;
import io.topograph.topology.graph.GraphEdge;
import io.topograph.topology.graph.GraphNode;
import io.topograph.topology.graph.GraphSubnet;

import java.util.List;
import java.util.UUID;

/** View names and typed view models of the topology pages. */
final class TopologyViews {

    static final String PAGE = "topology/index";
    static final String CANVAS = "topology/_canvas :: canvas";
    static final String OPTIONS = "topology/_options :: options";
    static final String DIAGRAMS = "topology/_diagrams :: diagrams";
    static final String INSPECTOR = "topology/_inspector :: inspector";
    static final String STALE = "topology/_stale :: stale";
    static final String SNAPSHOTS = "topology/snapshots";
    static final String TIMELINE = "topology/_timeline :: timeline";
    static final String COMPARE = "topology/compare";

    /** DOM ids defined once, used by templates (through the models) and tests. */
    static final String CANVAS_ID = "tg-canvas";

    private TopologyViews() {
    }

    /** Where the page's links and forms point, for one diagram. */
    record Urls(UUID id, String page, String base, String diagram) {
        static Urls of(String slug, UUID networkId, UUID diagramId) {
            String base = "/o/" + slug + "/networks/" + networkId + "/topology";
            return new Urls(diagramId, base + "?diagram=" + diagramId, base, base + "/" + diagramId);
        }
    }

    /** The canvas region: the drawn SVG, or the empty state when the network has no hosts yet. */
    record Canvas(String slug, UUID networkId, UUID diagramId, Urls urls, boolean canWrite, boolean empty, String svg, int nodes,
                  boolean stale) {
    }

    record Choice(String value, String label, boolean checked) {
    }

    /** The options panel: every choice offered, checked as saved. */
    record Options(Urls urls, boolean canWrite, List<Choice> categories, boolean showPorts, boolean showContainers,
                   boolean showHidden, List<Choice> edgeKinds, String tags, List<Choice> subnets, FormErrors errors) {
    }

    record ExportLink(String extension, String label, String url) {
    }

    /** The toolbar's diagram selector and its new / rename / delete forms; {@code failed}: "new", "rename" or "" (whose errors show). */
    record Diagrams(String slug, UUID networkId, Urls urls, boolean canWrite, List<Diagram> all, Diagram current,
                    String newName, String rename, String failed, FormErrors errors) {
    }

    record Page(String slug, UUID networkId, String networkName, Urls urls, boolean canWrite, Diagrams diagrams, Options options,
                Canvas canvas, List<ExportLink> exports) {
    }

    record ServiceLine(String name, String category, String ports) {
    }

    record SubnetKindChoice(String value, String label, boolean selected) {
    }

    /** The inspector: exactly one of node, edge, subnet is set (none: the element is gone). */
    record Inspector(String slug, Urls urls, boolean canWrite, @Nullable GraphNode node, @Nullable List<ServiceLine> services,
                     @Nullable String hostUrl, @Nullable GraphEdge edge, @Nullable String edgeKind, @Nullable GraphSubnet subnet,
                     @Nullable List<SubnetKindChoice> kinds) {
    }

    record Stale(Urls urls, boolean stale) {
    }

    /** Region wrappers: a fragment reads its region's model under one name, alone or inside the page. */
    record CanvasRegion(Canvas canvas) {
    }

    record OptionsRegion(Options options) {
    }

    record DiagramsRegion(Diagrams diagrams) {
    }

    record TimelineRegion(Timeline timeline) {
    }

    record SnapshotRow(UUID id, String takenAt, String reason, int hosts, int services) {
    }

    record Timeline(String slug, UUID networkId, String base, boolean canWrite, List<SnapshotRow> rows, @Nullable UUID diagramId) {
    }

    record SnapshotsPage(String slug, UUID networkId, String networkName, Timeline timeline) {
    }

    record DiffLine(String change, String what, String detail) {
    }

    record ComparePage(String slug, UUID networkId, String networkName, String base, String beforeLabel, String afterLabel,
                       int added, int removed, int changed, List<DiffLine> lines, String svg) {
    }
}
