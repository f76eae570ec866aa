package io.topograph.platform.web;

import java.util.List;

/**
 * One page of a list, with what templates need to draw a pager.
 *
 * @param page 1-based page number
 */
public record Paging<T>(List<T> items, int page, int size, long total) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages();
    }

    public long firstIndex() {
        return total == 0 ? 0 : (long) (page - 1) * size + 1;
    }

    public long lastIndex() {
        return Math.min(total, (long) page * size);
    }

    /** Clamps a requested page size to 1..MAX_SIZE. */
    public static int size(Integer requested) {
        if (requested == null || requested < 1) {
            return DEFAULT_SIZE;
        }
        return Math.min(requested, MAX_SIZE);
    }

    public static int page(Integer requested) {
        return requested == null || requested < 1 ? 1 : requested;
    }
}
