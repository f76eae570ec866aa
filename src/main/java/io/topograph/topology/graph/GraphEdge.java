package io.topograph.topology.graph;

/**
 * A directed edge between two node ids (or a node and a subnet id for {@link EdgeKind#MULTI_HOMED}).
 * {@code reason} says in words why it exists ("web-1 has 10.0.2.5 on 10.0.2.0/24"); {@code groupId}
 * is set for {@link EdgeKind#GROUP} edges.
 */
public record GraphEdge(String id, EdgeKind kind, String source, String target, String reason, String groupId) {

    public static String idOf(EdgeKind kind, String source, String target) {
        return "edge:" + kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + source + ":" + target;
    }
}
