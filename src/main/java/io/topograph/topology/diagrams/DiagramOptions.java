package io.topograph.topology.diagrams;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.topograph.platform.web.FormErrors;
import io.topograph.topology.graph.EdgeKind;
import io.topograph.topology.graph.GraphEdge;
import io.topograph.topology.graph.GraphGroup;
import io.topograph.topology.graph.GraphNode;
import io.topograph.topology.graph.GraphService;
import io.topograph.topology.graph.GraphSubnet;
import io.topograph.topology.graph.NodeKind;
import io.topograph.topology.graph.SubnetKind;
import io.topograph.topology.graph.TopologyGraph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a saved diagram shows, stored with it ({@code topologies.options}).
 *
 * @param serviceCategories catalog categories whose services are drawn on nodes; null: every category
 * @param showPorts         whether services carry their ports ({@code 443/tcp})
 * @param showContainers    whether Docker containers are drawn (and Docker bridge subnets left empty without them)
 * @param showHidden        whether hosts marked hidden are drawn
 * @param edgeKinds         kinds of edges drawn; null: every kind
 * @param tags              tag names (any of them, ignoring case) a host must carry to be drawn; empty: no filter
 * @param collapsedSubnets  subnet ids drawn as one closed box: their nodes are left out and edges to them end at the subnet
 */
