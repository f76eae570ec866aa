package io.topograph.topology.layout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Occupied rectangles in a uniform bucket grid, to find the nearest free spot for a cell that a
 * pinned node displaced. Lookups touch only the buckets a box covers, so thousands of cells stay
 * cheap.
 */
final class FreeSpace {

    private static final double BUCKET = 256;
    private static final int MAX_RINGS = 400;

    private final Map<Long, List<Box>> buckets = new HashMap<>();

    void occupy(Box box) {
        forBuckets(box, key -> {
            buckets.computeIfAbsent(key, k -> new ArrayList<>()).add(box);
            return false;
        });
    }

    boolean free(Box box) {
        return !forBuckets(box, key -> {
            List<Box> list = buckets.get(key);
            if (list != null) {
                for (Box other : list) {
                    if (other.overlaps(box)) {
                        return true;
                    }
                }
            }
            return false;
        });
    }

    /**
     * The free position nearest to {@code wanted} on a lattice of cell pitches around it, rings
     * outwards, each ring in a fixed order (so the answer is deterministic).
     */
    Point nearestFree(Box wanted, double stepX, double stepY) {
        if (free(wanted)) {
            return new Point(wanted.x(), wanted.y());
        }
        for (int ring = 1; ring <= MAX_RINGS; ring++) {
            for (int dy = -ring; dy <= ring; dy++) {
                for (int dx = -ring; dx <= ring; dx++) {
                    if (Math.max(Math.abs(dx), Math.abs(dy)) != ring) {
                        continue;
                    }
                    Box candidate = wanted.moveTo(wanted.x() + dx * stepX, wanted.y() + dy * stepY);
                    if (free(candidate)) {
                        return new Point(candidate.x(), candidate.y());
                    }
                }
            }
        }
        throw new IllegalStateException("no free space near " + wanted);
    }

    private interface BucketVisitor {
        boolean visit(long key);
    }

    /** Visits the buckets a box covers; stops and answers true as soon as the visitor does. */
    private static boolean forBuckets(Box box, BucketVisitor visitor) {
        long x0 = (long) Math.floor(box.x() / BUCKET);
        long x1 = (long) Math.floor(box.right() / BUCKET);
        long y0 = (long) Math.floor(box.y() / BUCKET);
        long y1 = (long) Math.floor(box.bottom() / BUCKET);
        for (long bx = x0; bx <= x1; bx++) {
            for (long by = y0; by <= y1; by++) {
                if (visitor.visit(bx * 1_000_003L + by)) {
                    return true;
                }
            }
        }
        return false;
    }
}
