package io.topograph.topology.render;

import io.topograph.topology.graph.EdgeKind;
import io.topograph.topology.graph.GraphGroup;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The legend under a diagram ({@code <g class="tg-legend">}): the edge kinds and groups drawn, the
 * offline look, and the diff colours when a diff is shown. Items flow in rows of fixed-width slots.
 */
final class Legend {

    private static final double SLOT = 190;
    private static final double ROW = 20;
    private static final double PAD = 10;

    private record Item(String sample, String label) {
    }

    private final List<Item> items = new ArrayList<>();
    private double height;

    Legend(Set<EdgeKind> kinds, List<GraphGroup> groups, Set<String> highlights, boolean offline) {
        for (EdgeKind kind : kinds) {
            if (kind != EdgeKind.GROUP) {
                items.add(new Item(line("tg-edge e-" + SvgRenderer.cssName(kind.name()), null), kind.label()));
            }
        }
        for (GraphGroup group : groups) {
            items.add(new Item(line("tg-edge e-group gs-" + SvgRenderer.style(group), SvgRenderer.color(group)),
                    Xml.truncate(group.name(), 24)));
        }
        if (offline) {
            items.add(new Item("<rect class=\"n off\" x=\"0\" y=\"-7\" width=\"24\" height=\"12\" rx=\"3\"/>", "Offline or missing"));
        }
        for (String highlight : List.of("added", "removed", "changed")) {
            if (highlights.contains(highlight)) {
                items.add(new Item("<g class=\"hl-" + highlight + "\"><rect class=\"n\" x=\"0\" y=\"-7\" width=\"24\" height=\"12\" rx=\"3\"/></g>",
                        Character.toUpperCase(highlight.charAt(0)) + highlight.substring(1)));
            }
        }
    }

    private static String line(String classes, String color) {
        return "<g class=\"" + classes + "\"" + (color == null ? "" : " style=\"stroke:" + color + "\"") + "><path d=\"M0 0L24 0\"/></g>";
    }

    /** Writes the legend with its top-left at (x, y); answers the width it takes. */
    double write(StringBuilder out, double x, double y, double maxWidth) {
        if (items.isEmpty()) {
            return 0;
        }
        int perRow = Math.max(1, (int) ((maxWidth - 2 * PAD) / SLOT));
        int rows = (items.size() + perRow - 1) / perRow;
        double width = Math.min(items.size(), perRow) * SLOT + 2 * PAD;
        height = rows * ROW + 2 * PAD + 8;
        out.append("<g class=\"tg-legend\" transform=\"translate(").append(Xml.num(x)).append(',').append(Xml.num(y)).append(")\">")
                .append("<rect class=\"lg\" width=\"").append(Xml.num(width)).append("\" height=\"").append(Xml.num(height - 8))
                .append("\" rx=\"6\"/>");
        for (int i = 0; i < items.size(); i++) {
            double ix = PAD + (i % perRow) * SLOT;
            double iy = PAD + (i / perRow) * ROW + ROW / 2;
            out.append("<g transform=\"translate(").append(Xml.num(ix)).append(',').append(Xml.num(iy)).append(")\">")
                    .append(items.get(i).sample()).append("<text class=\"lt\" x=\"32\" y=\"4\">")
                    .append(Xml.escape(items.get(i).label())).append("</text></g>");
        }
        out.append("</g>");
        return width;
    }

    double height() {
        return height;
    }
}
