package io.topograph.topology.web;

import io.topograph.platform.tenancy.CurrentMember;
import io.topograph.platform.web.FormErrors;
import io.topograph.topology.diagrams.Diagram;
import io.topograph.topology.diagrams.DiagramOptions;
import io.topograph.topology.graph.EdgeKind;
import io.topograph.topology.graph.GraphEdge;
import io.topograph.topology.graph.GraphNode;
import io.topograph.topology.graph.GraphService;
import io.topograph.topology.graph.GraphSubnet;
import io.topograph.topology.graph.SubnetKind;
import io.topograph.topology.graph.TopologyGraph;
import io.topograph.topology.view.DrawnDiagram;
import io.topograph.topology.view.ExportFormat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.UUID;

/** Builds the topology view models from what the services answer; pure. */
final class TopologyModels {

    private TopologyModels() {
    }

    static TopologyViews.Canvas canvas(CurrentMember member, UUID networkId, DrawnDiagram drawn) {
        UUID diagramId = drawn.open().diagram().id();
        boolean empty = drawn.open().full().nodes().stream().noneMatch(n -> n.hostId() != null);
        return new TopologyViews.Canvas(member.organizationSlug(), networkId, diagramId,
                TopologyViews.Urls.of(member.organizationSlug(), networkId, diagramId), member.canWrite(), empty, drawn.svg(),
                drawn.layout().nodes().size(), false);
    }

    static TopologyViews.Options options(CurrentMember member, UUID networkId, Diagram diagram, TopologyGraph full, FormErrors errors) {
        DiagramOptions o = diagram.options();
        TreeSet<String> categories = new TreeSet<>();
        full.nodes().forEach(n -> n.services().forEach(s -> {
            if (s.category() != null) {
                categories.add(s.category());
            }
        }));
        if (o.serviceCategories() != null) {
            categories.addAll(o.serviceCategories());
        }
        List<TopologyViews.Choice> cats = categories.stream()
                .map(c -> new TopologyViews.Choice(c, c.replace('-', ' '), o.serviceCategories() == null || o.serviceCategories().contains(c)))
                .toList();
        List<TopologyViews.Choice> kinds = new ArrayList<>();
        for (EdgeKind k : EdgeKind.values()) {
            kinds.add(new TopologyViews.Choice(k.name(), k.label(), o.edgeKinds() == null || o.edgeKinds().contains(k)));
        }
        List<TopologyViews.Choice> subnets = full.subnets().stream()
                .map(s -> new TopologyViews.Choice(s.id(), s.name() == null || s.name().isBlank() ? s.cidr() : s.name() + " " + s.cidr(),
                        o.collapsedSubnets().contains(s.id())))
                .toList();
        return new TopologyViews.Options(TopologyViews.Urls.of(member.organizationSlug(), networkId, diagram.id()), member.canWrite(), cats,
                o.showPorts(), o.showContainers(), o.showHidden(), kinds, String.join(", ", o.tags()), subnets, errors);
    }

    static List<TopologyViews.ExportLink> exports(TopologyViews.Urls urls) {
        List<TopologyViews.ExportLink> out = new ArrayList<>();
        for (ExportFormat f : ExportFormat.values()) {
            String label = switch (f) {
                case SVG -> "SVG image";
                case PNG -> "PNG image";
                case MERMAID -> "Mermaid";
                case DRAWIO -> "draw.io";
                case JSON -> "JSON";
                case HOSTS_CSV -> "Hosts (CSV)";
                case SERVICES_CSV -> "Services (CSV)";
            };
            out.add(new TopologyViews.ExportLink(f.extension(), label, urls.diagram() + "/export/" + f.extension()));
        }
        return out;
    }

    /** The inspector for {@code elementId}: a node of the full graph, an edge or subnet of what is shown. */
    static TopologyViews.Inspector inspector(CurrentMember member, TopologyViews.Urls urls, TopologyGraph full, TopologyGraph shown,
                                             String elementId) {
        String slug = member.organizationSlug();
        for (GraphNode n : full.nodes()) {
            if (n.id().equals(elementId)) {
                List<TopologyViews.ServiceLine> services = new ArrayList<>();
                for (GraphService s : n.services()) {
                    services.add(new TopologyViews.ServiceLine(s.name(), s.category(), String.join(", ", s.ports())));
                }
                String hostUrl = n.hostId() == null ? null : "/o/" + slug + "/hosts/" + n.hostId();
                return new TopologyViews.Inspector(slug, urls, member.canWrite(), n, services, hostUrl, null, null, null, null);
            }
        }
        for (GraphEdge e : shown.edges()) {
            if (e.id().equals(elementId)) {
                return new TopologyViews.Inspector(slug, urls, member.canWrite(), null, null, null, e, e.kind().label(), null, null);
            }
        }
        for (GraphSubnet s : full.subnets()) {
            if (s.id().equals(elementId)) {
                List<TopologyViews.SubnetKindChoice> kinds = new ArrayList<>();
                for (SubnetKind k : SubnetKind.values()) {
                    kinds.add(new TopologyViews.SubnetKindChoice(k.name(), k.label(), k == s.kind()));
                }
                return new TopologyViews.Inspector(slug, urls, member.canWrite(), null, null, null, null, null, s, kinds);
            }
        }
        return new TopologyViews.Inspector(slug, urls, member.canWrite(), null, null, null, null, null, null, null);
    }

    static String category(String value) {
        return value.strip().toLowerCase(Locale.ROOT);
    }
}
