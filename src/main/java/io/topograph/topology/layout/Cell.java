package io.topograph.topology.layout;

import java.util.ArrayList;
import java.util.List;

/**
 * What moves as one unit: a node and the containers drawn under it. Boxes are relative to the
 * cell's top-left corner.
 */
final class Cell {

    final String key;
    final List<String> ids = new ArrayList<>();
    final List<Box> boxes = new ArrayList<>();
    double width;
    double height;

    private Cell(String key) {
        this.key = key;
    }

    /** A head node with its satellites stacked and indented below it. */
    static Cell of(String headId, List<String> satelliteIds) {
        Cell cell = new Cell(headId);
        cell.add(headId, new Box(0, 0, TopologyLayout.NODE_WIDTH, TopologyLayout.NODE_HEIGHT));
        double y = TopologyLayout.NODE_HEIGHT + TopologyLayout.SATELLITE_GAP;
        for (String id : satelliteIds) {
            cell.add(id, new Box(TopologyLayout.SATELLITE_INDENT, y,
                    TopologyLayout.NODE_WIDTH - TopologyLayout.SATELLITE_INDENT, TopologyLayout.SATELLITE_HEIGHT));
            y += TopologyLayout.SATELLITE_HEIGHT + TopologyLayout.SATELLITE_GAP;
        }
        return cell;
    }

    /** A lone satellite (its host is pinned, it is not). */
    static Cell satellite(String id) {
        Cell cell = new Cell(id);
        cell.add(id, new Box(0, 0, TopologyLayout.NODE_WIDTH - TopologyLayout.SATELLITE_INDENT, TopologyLayout.SATELLITE_HEIGHT));
        return cell;
    }

    private void add(String id, Box box) {
        ids.add(id);
        boxes.add(box);
        width = Math.max(width, box.right());
        height = Math.max(height, box.bottom());
    }
}
