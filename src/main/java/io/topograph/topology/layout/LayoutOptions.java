package io.topograph.topology.layout;

import java.util.Set;
import java.util.TreeSet;

/**
 * How to lay out a graph: which subnets are collapsed (drawn as one small box with a host count,
 * their nodes not placed) and in which direction the layered layout flows (from the Internet and
 * gateways towards the subnets).
 */
public record LayoutOptions(Set<String> collapsedSubnets, Direction direction) {

    public enum Direction { RIGHT, DOWN }

    public LayoutOptions {
        // sorted copy: iteration order never depends on the caller's set implementation
        collapsedSubnets = collapsedSubnets == null ? Set.of() : java.util.Collections.unmodifiableSet(new TreeSet<>(collapsedSubnets));
        direction = direction == null ? Direction.RIGHT : direction;
    }

    public static LayoutOptions defaults() {
        return new LayoutOptions(Set.of(), Direction.RIGHT);
    }

    public LayoutOptions withCollapsed(Set<String> subnetIds) {
        return new LayoutOptions(subnetIds, direction);
    }

    public LayoutOptions withDirection(Direction newDirection) {
        return new LayoutOptions(collapsedSubnets, newDirection);
    }

    public boolean collapsed(String subnetId) {
        return collapsedSubnets.contains(subnetId);
    }
}
