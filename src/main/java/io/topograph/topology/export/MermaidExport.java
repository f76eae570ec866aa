package io.topograph.topology.export;

import io.topograph.topology.graph.EdgeKind;
import io.topograph.topology.graph.GraphEdge;
import io.topograph.topology.graph.GraphGroup;
import io.topograph.topology.graph.GraphNode;
import io.topograph.topology.graph.GraphSubnet;
import io.topograph.topology.graph.NodeKind;
import io.topograph.topology.graph.TopologyGraph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Mermaid flowchart text ({@code flowchart LR}): a subgraph per subnet holding its nodes, nodes
 * outside every subnet at the top level, one line per edge styled by kind. Ids are generated
 * ({@code s1}, {@code n1}, …) because graph ids contain characters Mermaid does not accept; labels
 * are quoted with Mermaid's entity codes for anything that could end a label.
 */
public final class MermaidExport {

    private MermaidExport() {
    }

    public static String toMermaid(TopologyGraph graph) {
        Map<String, String> ids = new HashMap<>();
        StringBuilder out = new StringBuilder("flowchart LR\n");
        Map<String, List<GraphNode>> bySubnet = new LinkedHashMap<>();
        List<GraphNode> outside = new ArrayList<>();
        Set<String> subnetIds = new HashSet<>();
        graph.subnets().forEach(s -> subnetIds.add(s.id()));
        for (GraphNode node : graph.nodes()) {
            if (node.hidden()) {
                continue;
            }
            ids.put(node.id(), "n" + (ids.size() + 1));
            if (node.subnetId() != null && subnetIds.contains(node.subnetId())) {
                bySubnet.computeIfAbsent(node.subnetId(), k -> new ArrayList<>()).add(node);
            } else {
                outside.add(node);
            }
        }
        int s = 0;
        for (GraphSubnet subnet : graph.subnets()) {
            String id = "s" + (++s);
            ids.put(subnet.id(), id);
            String title = (subnet.name() == null || subnet.name().isBlank() ? "" : subnet.name() + " · ")
                    + nullToEmpty(subnet.cidr()) + (subnet.kind() == null ? "" : " · " + subnet.kind().label());
            out.append("  subgraph ").append(id).append("[\"").append(label(title)).append("\"]\n");
            for (GraphNode node : bySubnet.getOrDefault(subnet.id(), List.of())) {
                out.append("    ");
                node(out, ids.get(node.id()), node);
            }
            out.append("  end\n");
        }
        for (GraphNode node : outside) {
            out.append("  ");
            node(out, ids.get(node.id()), node);
        }
        Map<String, GraphGroup> groups = new HashMap<>();
        graph.groups().forEach(g -> groups.put(g.id(), g));
        Ends ends = new Ends(graph);
        for (GraphEdge edge : graph.edges()) {
            String source = ids.get(ends.resolve(edge.source()));
            String target = ids.get(ends.resolve(edge.target()));
            if (source == null || target == null || source.equals(target)) {
                continue;
            }
            out.append("  ").append(source).append(' ').append(arrow(edge.kind()));
            GraphGroup group = edge.groupId() == null ? null : groups.get(edge.groupId());
            if (group != null) {
                out.append("|\"").append(label(group.name())).append("\"|");
            }
            out.append(' ').append(target).append('\n');
        }
        return out.toString();
    }

    private static void node(StringBuilder out, String id, GraphNode node) {
        String text = label(node.label()) + (node.primaryAddress() == null ? "" : "<br/>" + label(node.primaryAddress()));
        String[] shape = switch (node.kind() == null ? NodeKind.HOST : node.kind()) {
            case INTERNET -> new String[] {"((\"", "\"))"};
            case GATEWAY -> new String[] {"{{\"", "\"}}"};
            case CONTAINER -> new String[] {"[/\"", "\"/]"};
            case VIRTUAL_MACHINE -> new String[] {"[[\"", "\"]]"};
            case HOST -> new String[] {"[\"", "\"]"};
        };
        out.append(id).append(shape[0]).append(text).append(shape[1]).append('\n');
    }

    private static String arrow(EdgeKind kind) {
        return switch (kind) {
            case GATEWAY -> "==>";
            case MULTI_HOMED -> "-.-";
            case CONTAINER_HOST -> "-->";
            case VM_HYPERVISOR -> "-.->";
            case PHYSICAL -> "===";
            case GROUP -> "-->";
        };
    }

    /** Text safe inside a quoted Mermaid label: entity codes for quotes, brackets and the like. */
    static String label(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("#quot;");
                case '<' -> out.append("#lt;");
                case '>' -> out.append("#gt;");
                case '&' -> out.append("#amp;");
                case '#' -> out.append("#35;");
                case ';' -> out.append("#59;");
                case '`' -> out.append("#96;");
                case '|' -> out.append("#124;");
                case '\n', '\r', '\t' -> out.append(' ');
                default -> {
                    if (c >= 0x20) {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