@Serdeable
public record DiagramOptions(@Nullable List<String> serviceCategories, boolean showPorts, boolean showContainers, boolean showHidden,
                             @Nullable List<EdgeKind> edgeKinds, List<String> tags, List<String> collapsedSubnets) {

    static final int MAX_ITEMS = 200;
    static final int MAX_TEXT = 80;
    private static final Pattern SUBNET_ID = Pattern.compile("^subnet:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

    public DiagramOptions {
        serviceCategories = serviceCategories == null ? null : List.copyOf(serviceCategories);
        edgeKinds = edgeKinds == null ? null : List.copyOf(edgeKinds);
        tags = tags == null ? List.of() : List.copyOf(tags);
        collapsedSubnets = collapsedSubnets == null ? List.of() : List.copyOf(collapsedSubnets);
    }

    /** A new diagram: everything but hidden hosts, nothing collapsed. */
    public static DiagramOptions defaults() {
        return new DiagramOptions(null, true, true, false, null, List.of(), List.of());
    }

    /** Field messages for options that cannot be stored (sizes, ids that are not subnet ids). */
    public FormErrors validate() {
        FormErrors errors = FormErrors.none();
        texts(errors, "serviceCategories", serviceCategories);
        texts(errors, "tags", tags);
        if (edgeKinds != null && edgeKinds.stream().anyMatch(java.util.Objects::isNull)) {
            errors.add("edgeKinds", "Choose edge kinds among " + List.of(EdgeKind.values()) + ".");
        }
        if (collapsedSubnets.size() > MAX_ITEMS * 10) {
            errors.add("collapsedSubnets", "Collapse at most " + MAX_ITEMS * 10 + " subnets.");
        } else if (collapsedSubnets.stream().anyMatch(id -> id == null || !SUBNET_ID.matcher(id).matches())) {
            errors.add("collapsedSubnets", "Collapse subnets by their ids (subnet:<uuid>).");
        }
        return errors;
    }

    private static void texts(FormErrors errors, String field, @Nullable List<String> values) {
        if (values == null) {
            return;
        }
        if (values.size() > MAX_ITEMS) {
            errors.add(field, "Choose at most " + MAX_ITEMS + ".");
        } else if (values.stream().anyMatch(v -> v == null || v.isBlank() || v.length() > MAX_TEXT)) {
            errors.add(field, "Each value must be 1 to " + MAX_TEXT + " characters.");
        }
    }

    /**
     * The part of {@code graph} these options show; pure. Nodes are left out for being hidden, a
     * container, without a wanted tag (a container goes with its host, the Internet with the
     * gateways) or inside a collapsed subnet. An edge whose end was left out inside a collapsed
     * subnet ends at that subnet instead (duplicates merged, edges inside one collapsed subnet
     * dropped); an edge whose end is gone otherwise is dropped; an edge to a service whose category
     * is not shown ends at its node. Groups keep only their visible members. Order is kept.
     */
    public TopologyGraph apply(TopologyGraph graph) {
        Set<String> collapsed = new HashSet<>(collapsedSubnets);
        Set<String> wantedTags = new HashSet<>();
        tags.forEach(t -> wantedTags.add(t.toLowerCase(Locale.ROOT)));
        Map<String, GraphNode> all = new HashMap<>();
        Map<String, String> serviceNode = new HashMap<>();
        for (GraphNode n : graph.nodes()) {
            all.put(n.id(), n);
            n.services().forEach(s -> serviceNode.put(s.id(), n.id()));
        }
        Map<String, String> containerHost = new HashMap<>();
        for (GraphEdge e : graph.edges()) {
            if (e.kind() == EdgeKind.CONTAINER_HOST) {
                containerHost.put(e.source(), e.target());
            }
        }
        Set<String> kept = new HashSet<>();
        for (GraphNode n : graph.nodes()) {
            if (n.kind() != NodeKind.CONTAINER && n.kind() != NodeKind.INTERNET && shownAlone(n, wantedTags)) {
                kept.add(n.id());
            }
        }
        for (GraphNode n : graph.nodes()) {
            if (n.kind() == NodeKind.CONTAINER && showContainers && (!n.hidden() || showHidden)
                    && (wantedTags.isEmpty() || kept.contains(containerHost.get(n.id())))) {
                kept.add(n.id());
            }
        }
        boolean anyGateway = graph.nodes().stream().anyMatch(n -> n.kind() == NodeKind.GATEWAY && kept.contains(n.id()));
        graph.nodes().stream().filter(n -> n.kind() == NodeKind.INTERNET && (wantedTags.isEmpty() || anyGateway)).forEach(n -> kept.add(n.id()));
        // Nodes folded into a collapsed subnet: present, but drawn as the subnet.
        Map<String, String> foldedInto = new HashMap<>();
        for (String id : List.copyOf(kept)) {
            GraphNode n = all.get(id);
            if (n.subnetId() != null && collapsed.contains(n.subnetId())) {
                kept.remove(id);
                foldedInto.put(id, n.subnetId());
            }
        }

        List<GraphNode> nodes = new ArrayList<>();
        Set<String> visibleServices = new HashSet<>();
        for (GraphNode n : graph.nodes()) {
            if (!kept.contains(n.id())) {
                continue;
            }
            List<GraphService> services = new ArrayList<>();
            for (GraphService s : n.services()) {
                if (serviceCategories == null || serviceCategories.contains(s.category())) {
                    services.add(showPorts ? s : new GraphService(s.id(), s.name(), s.category(), s.definitionId(), List.of(), s.confidence()));
                    visibleServices.add(s.id());
                }
            }
            nodes.add(services.size() == n.services().size() && showPorts ? n : new GraphNode(n.id(), n.kind(), n.hostId(), n.label(),
                    n.hostname(), n.subnetId(), n.addresses(), n.macs(), n.os(), n.vendor(), n.state(), n.hidden(), services, n.tags()));
        }

        Set<String> occupied = new HashSet<>();
        nodes.forEach(n -> occupied.add(n.subnetId()));
        List<GraphSubnet> subnets = graph.subnets().stream()
                .filter(s -> showContainers || s.kind() != SubnetKind.DOCKER_BRIDGE || occupied.contains(s.id()) || collapsed.contains(s.id()))
                .toList();
        Set<String> subnetIds = new HashSet<>();
        subnets.forEach(s -> subnetIds.add(s.id()));

        Map<String, GraphEdge> edges = new LinkedHashMap<>();
        for (GraphEdge e : graph.edges()) {
            if (edgeKinds != null && !edgeKinds.contains(e.kind())) {
                continue;
            }
            String from = end(e.source(), kept, foldedInto, serviceNode, visibleServices, subnetIds);
            String to = end(e.target(), kept, foldedInto, serviceNode, visibleServices, subnetIds);
            if (from == null || to == null || from.equals(to)) {
                continue;
            }
            if (from.equals(e.source()) && to.equals(e.target())) {
                edges.putIfAbsent(e.id(), e);
            } else {
                String id = GraphEdge.idOf(e.kind(), (e.groupId() == null ? "" : e.groupId() + "/") + from, to);
                edges.putIfAbsent(id, new GraphEdge(id, e.kind(), from, to, e.reason(), e.groupId()));
            }
        }
        List<GraphEdge> edgeList = new ArrayList<>(edges.values());
        edgeList.sort(java.util.Comparator.comparing(GraphEdge::id));

        List<GraphGroup> groups = new ArrayList<>();
        if (edgeKinds == null || edgeKinds.contains(EdgeKind.GROUP)) {
            for (GraphGroup g : graph.groups()) {
                groups.add(new GraphGroup(g.id(), g.name(), g.shape(), g.color(), g.edgeStyle(),
                        g.members().stream().filter(m -> kept.contains(m) || visibleServices.contains(m)).toList()));
            }
        }
        return new TopologyGraph(graph.networkId(), graph.networkName(), subnets, nodes, edgeList, groups);
    }

    private boolean shownAlone(GraphNode n, Set<String> wantedTags) {
        if (n.hidden() && !showHidden) {
            return false;
        }
        return wantedTags.isEmpty() || n.tags().stream().anyMatch(t -> wantedTags.contains(t.toLowerCase(Locale.ROOT)));
    }

    /** Where an edge end is drawn now, or null when it is not drawn at all. */
    @Nullable
    private static String end(String id, Set<String> kept, Map<String, String> foldedInto, Map<String, String> serviceNode,
                              Set<String> visibleServices, Set<String> subnetIds) {
        if (kept.contains(id) || visibleServices.contains(id) || subnetIds.contains(id)) {
            return id;
        }
        String node = serviceNode.get(id);
        if (node != null) {
            return end(node, kept, foldedInto, serviceNode, visibleServices, subnetIds);
        }
        String subnet = foldedInto.get(id);
        return subnet != null && subnetIds.contains(subnet) ? subnet : null;
    }
}
