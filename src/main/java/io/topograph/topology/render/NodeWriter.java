package io.topograph.topology.render;

import io.topograph.topology.graph.GraphNode;
import io.topograph.topology.graph.GraphService;
import io.topograph.topology.graph.NodeKind;
import io.topograph.topology.layout.Box;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Writes one node: a box with its kind icon, label, primary address and its key services (at most
 * {@link #MAX_BADGES} icons, then "+N"). Coordinates inside the group are relative, so that a
 * browser moves a node by changing its {@code transform} only.
 */
final class NodeWriter {

    static final int MAX_BADGES = 3;
    private static final double COMPACT_BELOW = 40;
    private static final Comparator<GraphService> KEY_SERVICES = Comparator
            .comparingInt(GraphService::confidence).reversed()
            .thenComparing(s -> s.name() == null ? "" : s.name())
            .thenComparing(GraphService::id);

    private NodeWriter() {
    }

    static void write(StringBuilder out, GraphNode node, Box box, RenderOptions options, String highlight, Set<String> used) {
        String kindIcon = Icons.forKind(node.kind());
        used.add(kindIcon);
        out.append("<g class=\"tg-node k-").append(kindIcon);
        if (offline(node)) {
            out.append(" off");
        }
        if (highlight != null) {
            out.append(" hl-").append(highlight);
        }
        out.append("\" data-id=\"").append(Xml.escape(node.id())).append("\" transform=\"translate(")
                .append(Xml.num(box.x())).append(',').append(Xml.num(box.y())).append(")\">");
        out.append("<rect class=\"n\" width=\"").append(Xml.num(box.width())).append("\" height=\"")
                .append(Xml.num(box.height())).append("\" rx=\"").append(node.kind() == NodeKind.INTERNET ? "18" : "6").append("\"/>");
        boolean compact = box.height() < COMPACT_BELOW;
        String address = options.showAddresses() ? node.primaryAddress() : null;
        int labelChars = (int) ((box.width() - 40) / 6.6);
        if (compact) {
            use(out, kindIcon, 5, (box.height() - 16) / 2, 16);
            String text = Xml.truncate(node.label(), labelChars);
            out.append("<text class=\"l\" x=\"26\" y=\"").append(Xml.num(box.height() / 2 + 4)).append("\">").append(Xml.escape(text));
            if (address != null && text.length() + address.length() + 3 <= labelChars + 4) {
                out.append(" <tspan class=\"a\">").append(Xml.escape(address)).append("</tspan>");
            }
            out.append("</text></g>");
            return;
        }
        use(out, kindIcon, 7, 7, 22);
        out.append("<text class=\"l\" x=\"36\" y=\"19\">").append(Xml.escape(Xml.truncate(node.label(), labelChars))).append("</text>");
        if (address != null) {
            out.append("<text class=\"a\" x=\"36\" y=\"32\">").append(Xml.escape(Xml.truncate(address, labelChars + 2))).append("</text>");
        }
        List<GraphService> shown = node.services().stream().filter(s -> options.showsCategory(s.category()))
                .sorted(KEY_SERVICES).toList();
        double x = 36;
        double y = box.height() - 18;
        for (int i = 0; i < Math.min(MAX_BADGES, shown.size()); i++) {
            GraphService service = shown.get(i);
            String icon = Icons.forCategory(service.category());
            used.add(icon);
            out.append("<use class=\"sv\" xlink:href=\"#i-").append(icon).append("\" x=\"").append(Xml.num(x))
                    .append("\" y=\"").append(Xml.num(y)).append("\" width=\"14\" height=\"14\"><title>")
                    .append(Xml.escape(service.name()));
            if (!service.ports().isEmpty()) {
                out.append(' ').append(Xml.escape(String.join(", ", service.ports())));
            }
            out.append("</title></use>");
            x += 17;
        }
        if (shown.size() > MAX_BADGES) {
            String more = "+" + (shown.size() - MAX_BADGES);
            out.append("<text class=\"m\" x=\"").append(Xml.num(x)).append("\" y=\"").append(Xml.num(y + 11)).append("\">")
                    .append(more).append("</text>");
            x += 6 * more.length() + 4;
        }
        if (options.showPorts() && !shown.isEmpty()) {
            StringBuilder ports = new StringBuilder();
            for (GraphService service : shown) {
                for (String port : service.ports()) {
                    if (!ports.isEmpty()) {
                        ports.append(' ');
                    }
                    ports.append(port.toLowerCase(Locale.ROOT).replace("/tcp", ""));
                }
            }
            int room = (int) ((box.width() - x - 4) / 5.2);
            if (room >= 4) {
                out.append("<text class=\"p\" x=\"").append(Xml.num(x + 2)).append("\" y=\"").append(Xml.num(y + 11)).append("\">")
                        .append(Xml.escape(Xml.truncate(ports.toString(), room))).append("</text>");
            }
        }
        out.append("</g>");
    }

    static boolean offline(GraphNode node) {
        return "OFFLINE".equals(node.state()) || "MISSING".equals(node.state());
    }

    static void use(StringBuilder out, String icon, double x, double y, double size) {
        out.append("<use class=\"ki\" xlink:href=\"#i-").append(icon).append("\" x=\"").append(Xml.num(x)).append("\" y=\"")
                .append(Xml.num(y)).append("\" width=\"").append(Xml.num(size)).append("\" height=\"").append(Xml.num(size)).append("\"/>");
    }
}
