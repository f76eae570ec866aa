package io.topograph.topology.layout;

import io.topograph.topology.graph.EdgeKind;
import io.topograph.topology.graph.GraphEdge;
import io.topograph.topology.graph.GraphNode;
import io.topograph.topology.graph.GraphSubnet;
import io.topograph.topology.graph.TopologyGraph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Lays out a topology graph: the hosts of each subnet packed in a sorted grid inside its container,
 * the containers and the nodes outside them placed by ELK layered along the edges that cross
 * containers, pinned nodes exactly where the user put them and the other nodes moved off them.
 * Pure and deterministic: the same graph, pins and options give an equal {@link Layout}.
 */
public final class TopologyLayout {

    public static final double NODE_WIDTH = 168;
    public static final double NODE_HEIGHT = 60;
    public static final double SATELLITE_HEIGHT = 26;
    public static final double SATELLITE_INDENT = 16;
    public static final double SATELLITE_GAP = 4;
    public static final double GAP = 16;
    public static final double SUBNET_PADDING = 16;
    public static final double TITLE_HEIGHT = 30;
    public static final double COLLAPSED_WIDTH = 220;
    public static final double COLLAPSED_HEIGHT = 56;
    public static final double MARGIN = 24;
    private static final double MIN_SUBNET_WIDTH = 240;

    private TopologyLayout() {
    }

