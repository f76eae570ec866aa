package io.topograph.topology.layout;

import java.util.ArrayList;
import java.util.List;

/**
 * Packs the cells of one subnet in rows and columns (in the given order), aiming at a container
 * about 1.6 times wider than tall. Hundreds of hosts with no edges between them are a grid, not a
 * layered graph: this is what keeps 5,000 hosts fast.
 */
final class SubnetGrid {

    private static final double ASPECT = 1.6;

    final List<Point> offsets = new ArrayList<>();
    double width;
    double height;

    SubnetGrid(List<Cell> cells) {
        if (cells.isEmpty()) {
            return;
        }
        double pitchX = TopologyLayout.NODE_WIDTH + TopologyLayout.GAP;
        double pitchY = TopologyLayout.NODE_HEIGHT + TopologyLayout.GAP;
        int columns = (int) Math.max(1, Math.ceil(Math.sqrt(ASPECT * cells.size() * pitchY / pitchX)));
        columns = Math.min(columns, cells.size());
        double y = 0;
        for (int start = 0; start < cells.size(); start += columns) {
            double rowHeight = 0;
            double x = 0;
            for (int i = start; i < Math.min(start + columns, cells.size()); i++) {
                Cell cell = cells.get(i);
                offsets.add(new Point(x, y));
                x += pitchX;
                rowHeight = Math.max(rowHeight, cell.height);
            }
            width = Math.max(width, x - TopologyLayout.GAP);
            y += rowHeight + TopologyLayout.GAP;
        }
        height = y - TopologyLayout.GAP;
    }
}
