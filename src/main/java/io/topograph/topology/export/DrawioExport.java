package io.topograph.topology.export;

import io.topograph.topology.graph.EdgeKind;
import io.topograph.topology.graph.GraphEdge;
import io.topograph.topology.graph.GraphGroup;
import io.topograph.topology.graph.GraphNode;
import io.topograph.topology.graph.GraphSubnet;
import io.topograph.topology.graph.NodeKind;
import io.topograph.topology.graph.SubnetKind;
import io.topograph.topology.graph.TopologyGraph;
import io.topograph.topology.layout.Box;
import io.topograph.topology.layout.EdgeRoute;
import io.topograph.topology.layout.Layout;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import static io.topograph.topology.render.Xml.escape;
import static io.topograph.topology.render.Xml.num;

/**
 * A draw.io (diagrams.net) file: {@code <mxfile><diagram><mxGraphModel><root>} with the two base
 * cells 0 and 1, one container cell per subnet, its nodes as child vertices (geometry relative to
 * the container, as mxGraph expects), nodes outside subnets on layer 1, and edges with source and
 * target, so the diagram opens with editable shapes. Cell ids are the graph ids; positions come
 * from the layout, so the file looks like the SVG.
 */
public final class DrawioExport {

    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");

    private DrawioExport() {
    }

    public static String toDrawio(TopologyGraph graph, Layout layout) {
        StringBuilder out = new StringBuilder(512 + layout.nodes().size() * 320);
        out.append("<mxfile host=\"Topograph\" type=\"device\"><diagram id=\"topology\" name=\"")
                .append(escape(graph.networkName() == null ? "Topology" : graph.networkName())).append("\">")
                .append("<mxGraphModel dx=\"").append(num(layout.width())).append("\" dy=\"").append(num(layout.height()))
                .append("\" grid=\"1\" gridSize=\"8\" guides=\"1\" tooltips=\"1\" connect=\"1\" arrows=\"1\" fold=\"1\" page=\"0\"")
                .append(" pageScale=\"1\" math=\"0\" shadow=\"0\"><root><mxCell id=\"0\"/><mxCell id=\"1\" parent=\"0\"/>");
        Map<String, Box> parents = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        graph.nodes().forEach(n -> {
            if (!n.hidden() && n.subnetId() != null) {
                counts.merge(n.subnetId(), 1, Integer::sum);
            }
        });
        for (GraphSubnet subnet : graph.subnets()) {
            Box box = layout.subnets().get(subnet.id());
            if (box == null) {
                continue;
            }
            parents.put(subnet.id(), box);
            boolean collapsed = layout.collapsed().contains(subnet.id());
            String value = (subnet.name() == null || subnet.name().isBlank() ? "" : subnet.name() + "\n")
                    + (subnet.cidr() == null ? "" : subnet.cidr()) + (subnet.kind() == null ? "" : " · " + subnet.kind().label())
                    + (collapsed ? "\n" + counts.getOrDefault(subnet.id(), 0) + " hosts" : "");
            out.append("<mxCell id=\"").append(escape(subnet.id())).append("\" value=\"").append(escape(value))
                    .append("\" style=\"rounded=1;arcSize=4;whiteSpace=wrap;html=0;container=1;collapsible=0;verticalAlign=top;align=left;")
                    .append("spacingLeft=10;fontStyle=1;").append(subnetColors(subnet.kind()))
                    .append("\" vertex=\"1\" parent=\"1\">");
            geometry(out, box.x(), box.y(), box);
            out.append("</mxCell>");
        }
        // a node's parent is the subnet box that holds it (a pinned node dragged out stays on layer 1)
        for (GraphNode node : graph.nodes()) {
            Box box = layout.nodes().get(node.id());
            if (box == null || node.hidden()) {
                continue;
            }
            String parent = "1";
            double x = box.x();
            double y = box.y();
            String block = blockOf(node, graph, layout);
            Box container = block == null ? null : parents.get(block);
            if (container != null && contains(container, box)) {
                parent = block;
                x -= container.x();
                y -= container.y();
            }
            String value = (node.label() == null ? "" : node.label()) + (node.primaryAddress() == null ? "" : "\n" + node.primaryAddress());
            out.append("<mxCell id=\"").append(escape(node.id())).append("\" value=\"").append(escape(value))
                    .append("\" style=\"").append(nodeStyle(node)).append("\" vertex=\"1\" parent=\"").append(escape(parent)).append("\">");
            geometry(out, x, y, box);
            out.append("</mxCell>");
        }
        Map<String, GraphGroup> groups = new HashMap<>();
        graph.groups().forEach(g -> groups.put(g.id(), g));
        for (GraphEdge edge : graph.edges()) {
            EdgeRoute route = layout.edges().get(edge.id());
            if (route == null) {
                continue;
            }
            GraphGroup group = edge.groupId() == null ? null : groups.get(edge.groupId());
            out.append("<mxCell id=\"").append(escape(edge.id())).append("\" value=\"")
                    .append(escape(group == null ? "" : group.name())).append("\" style=\"").append(edgeStyle(edge.kind(), group))
                    .append("\" edge=\"1\" parent=\"1\" source=\"").append(escape(route.source())).append("\" target=\"")
                    .append(escape(route.target())).append("\"><mxGeometry relative=\"1\" as=\"geometry\"/></mxCell>");
        }
        out.append("</root></mxGraphModel></diagram></mxfile>");
        return out.toString();
    }