    /**
     * @param pinned node id → top-left corner the node keeps exactly (ids not drawn are ignored)
     */
    public static Layout layout(TopologyGraph graph, Map<String, Point> pinned, LayoutOptions options) {
        LayoutOptions opts = options == null ? LayoutOptions.defaults() : options;
        GraphIndex index = new GraphIndex(graph, opts);
        Map<String, Point> pins = new TreeMap<>();
        (pinned == null ? Map.<String, Point>of() : pinned).forEach((id, p) -> {
            if (p != null && index.placed(id)) {
                pins.put(id, p);
            }
        });

        // 1. cells: every drawn node that is not a satellite heads one, with its satellites. Pinned
        //    nodes keep their slot in the grid (left empty), so that pinning one node moves no other.
        Map<String, List<Cell>> cellsBySubnet = new TreeMap<>();
        List<Cell> outside = new ArrayList<>();
        List<Cell> looseSatellites = new ArrayList<>();
        List<GraphNode> heads = index.visible.values().stream()
                .filter(n -> !index.hostOf.containsKey(n.id()) && index.placed(n.id()))
                .sorted(GraphIndex.MEMBER_ORDER).toList();
        for (GraphNode head : heads) {
            List<String> satellites = index.satellites.getOrDefault(head.id(), List.of()).stream().map(GraphNode::id).toList();
            if (pins.containsKey(head.id())) {
                satellites.stream().filter(id -> !pins.containsKey(id)).forEach(id -> looseSatellites.add(Cell.satellite(id)));
            }
            Cell cell = Cell.of(head.id(), satellites);
            String block = index.blockOf(head.id());
            if (block == null) {
                outside.add(cell);
            } else {
                cellsBySubnet.computeIfAbsent(block, k -> new ArrayList<>()).add(cell);
            }
        }

        // 2. blocks: one per subnet (grid or collapsed box), one per outside cell
        List<BlockPlacer.Block> blocks = new ArrayList<>();
        Map<String, SubnetGrid> grids = new HashMap<>();
        for (GraphSubnet subnet : index.subnets.values()) {
            if (opts.collapsed(subnet.id())) {
                blocks.add(new BlockPlacer.Block(subnet.id(), COLLAPSED_WIDTH, COLLAPSED_HEIGHT));
                continue;
            }
            SubnetGrid grid = new SubnetGrid(cellsBySubnet.getOrDefault(subnet.id(), List.of()));
            grids.put(subnet.id(), grid);
            blocks.add(new BlockPlacer.Block(subnet.id(), Math.max(MIN_SUBNET_WIDTH, grid.width + 2 * SUBNET_PADDING),
                    TITLE_HEIGHT + grid.height + 2 * SUBNET_PADDING));
        }
        outside.sort(Comparator.comparing(c -> c.key));
        for (Cell cell : outside) {
            blocks.add(new BlockPlacer.Block(cell.key, cell.width, cell.height));
        }

        // 3. ELK places the blocks along the edges that cross them
        Map<String, Point> origins = BlockPlacer.place(blocks, links(graph, index), opts.direction());

        // 4. absolute cell positions
        Map<Cell, Point> cellAt = new LinkedHashMap<>();
        for (GraphSubnet subnet : index.subnets.values()) {
            SubnetGrid grid = grids.get(subnet.id());
            if (grid == null) {
                continue;
            }
            Point origin = origins.get(subnet.id());
            List<Cell> cells = cellsBySubnet.getOrDefault(subnet.id(), List.of());
            for (int i = 0; i < cells.size(); i++) {
                Point offset = grid.offsets.get(i);
                cellAt.put(cells.get(i), new Point(origin.x() + SUBNET_PADDING + offset.x(),
                        origin.y() + TITLE_HEIGHT + SUBNET_PADDING + offset.y()));
            }
        }
        for (Cell cell : outside) {
            cellAt.put(cell, origins.get(cell.key));
        }
        for (Cell cell : looseSatellites) {
            String host = index.hostOf.get(cell.key);
            Point anchor = pins.get(host);
            cellAt.put(cell, new Point(anchor.x() + SATELLITE_INDENT, anchor.y() + NODE_HEIGHT + SATELLITE_GAP));
        }

        // 5. pins first; cells clear of them keep their place; the others move to the nearest free spot
        Map<String, Box> nodeBoxes = new HashMap<>();
        FreeSpace space = new FreeSpace();
        pins.forEach((id, p) -> {
            boolean satellite = index.hostOf.containsKey(id);
            Box box = new Box(p.x(), p.y(), satellite ? NODE_WIDTH - SATELLITE_INDENT : NODE_WIDTH,
                    satellite ? SATELLITE_HEIGHT : NODE_HEIGHT);
            nodeBoxes.put(id, box);
            space.occupy(box.grow(GAP / 2));
        });
        Map<Cell, Point> movable = new LinkedHashMap<>();
        cellAt.forEach((cell, at) -> {
            if (!pins.containsKey(cell.key)) {
                movable.put(cell, at);
            }
        });
        if (!pins.isEmpty()) {
            Set<Cell> displaced = new LinkedHashSet<>();
            movable.forEach((cell, at) -> {
                if (!space.free(cellBox(cell, at).grow(GAP / 2))) {
                    displaced.add(cell);
                }
            });
            movable.forEach((cell, at) -> {
                if (!displaced.contains(cell)) {
                    space.occupy(cellBox(cell, at).grow(GAP / 2));
                }
            });
            for (Cell cell : displaced) {
                Box wanted = cellBox(cell, movable.get(cell)).grow(GAP / 2);
                Point free = space.nearestFree(wanted, NODE_WIDTH + GAP, NODE_HEIGHT + GAP);
                Point at = new Point(free.x() + GAP / 2, free.y() + GAP / 2);
                movable.put(cell, at);
                space.occupy(cellBox(cell, at).grow(GAP / 2));
            }
        }
        movable.forEach((cell, at) -> {
            for (int i = 0; i < cell.ids.size(); i++) {
                if (!pins.containsKey(cell.ids.get(i))) {
                    Box rel = cell.boxes.get(i);
                    nodeBoxes.put(cell.ids.get(i), new Box(at.x() + rel.x(), at.y() + rel.y(), rel.width(), rel.height()));
                }
            }
        });

        // 6. subnet containers hold their nodes (pinned ones too), with the title on top
        Map<String, Box> subnetBoxes = new LinkedHashMap<>();
        Map<String, Box> members = new HashMap<>();
        nodeBoxes.forEach((id, box) -> {
            String block = index.blockOf(id);
            if (block != null) {
                members.merge(block, box, Box::union);
            }
        });
        for (GraphSubnet subnet : index.subnets.values()) {
            Point origin = origins.get(subnet.id());
            Box content = members.get(subnet.id());
            Box box;
            if (opts.collapsed(subnet.id())) {
                box = new Box(origin.x(), origin.y(), COLLAPSED_WIDTH, COLLAPSED_HEIGHT);
            } else if (content == null) {
                box = new Box(origin.x(), origin.y(), MIN_SUBNET_WIDTH, TITLE_HEIGHT + 2 * SUBNET_PADDING);
            } else {
                box = new Box(content.x() - SUBNET_PADDING, content.y() - SUBNET_PADDING - TITLE_HEIGHT,
                        Math.max(MIN_SUBNET_WIDTH, content.width() + 2 * SUBNET_PADDING),
                        content.height() + 2 * SUBNET_PADDING + TITLE_HEIGHT);
            }
            subnetBoxes.put(subnet.id(), box);
        }

        // 7. nodes in drawing order (graph order), edges routed between the final boxes
        Map<String, Box> orderedNodes = new LinkedHashMap<>();
        for (GraphNode node : graph.nodes()) {
            Box box = nodeBoxes.get(node.id());
            if (box != null) {
                orderedNodes.put(node.id(), box);
            }
        }
        Map<String, EdgeRoute> routes = Routes.route(graph, index, orderedNodes, subnetBoxes);

        Box bounds = null;
        for (Box box : orderedNodes.values()) {
            bounds = bounds == null ? box : bounds.union(box);
        }
        for (Box box : subnetBoxes.values()) {
            bounds = bounds == null ? box : bounds.union(box);
        }
        bounds = bounds == null ? new Box(0, 0, 0, 0) : bounds;
        // the origin stays at 0,0 unless a node is pinned further up or left
        double x0 = Math.min(0, bounds.x() - MARGIN);
        double y0 = Math.min(0, bounds.y() - MARGIN);
        bounds = new Box(x0, y0, bounds.right() + MARGIN - x0, bounds.bottom() + MARGIN - y0);
        Set<String> collapsed = new LinkedHashSet<>();
        for (String id : opts.collapsedSubnets()) {
            if (index.subnets.containsKey(id)) {
                collapsed.add(id);
            }
        }
        return new Layout(orderedNodes, subnetBoxes, routes, collapsed, bounds);
    }

