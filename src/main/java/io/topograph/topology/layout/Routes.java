package io.topograph.topology.layout;

import io.topograph.topology.graph.GraphEdge;
import io.topograph.topology.graph.TopologyGraph;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Edge routes between final boxes: a straight segment between the two box centres, cut at each
 * box's border. Computed after pins are applied, so a route always meets the boxes that are drawn;
 * a browser that drags a node redraws its edges the same way.
 */
final class Routes {

    private Routes() {
    }

    static Map<String, EdgeRoute> route(TopologyGraph graph, GraphIndex index, Map<String, Box> nodes, Map<String, Box> subnets) {
        Map<String, EdgeRoute> out = new LinkedHashMap<>();
        for (GraphEdge edge : graph.edges()) {
            String source = index.resolve(edge.source());
            String target = index.resolve(edge.target());
            if (source == null || target == null || source.equals(target) || out.containsKey(edge.id())) {
                continue;
            }
            Box a = nodes.containsKey(source) ? nodes.get(source) : subnets.get(source);
            Box b = nodes.containsKey(target) ? nodes.get(target) : subnets.get(target);
            if (a == null || b == null) {
                continue;
            }
            Point from = border(a, b.centerX(), b.centerY());
            Point to = border(b, a.centerX(), a.centerY());
            out.put(edge.id(), new EdgeRoute(source, target, List.of(from, to)));
        }
        return out;
    }

    /** Where the segment from the centre of {@code box} towards (tx, ty) leaves the box. */
    static Point border(Box box, double tx, double ty) {
        double cx = box.centerX();
        double cy = box.centerY();
        double dx = tx - cx;
        double dy = ty - cy;
        if (dx == 0 && dy == 0) {
            return new Point(cx, cy);
        }
        double scaleX = dx == 0 ? Double.POSITIVE_INFINITY : (box.width() / 2) / Math.abs(dx);
        double scaleY = dy == 0 ? Double.POSITIVE_INFINITY : (box.height() / 2) / Math.abs(dy);
        double t = Math.min(1, Math.min(scaleX, scaleY));
        return new Point(round(cx + dx * t), round(cy + dy * t));
    }

    /** One decimal is plenty on screen and keeps the SVG short. */
    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
