package io.topograph.topology.snapshots;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import io.topograph.platform.web.NotFoundException;
import io.topograph.topology.build.GraphJson;
import io.topograph.topology.build.InventoryGraphs;
import io.topograph.topology.diff.GraphDiff;
import io.topograph.topology.graph.GraphNode;
import io.topograph.topology.graph.NodeKind;
import io.topograph.topology.graph.TopologyGraph;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A network's topology over time: snapshots of its graph, taken for every successful run
 * ({@link SnapshotOnRunSucceeded}) and on demand, kept within {@link SnapshotSettings}. Every
 * method takes the organization and network (another organization's: 404).
 */
@Singleton
public class SnapshotService {

    public static final int TIMELINE_MAX = 500;

    private final SnapshotStore store;
    private final InventoryGraphs graphs;
    private final SnapshotSettings settings;

    public SnapshotService(SnapshotStore store, InventoryGraphs graphs, SnapshotSettings settings) {
        this.store = store;
        this.graphs = graphs;
        this.settings = settings;
    }

    /** A MANUAL snapshot of the graph as it is now. */
    @Transactional
    public SnapshotSummary takeNow(UUID organizationId, UUID networkId) {
        UUID id = take(organizationId, networkId, SnapshotSummary.Reason.MANUAL, null).orElseThrow();
        return store.find(organizationId, networkId, id).orElseThrow();
    }

    /**
     * The snapshot of a successful run, in the caller's transaction; nothing when the run has one
     * already (the unique run id makes a retried completion a no-op). Answers the new snapshot's id.
     */
    @Transactional
    public Optional<UUID> takeForRun(UUID organizationId, UUID networkId, UUID runId) {
        return take(organizationId, networkId, SnapshotSummary.Reason.RUN, runId);
    }

    /** The network's timeline, newest first (at most {@link #TIMELINE_MAX}). */
    @Transactional(readOnly = true)
    public List<SnapshotSummary> timeline(UUID organizationId, UUID networkId) {
        if (!store.networkExists(organizationId, networkId)) {
            throw new NotFoundException("Network not found");
        }
        return store.list(organizationId, networkId, TIMELINE_MAX);
    }

    @Transactional(readOnly = true)
    public SnapshotSummary summary(UUID organizationId, UUID networkId, UUID snapshotId) {
        return store.find(organizationId, networkId, snapshotId).orElseThrow(SnapshotService::notFound);
    }

    /** The graph as it was when the snapshot was taken. */
    @Transactional(readOnly = true)
    public TopologyGraph graph(UUID organizationId, UUID networkId, UUID snapshotId) {
        return GraphJson.gunzip(store.graph(organizationId, networkId, snapshotId).orElseThrow(SnapshotService::notFound));
    }

    /** Compares a snapshot with a later one, or with the inventory now when {@code afterId} is null. */
    @Transactional(readOnly = true)
    public SnapshotComparison compare(UUID organizationId, UUID networkId, UUID beforeId, @Nullable UUID afterId) {
        SnapshotSummary before = summary(organizationId, networkId, beforeId);
        SnapshotSummary after = afterId == null ? null : summary(organizationId, networkId, afterId);
        TopologyGraph from = graph(organizationId, networkId, beforeId);
        TopologyGraph to = afterId == null ? graphs.build(organizationId, networkId) : graph(organizationId, networkId, afterId);
        return new SnapshotComparison(before, after, GraphDiff.compare(from, to), GraphDiff.union(from, to));
    }

    private Optional<UUID> take(UUID organizationId, UUID networkId, SnapshotSummary.Reason reason, @Nullable UUID runId) {
        TopologyGraph graph = graphs.build(organizationId, networkId);
        int hosts = (int) graph.nodes().stream().filter(SnapshotService::isHost).count();
        int services = graph.nodes().stream().mapToInt(n -> n.services().size()).sum();
        int jsonBytes = GraphJson.json(graph).length;
        Optional<UUID> id = store.insert(organizationId, networkId, reason, runId, hosts, services, jsonBytes, GraphJson.gzip(graph));
        if (id.isPresent() && settings.keepCount() > 0) {
            // Keeps a busy network within its count at once; the age limit is the sweep's.
            store.trimNetwork(organizationId, networkId, settings.keepCount());
        }
        return id;
    }

    private static boolean isHost(GraphNode n) {
        return n.kind() == NodeKind.HOST || n.kind() == NodeKind.GATEWAY;
    }

    private static NotFoundException notFound() {
        return new NotFoundException("Snapshot not found");
    }
}