    private static Box cellBox(Cell cell, Point at) {
        return new Box(at.x(), at.y(), cell.width, cell.height);
    }

    /**
     * The links ELK sees: one per pair of blocks an edge joins. Pinned nodes still count, so that
     * pinning changes nothing but the pinned nodes and what they displace.
     * Gateway edges point from the Internet to the gateway so that the flow starts at the Internet.
     */
    private static List<BlockPlacer.Link> links(TopologyGraph graph, GraphIndex index) {
        Set<BlockPlacer.Link> links = new LinkedHashSet<>();
        graph.edges().stream().sorted(Comparator.comparing(GraphEdge::id)).forEach(edge -> {
            String source = blockKey(index, index.resolve(edge.source()));
            String target = blockKey(index, index.resolve(edge.target()));
            if (source == null || target == null || Objects.equals(source, target)) {
                return;
            }
            links.add(edge.kind() == EdgeKind.GATEWAY ? new BlockPlacer.Link(target, source) : new BlockPlacer.Link(source, target));
        });
        return new ArrayList<>(links);
    }

    private static String blockKey(GraphIndex index, String drawnId) {
        if (drawnId == null) {
            return null;
        }
        if (index.subnets.containsKey(drawnId)) {
            return drawnId;
        }
        String block = index.blockOf(drawnId);
        return block != null ? block : index.hostOf.getOrDefault(drawnId, drawnId);
    }
}
