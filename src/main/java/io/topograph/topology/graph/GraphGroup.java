package io.topograph.topology.graph;

import java.util.List;

/**
 * A user-defined logical flow between services: a request path in order ({@link Shape#PATH}: member
 * 1 → 2 → 3) or hub and spoke ({@link Shape#HUB}: the first member to each other). Members are
 * service ids ({@code svc:<uuid>}) or node ids; {@code color} is {@code #rrggbb}; {@code edgeStyle}
 * is SOLID, DASHED or DOTTED. {@code id} is {@code group:<uuid>}.
 */
public record GraphGroup(String id, String name, Shape shape, String color, String edgeStyle, List<String> members) {

    public enum Shape { PATH, HUB }

    public GraphGroup {
        members = List.copyOf(members);
    }
}
