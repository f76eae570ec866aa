package io.topograph.topology.layout;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where everything of a graph is drawn. {@code nodes}: node id → box (nodes not placed, because
 * hidden or inside a collapsed subnet, are absent); {@code subnets}: subnet id → container box, whose
 * top {@link TopologyLayout#TITLE_HEIGHT} units hold the title; {@code edges}: edge id → route (edges
 * with an end that is not drawn are absent); {@code collapsed}: the subnets drawn as one small box;
 * {@code bounds}: the box holding all of it (its origin may be negative when a node is pinned there).
 * Maps keep a deterministic order (the order things are drawn in), so equal layouts are equal
 * element by element.
 */
public record Layout(Map<String, Box> nodes, Map<String, Box> subnets, Map<String, EdgeRoute> edges,
                     Set<String> collapsed, Box bounds) {

    public Layout {
        nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
        subnets = Collections.unmodifiableMap(new LinkedHashMap<>(subnets));
        edges = Collections.unmodifiableMap(new LinkedHashMap<>(edges));
        collapsed = Collections.unmodifiableSet(new TreeSet<>(collapsed));
    }

    public double width() {
        return bounds.width();
    }

    public double height() {
        return bounds.height();
    }

    /** The top-left corners of the node boxes: what a page stores as pinned positions. */
    public Map<String, Point> positions() {
        Map<String, Point> out = new LinkedHashMap<>();
        nodes.forEach((id, box) -> out.put(id, new Point(box.x(), box.y())));
        return Collections.unmodifiableMap(out);
    }
}
