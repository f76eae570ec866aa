package io.topograph.topology.export;

import io.topograph.topology.graph.GraphNode;
import io.topograph.topology.graph.GraphService;
import io.topograph.topology.graph.GraphSubnet;
import io.topograph.topology.graph.TopologyGraph;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CSV of the hosts and of the services a diagram shows (hidden nodes left out), RFC 4180: comma
 * separated, CRLF line ends, a field quoted when it holds a comma, quote or line break, quotes
 * doubled. A cell that a spreadsheet would read as a formula (starting with = + - @, tab or CR)
 * gets a leading apostrophe.
 */
public final class CsvExport {

    public static final List<String> HOST_COLUMNS = List.of("id", "kind", "label", "hostname", "subnet", "subnet_cidr",
            "addresses", "macs", "os", "vendor", "state", "tags", "services");
    public static final List<String> SERVICE_COLUMNS = List.of("node_id", "node_label", "service_id", "name", "category",
            "definition_id", "ports", "confidence");

    private CsvExport() {
    }

    public static String hosts(TopologyGraph graph) {
        Map<String, GraphSubnet> subnets = new HashMap<>();
        graph.subnets().forEach(s -> subnets.put(s.id(), s));
        StringBuilder out = new StringBuilder();
        row(out, HOST_COLUMNS);
        for (GraphNode node : graph.nodes()) {
            if (node.hidden()) {
                continue;
            }
            GraphSubnet subnet = node.subnetId() == null ? null : subnets.get(node.subnetId());
            row(out, List.of(node.id(), node.kind() == null ? "" : node.kind().name(), text(node.label()), text(node.hostname()),
                    subnet == null ? "" : text(subnet.name()), subnet == null ? "" : text(subnet.cidr()),
                    String.join(" ", node.addresses()), String.join(" ", node.macs()), text(node.os()), text(node.vendor()),
                    text(node.state()), String.join("; ", node.tags()),
                    String.join("; ", node.services().stream().map(s -> text(s.name())).toList())));
        }
        return out.toString();
    }

    public static String services(TopologyGraph graph) {
        StringBuilder out = new StringBuilder();
        row(out, SERVICE_COLUMNS);
        for (GraphNode node : graph.nodes()) {
            if (node.hidden()) {
                continue;
            }
            for (GraphService service : node.services()) {
                row(out, List.of(node.id(), text(node.label()), service.id(), text(service.name()), text(service.category()),
                        text(service.definitionId()), String.join(" ", service.ports()), Integer.toString(service.confidence())));
            }
        }
        return out.toString();
    }

    private static void row(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }

    /** One field: defused against formula injection, then quoted when RFC 4180 needs it. */
    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
