package io.topograph.topology.diagrams;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import io.topograph.platform.web.Check;
import io.topograph.platform.web.ConflictException;
import io.topograph.platform.web.FormErrors;
import io.topograph.platform.web.NotFoundException;
import io.topograph.platform.web.ValidationException;
import io.topograph.topology.build.GraphJson;
import io.topograph.topology.build.InventoryGraphs;
import io.topograph.topology.graph.TopologyGraph;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.UUID;

/**
 * Saved diagrams of a network and the positions pinned on them. Every method takes the
 * organization and the network: a network of another organization, or a diagram of another
 * network, is not found (404). Access rules (who may see or edit the network) are the caller's:
 * the pages and API check the member first, as for every other network resource.
 */
@Singleton
public class TopologyService {

    public static final String DEFAULT_NAME = "Full network";
    static final int NAME_MAX = 80;
    static final double COORDINATE_MAX = 1_000_000;

    private final DiagramStore store;
    private final InventoryGraphs graphs;

    public TopologyService(DiagramStore store, InventoryGraphs graphs) {
        this.store = store;
        this.graphs = graphs;
    }

    /** The network's diagrams, oldest first; a network without any gets "Full network" first, once. */
    @Transactional
    public List<Diagram> diagrams(UUID organizationId, UUID networkId) {
        requireNetwork(organizationId, networkId);
        List<Diagram> list = store.list(organizationId, networkId);
        if (!list.isEmpty()) {
            return list;
        }
        // Two first visits at once: the second waits here and then finds the first one's diagram.
        store.lockNetwork(organizationId, networkId);
        if (store.count(organizationId, networkId) == 0) {
            store.insert(organizationId, networkId, UUID.randomUUID(), DEFAULT_NAME, DiagramOptions.defaults());
        }
        return store.list(organizationId, networkId);
    }

    @Transactional(readOnly = true)
    public Diagram diagram(UUID organizationId, UUID networkId, UUID diagramId) {
        return store.find(organizationId, networkId, diagramId).orElseThrow(TopologyService::notFound);
    }

    /** A new diagram with the default options; the name is 1–80 characters and unique in the network (422 otherwise). */
    @Transactional
    public Diagram create(UUID organizationId, UUID networkId, String name) {
        requireNetwork(organizationId, networkId);
        String n = validName(organizationId, networkId, name, null);
        UUID id = UUID.randomUUID();
        store.insert(organizationId, networkId, id, n, DiagramOptions.defaults());
        return diagram(organizationId, networkId, id);
    }

    @Transactional
    public Diagram rename(UUID organizationId, UUID networkId, UUID diagramId, String name) {
        diagram(organizationId, networkId, diagramId);
        store.rename(organizationId, networkId, diagramId, validName(organizationId, networkId, name, diagramId));
        return diagram(organizationId, networkId, diagramId);
    }

    /** Deletes a diagram and its pins; the network's last diagram stays (409). */
    @Transactional
    public Diagram delete(UUID organizationId, UUID networkId, UUID diagramId) {
        Diagram d = diagram(organizationId, networkId, diagramId);
        store.lockNetwork(organizationId, networkId);
        if (store.count(organizationId, networkId) <= 1) {
            throw new ConflictException("“" + d.name() + "” is the network's only diagram: create another one before deleting it.");
        }
        store.delete(organizationId, networkId, diagramId);
        return d;
    }

    /** Stores the display options (422 naming the field when they cannot be stored). */
    @Transactional
    public Diagram saveOptions(UUID organizationId, UUID networkId, UUID diagramId, DiagramOptions options) {
        diagram(organizationId, networkId, diagramId);
        if (options == null) {
            throw ValidationException.of("options", "Options are required.");
        }
        options.validate().throwIfAny();
        store.saveOptions(organizationId, networkId, diagramId, options);
        return diagram(organizationId, networkId, diagramId);
    }

    @Transactional(readOnly = true)
    public List<NodePosition> positions(UUID organizationId, UUID networkId, UUID diagramId) {
        diagram(organizationId, networkId, diagramId);
        return store.positions(organizationId, diagramId);
    }