    /** Satellite containers have no subnet of their own: their host's subnet holds them. */
    private static String blockOf(GraphNode node, TopologyGraph graph, Layout layout) {
        if (node.subnetId() != null) {
            return node.subnetId();
        }
        Box box = layout.nodes().get(node.id());
        for (Map.Entry<String, Box> e : layout.subnets().entrySet()) {
            if (!layout.collapsed().contains(e.getKey()) && contains(e.getValue(), box)) {
                return e.getKey();
            }
        }
        return null;
    }

    private static boolean contains(Box outer, Box inner) {
        return inner.x() >= outer.x() && inner.y() >= outer.y() && inner.right() <= outer.right() && inner.bottom() <= outer.bottom();
    }

    private static void geometry(StringBuilder out, double x, double y, Box box) {
        out.append("<mxGeometry x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"")
                .append(num(box.width())).append("\" height=\"").append(num(box.height())).append("\" as=\"geometry\"/>");
    }

    private static String nodeStyle(GraphNode node) {
        String base = "rounded=1;whiteSpace=wrap;html=0;align=left;spacingLeft=8;fontSize=11;";
        String look = switch (node.kind() == null ? NodeKind.HOST : node.kind()) {
            case GATEWAY -> "fillColor=#ffffff;strokeColor=#3e4c59;strokeWidth=2;";
            case CONTAINER -> "fillColor=#f4fbff;strokeColor=#5bb4d9;";
            case VIRTUAL_MACHINE -> "fillColor=#fbf8ff;strokeColor=#9b87d6;";
            case INTERNET -> "ellipse;fillColor=#f0f4f8;strokeColor=#52606d;align=center;spacingLeft=0;";
            case HOST -> "fillColor=#ffffff;strokeColor=#7b8794;";
        };
        boolean offline = "OFFLINE".equals(node.state()) || "MISSING".equals(node.state());
        return base + look + (offline ? "opacity=45;" : "");
    }

    private static String edgeStyle(EdgeKind kind, GraphGroup group) {
        String base = "edgeStyle=none;rounded=0;html=0;endArrow=none;";
        if (group != null) {
            String color = group.color() != null && COLOR.matcher(group.color()).matches() ? group.color() : "#6f42c1";
            String style = group.edgeStyle() == null ? "SOLID" : group.edgeStyle().toUpperCase(Locale.ROOT);
            return base + "endArrow=block;strokeWidth=2;strokeColor=" + color + ";"
                    + (style.equals("DASHED") ? "dashed=1;" : style.equals("DOTTED") ? "dashed=1;dashPattern=1 4;" : "");
        }
        return base + switch (kind) {
            case GATEWAY -> "strokeColor=#3e4c59;strokeWidth=2;";
            case MULTI_HOMED -> "strokeColor=#7b8ba3;dashed=1;";
            case CONTAINER_HOST -> "strokeColor=#5bb4d9;";
            case VM_HYPERVISOR -> "strokeColor=#9b87d6;dashed=1;dashPattern=2 2;";
            case PHYSICAL -> "strokeColor=#1f2933;strokeWidth=2;";
            case GROUP -> "strokeColor=#6f42c1;strokeWidth=2;";
        };
    }

    private static String subnetColors(SubnetKind kind) {
        return switch (kind == null ? SubnetKind.OTHER : kind) {
            case LAN -> "fillColor=#f0f6ff;strokeColor=#7ea6e0;";
            case WIFI -> "fillColor=#f3f0ff;strokeColor=#a18fe0;";
            case VPN -> "fillColor=#effaf5;strokeColor=#6fbf98;";
            case DMZ -> "fillColor=#fff4ef;strokeColor=#e59a73;";
            case DOCKER_BRIDGE -> "fillColor=#eefaff;strokeColor=#5bb4d9;";
            case MANAGEMENT -> "fillColor=#f7f7f2;strokeColor=#a8a27a;";
            case SERVERS -> "fillColor=#f2f5f9;strokeColor=#7b8ba3;";
            case IOT -> "fillColor=#f6fbef;strokeColor=#98c16b;";
            case GUEST -> "fillColor=#fdf6fb;strokeColor=#d596c2;";
            default -> "fillColor=#f5f7fa;strokeColor=#9aa5b1;";
        };
    }
}
