package io.topograph.topology.render;

import io.topograph.topology.graph.EdgeKind;
import io.topograph.topology.graph.GraphEdge;
import io.topograph.topology.graph.GraphGroup;
import io.topograph.topology.graph.GraphNode;
import io.topograph.topology.graph.GraphSubnet;
import io.topograph.topology.graph.TopologyGraph;
import io.topograph.topology.layout.Box;
import io.topograph.topology.layout.EdgeRoute;
import io.topograph.topology.layout.Layout;
import io.topograph.topology.layout.Point;
import io.topograph.topology.layout.TopologyLayout;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Renders a laid-out graph as one standalone SVG document: the one renderer behind pages, shares,
 * embeds and exports. Drawing order is subnets, edges, nodes, legend, so nodes cover edge ends.
 *
 * <p>For the browser: every node is {@code <g class="tg-node" data-id=… transform="translate(x,y)">},
 * every edge {@code <g class="tg-edge" data-id data-kind data-source data-target>} (ends are the drawn
 * boxes' ids), every subnet {@code <g class="tg-subnet" data-id=…>}. Only the graph and the layout
 * are read: what a redacted graph lacks never reaches the output.
 */
public final class SvgRenderer {

    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final String DEFAULT_GROUP_COLOR = "#6f42c1";

    private SvgRenderer() {
    }

    public static String render(TopologyGraph graph, Layout layout, RenderOptions options) {
        RenderOptions opts = options == null ? RenderOptions.defaults() : options;
        Map<String, String> highlight = opts.highlight();
        Set<String> used = new TreeSet<>();
        StringBuilder body = new StringBuilder(256 + layout.nodes().size() * 700);

        body.append("<g class=\"tg-subnets\">");
        Map<String, Integer> counts = new HashMap<>();
        for (GraphNode node : graph.nodes()) {
            if (!node.hidden() && node.subnetId() != null) {
                counts.merge(node.subnetId(), 1, Integer::sum);
            }
        }
        for (GraphSubnet subnet : graph.subnets()) {
            Box box = layout.subnets().get(subnet.id());
            if (box != null) {
                subnet(body, subnet, box, layout.collapsed().contains(subnet.id()), counts.getOrDefault(subnet.id(), 0),
                        highlight.get(subnet.id()), used);
            }
        }
        body.append("</g><g class=\"tg-edges\">");
        Map<String, GraphGroup> groups = new HashMap<>();
        graph.groups().forEach(g -> groups.put(g.id(), g));
        Set<EdgeKind> drawnKinds = new TreeSet<>();
        Map<String, GraphGroup> drawnGroups = new LinkedHashMap<>();
        for (GraphEdge edge : graph.edges()) {
            EdgeRoute route = layout.edges().get(edge.id());
            if (route == null || !opts.showsEdge(edge.kind())) {
                continue;
            }
            GraphGroup group = edge.kind() == EdgeKind.GROUP && edge.groupId() != null ? groups.get(edge.groupId()) : null;
            edge(body, edge, route, group, highlight.get(edge.id()));
            drawnKinds.add(edge.kind());
            if (group != null) {
                drawnGroups.putIfAbsent(group.id(), group);
            }
        }
        body.append("</g><g class=\"tg-nodes\">");
        for (GraphNode node : graph.nodes()) {
            Box box = layout.nodes().get(node.id());
            if (box != null && !node.hidden()) {
                NodeWriter.write(body, node, box, opts, highlight.get(node.id()), used);
            }
        }
        body.append("</g>");

        Box bounds = layout.bounds();
        double width = bounds.width();
        double height = bounds.height();
        if (opts.legend()) {
            Legend legend = new Legend(drawnKinds, drawnGroups.values().stream().toList(), Set.copyOf(highlight.values()),
                    graph.nodes().stream().anyMatch(n -> !n.hidden() && NodeWriter.offline(n)));
            double legendWidth = legend.write(body, bounds.x() + TopologyLayout.MARGIN, bounds.bottom(), Math.max(width, 480));
            width = Math.max(width, legendWidth + TopologyLayout.MARGIN * 2);
            height += legend.height();
        }

        StringBuilder out = new StringBuilder(body.length() + 8_000);
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" version=\"1.1\" class=\"tg\"")
                .append(" viewBox=\"").append(Xml.num(bounds.x())).append(' ').append(Xml.num(bounds.y())).append(' ')
                .append(Xml.num(width)).append(' ').append(Xml.num(height)).append("\" width=\"").append(Xml.num(width))
                .append("\" height=\"").append(Xml.num(height)).append("\">");
        out.append("<title>").append(Xml.escape(graph.networkName())).append("</title>");
        out.append("<style type=\"text/css\"><![CDATA[").append(SvgStyle.CSS).append("]]></style><defs>");
        for (String icon : used) {
            out.append("<symbol id=\"i-").append(icon).append("\" viewBox=\"0 0 16 16\"><g class=\"ic\">")
                    .append(Icons.body(icon)).append("</g></symbol>");
        }
        out.append("</defs><rect class=\"bg\" x=\"").append(Xml.num(bounds.x())).append("\" y=\"").append(Xml.num(bounds.y()))
                .append("\" width=\"").append(Xml.num(width)).append("\" height=\"").append(Xml.num(height)).append("\"/>");
        out.append(body).append("</svg>");
        return out.toString();
    }

    private static void subnet(StringBuilder out, GraphSubnet subnet, Box box, boolean collapsed, int count, String highlight,
                               Set<String> used) {
        String kind = cssName(subnet.kind() == null ? "other" : subnet.kind().name());
        out.append("<g class=\"tg-subnet s-").append(kind);
        if (collapsed) {
            out.append(" col");
        }
        if (highlight != null) {
            out.append(" hl-").append(highlight);
        }
        out.append("\" data-id=\"").append(Xml.escape(subnet.id())).append("\" data-kind=\"").append(kind).append('"');
        if (collapsed) {
            out.append(" data-collapsed=\"true\"");
        }
        out.append("><rect class=\"sb\" x=\"").append(Xml.num(box.x())).append("\" y=\"").append(Xml.num(box.y()))
                .append("\" width=\"").append(Xml.num(box.width())).append("\" height=\"").append(Xml.num(box.height()))
                .append("\" rx=\"10\"/>");
        int chars = (int) ((box.width() - 24) / 6.8);
        String name = subnet.name() == null || subnet.name().isBlank() ? subnet.cidr() : subnet.name();
        String details = (subnet.name() == null || subnet.name().isBlank() ? "" : nullToEmpty(subnet.cidr()) + " · ")
                + (subnet.kind() == null ? "" : subnet.kind().label());
        String title = Xml.truncate(name, chars);
        out.append("<text class=\"st\" x=\"").append(Xml.num(box.x() + 12)).append("\" y=\"").append(Xml.num(box.y() + 20))
                .append("\">").append(Xml.escape(title));
        int left = chars - title.length() - 2;
        if (!collapsed && left > 4 && !details.isBlank()) {
            out.append("  <tspan class=\"sc\">").append(Xml.escape(Xml.truncate(details, left))).append("</tspan>");
        }
        out.append("</text>");
        if (collapsed) {
            used.add("host");
            NodeWriter.use(out, "host", box.x() + 12, box.y() + 30, 16);
            out.append("<text class=\"sc\" x=\"").append(Xml.num(box.x() + 34)).append("\" y=\"").append(Xml.num(box.y() + 43))
                    .append("\">").append(Xml.escape(Xml.truncate(details, chars - 14))).append(" · ").append(count)
                    .append(count == 1 ? " host" : " hosts").append("</text>");
        }
        out.append("</g>");
    }

    private static void edge(StringBuilder out, GraphEdge edge, EdgeRoute route, GraphGroup group, String highlight) {
        String kind = cssName(edge.kind().name());
        out.append("<g class=\"tg-edge e-").append(kind);
        if (group != null) {
            out.append(" gs-").append(style(group));
        }
        if (highlight != null) {
            out.append(" hl-").append(highlight);
        }
        out.append('"');
        if (group != null && highlight == null) {
            // the group's own colour, checked so that it can only ever be a colour
            out.append(" style=\"stroke:").append(color(group)).append('"');
        }
        out.append(" data-id=\"").append(Xml.escape(edge.id())).append("\" data-kind=\"").append(kind)
                .append("\" data-source=\"").append(Xml.escape(route.source())).append("\" data-target=\"")
                .append(Xml.escape(route.target())).append('"');
        if (group != null) {
            out.append(" data-group=\"").append(Xml.escape(group.id())).append('"');
        }
        out.append("><path d=\"");
        List<Point> points = route.points();
        for (int i = 0; i < points.size(); i++) {
            out.append(i == 0 ? 'M' : 'L').append(Xml.num(points.get(i).x())).append(' ').append(Xml.num(points.get(i).y()));
        }
        out.append("\"/>");
        if (edge.reason() != null && !edge.reason().isBlank()) {
            out.append("<title>").append(Xml.escape(edge.reason())).append("</title>");
        }
        out.append("</g>");
    }

    static String color(GraphGroup group) {
        return group.color() != null && COLOR.matcher(group.color()).matches() ? group.color().toLowerCase(Locale.ROOT) : DEFAULT_GROUP_COLOR;
    }

    static String style(GraphGroup group) {
        String style = group.edgeStyle() == null ? "SOLID" : group.edgeStyle().toUpperCase(Locale.ROOT);
        return switch (style) {
            case "DASHED" -> "dashed";
            case "DOTTED" -> "dotted";
            default -> "solid";
        };
    }

    static String cssName(String enumName) {
        return enumName.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