    /**
     * Pins a node (or subnet) at x, y; pinning again moves it (idempotent). A node id that names
     * nothing of this network's inventory, or a coordinate that is not a finite number within
     * ±1,000,000, is refused (422) and nothing is written.
     */
    @Transactional
    public NodePosition pin(UUID organizationId, UUID networkId, UUID diagramId, String nodeId, double x, double y) {
        diagram(organizationId, networkId, diagramId);
        FormErrors errors = FormErrors.none();
        if (nodeId == null || nodeId.isBlank() || nodeId.length() > 200 || !store.nodeExists(organizationId, networkId, nodeId)) {
            errors.add("nodeId", "This diagram has no such node.");
        }
        coordinate(errors, "x", x);
        coordinate(errors, "y", y);
        errors.throwIfAny();
        NodePosition p = new NodePosition(nodeId, x, y);
        store.pin(organizationId, diagramId, p);
        return p;
    }

    /** Forgets every pinned position (an explicit re-layout); answers how many there were. */
    @Transactional
    public int unpinAll(UUID organizationId, UUID networkId, UUID diagramId) {
        diagram(organizationId, networkId, diagramId);
        return store.unpinAll(organizationId, diagramId);
    }

    /** Records that the diagram was just drawn from {@code graph} (the full graph, before options), for the stale marker. */
    @Transactional
    public Diagram markDrawn(UUID organizationId, UUID networkId, UUID diagramId, TopologyGraph graph) {
        diagram(organizationId, networkId, diagramId);
        store.markDrawn(organizationId, networkId, diagramId, GraphJson.fingerprint(graph));
        return diagram(organizationId, networkId, diagramId);
    }

    /**
     * Records that {@code open} was just drawn, with the fingerprint computed when it was opened: a
     * page view serializes the (possibly 5,000-host) graph for its fingerprint once, not twice.
     */
    @Transactional
    public void markDrawn(UUID organizationId, UUID networkId, OpenDiagram open) {
        store.markDrawn(organizationId, networkId, open.diagram().id(), open.fingerprint());
    }

    /**
     * Whether what the diagram shows changed since it was last drawn: the fingerprint of the graph
     * built now against the one stored when drawn. Only what is drawn counts (a rescan that finds
     * the same thing is not a change; a host that went offline is). A diagram never drawn is not stale.
     */
    @Transactional(readOnly = true)
    public boolean isStale(UUID organizationId, UUID networkId, UUID diagramId) {
        return isStale(diagram(organizationId, networkId, diagramId), graphs.build(organizationId, networkId));
    }

    /** The same check against a graph the caller already built (a page draws and checks with one build). */
    public static boolean isStale(Diagram diagram, TopologyGraph current) {
        return diagram.drawnFingerprint() != null && !diagram.drawnFingerprint().equals(GraphJson.fingerprint(current));
    }

    /** One build of the graph with the diagram, its options applied, its pins and the stale marker. */
    @Transactional(readOnly = true)
    public OpenDiagram open(UUID organizationId, UUID networkId, UUID diagramId) {
        Diagram d = diagram(organizationId, networkId, diagramId);
        TopologyGraph full = graphs.build(organizationId, networkId);
        String fingerprint = GraphJson.fingerprint(full);
        boolean stale = d.drawnFingerprint() != null && !d.drawnFingerprint().equals(fingerprint);
        return new OpenDiagram(d, full, d.options().apply(full), store.positions(organizationId, diagramId), stale, d.drawnAt(), fingerprint);
    }

    private void requireNetwork(UUID organizationId, UUID networkId) {
        if (!store.networkExists(organizationId, networkId)) {
            throw new NotFoundException("Network not found");
        }
    }

    private String validName(UUID organizationId, UUID networkId, @Nullable String name, @Nullable UUID exceptId) {
        String n = Check.trim(name);
        FormErrors errors = FormErrors.none();
        Check.required(errors, "name", n, NAME_MAX);
        if (!errors.has("name") && store.nameTaken(organizationId, networkId, n, exceptId)) {
            errors.add("name", "This network already has a diagram with this name.");
        }
        errors.throwIfAny();
        return n;
    }

    private static void coordinate(FormErrors errors, String field, double value) {
        if (!Double.isFinite(value) || Math.abs(value) > COORDINATE_MAX) {
            errors.add(field, "Use a number from -1,000,000 to 1,000,000.");
        }
    }

    private static NotFoundException notFound() {
        return new NotFoundException("Diagram not found");
    }
}
