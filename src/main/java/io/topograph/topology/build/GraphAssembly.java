package io.topograph.topology.build;

import io.topograph.hosts.Presence;
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
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Turns the rows of one network's inventory into its {@link TopologyGraph}; pure, so the same rows
 * always give the same graph. Rules, in words:
 * <ul>
 *   <li>A host sits in the subnet of its lowest address that lies in a known subnet; each further
 *       subnet it has an address in gets one MULTI_HOMED edge (host → subnet), naming the address.</li>
 *   <li>A subnet's gateway is chosen by {@link Gateways}; that host's node is a GATEWAY node with a
 *       GATEWAY edge to the one INTERNET node (which exists only when some subnet has a gateway).</li>
 *   <li>A Docker container is a CONTAINER node with a CONTAINER_HOST edge to its host. It sits in
 *       the known subnet that holds one of its addresses (a Docker bridge the inventory knows),
 *       else beside its host, in the host's subnet: ingestion does not store Docker's own network
 *       ranges, so no subnet is made up from container addresses alone. A running container has
 *       its host's presence state; any other state reads OFFLINE. Its image is carried in {@code os}.</li>
 *   <li>Subnet kinds: the kind a person chose, else {@link SubnetKinds#guess}.</li>
 *   <li>Groups: members that no longer exist are left out; PATH links consecutive members, HUB the
 *       first to each other. GROUP edges join the member ids themselves (a service id stays a
 *       service id, so the flow can be drawn from the service's row of its node).</li>
 *   <li>Rows naming a host that is not in the network (read while a batch was merging) are ignored.</li>
 * </ul>
 */
public final class GraphAssembly {

    public static final String INTERNET_ID = "internet";

    private GraphAssembly() {
    }

    public static String hostNodeId(UUID hostId) {
        return "host:" + hostId;
    }

    public static String subnetId(UUID subnetId) {
        return "subnet:" + subnetId;
    }

    public static String serviceId(UUID serviceId) {
        return "svc:" + serviceId;
    }

    public static String groupId(UUID groupId) {
        return "group:" + groupId;
    }

    public static String containerNodeId(UUID hostId, String containerId) {
        return "container:" + hostId + ":" + containerId;
    }

    public static TopologyGraph assemble(Inventory inv) {
        Map<UUID, Inventory.Subnet> subnets = new LinkedHashMap<>();
        inv.subnets().forEach(s -> subnets.put(s.id(), s));
        Map<UUID, Inventory.Host> hosts = new LinkedHashMap<>();
        inv.hosts().forEach(h -> hosts.put(h.id(), h));
        Map<UUID, List<Inventory.Interface>> interfaces = byHost(inv.interfaces(), Inventory.Interface::hostId, hosts);
        Map<UUID, List<Inventory.Service>> services = byHost(inv.services(), Inventory.Service::hostId, hosts);
        Map<UUID, List<Inventory.Tag>> tags = byHost(inv.tags(), Inventory.Tag::hostId, hosts);
        Map<UUID, List<Inventory.Container>> containers = byHost(inv.containers(), Inventory.Container::hostId, hosts);
        List<Cidr> ranges = inv.subnets().stream().map(s -> Cidr.parse(s.cidr())).toList();

        List<GraphEdge> edges = new ArrayList<>();
        Map<UUID, UUID> primary = new HashMap<>();
        Map<UUID, List<Gateways.Candidate>> candidates = new HashMap<>();
        Map<UUID, Set<String>> subnetServiceIds = new HashMap<>();
        Set<UUID> subnetsWithContainers = new HashSet<>();

        for (Inventory.Host h : hosts.values()) {
            List<Inventory.Interface> ifs = interfaces.getOrDefault(h.id(), List.of());
            List<Inventory.Service> svcs = services.getOrDefault(h.id(), List.of());
            List<String> defIds = svcs.stream().map(Inventory.Service::definitionId).toList();
            List<String> names = svcs.stream().map(Inventory.Service::name).toList();
            Set<UUID> linked = new HashSet<>();
            boolean singleHomed = ifs.stream().map(Inventory.Interface::subnetId).filter(subnets::containsKey).distinct().count() == 1;
            for (Inventory.Interface i : ifs) {
                if (i.subnetId() == null || !subnets.containsKey(i.subnetId())) {
                    continue;
                }
                UUID s = i.subnetId();
                if (singleHomed) {
                    subnetServiceIds.computeIfAbsent(s, k -> new HashSet<>()).addAll(defIds.stream().filter(d -> d != null).toList());
                }
                if (i.ip() != null) {
                    candidates.computeIfAbsent(s, k -> new ArrayList<>())
                            .add(new Gateways.Candidate(hostNodeId(h.id()), h.name(), i.ip(), defIds, names));
                }
                if (!primary.containsKey(h.id())) {
                    primary.put(h.id(), s);
                } else if (!s.equals(primary.get(h.id())) && linked.add(s)) {
                    String target = subnetId(s);
                    edges.add(new GraphEdge(GraphEdge.idOf(EdgeKind.MULTI_HOMED, hostNodeId(h.id()), target), EdgeKind.MULTI_HOMED,
                            hostNodeId(h.id()), target, h.name() + " has " + (i.ip() == null ? "an interface" : i.ip()) + " on "
                            + subnets.get(s).cidr(), null));
                }
            }
        }
        for (Inventory.Container c : inv.containers()) {
            if (hosts.containsKey(c.hostId())) {
                UUID in = subnetHolding(c.ips(), inv.subnets(), ranges);
                if (in != null) {
                    subnetsWithContainers.add(in);
                }
            }
        }

        // Gateways, then subnets (kind guessed unless chosen).
        Map<String, List<String>> gatewayReasons = new LinkedHashMap<>();
        List<GraphSubnet> graphSubnets = new ArrayList<>();
        for (Inventory.Subnet s : inv.subnets()) {
            Gateways.Choice gw = Gateways.choose(s.cidr(), candidates.getOrDefault(s.id(), List.of()));
            if (gw != null) {
                gatewayReasons.computeIfAbsent(gw.nodeId(), k -> new ArrayList<>()).add(gw.reason());
            }
            graphSubnets.add(new GraphSubnet(subnetId(s.id()), s.cidr(), s.name(), kind(s, subnetsWithContainers, subnetServiceIds),
                    gw == null ? null : gw.nodeId()));
        }
        graphSubnets.sort(Comparator.comparing(GraphSubnet::cidr, Cidr.ORDER).thenComparing(GraphSubnet::id));

        List<GraphNode> nodes = new ArrayList<>();
        for (Inventory.Host h : hosts.values()) {
            List<Inventory.Interface> ifs = interfaces.getOrDefault(h.id(), List.of());
            String id = hostNodeId(h.id());
            UUID in = primary.get(h.id());
            nodes.add(new GraphNode(id, gatewayReasons.containsKey(id) ? NodeKind.GATEWAY : NodeKind.HOST, h.id().toString(), h.name(),
                    h.hostname(), in == null ? null : subnetId(in), addresses(ifs, in), macs(ifs), h.os(), vendor(ifs),
                    Presence.of(h.online(), h.missedRuns()).state(), h.hidden(),
                    services(services.getOrDefault(h.id(), List.of())),
                    tags.getOrDefault(h.id(), List.of()).stream().map(Inventory.Tag::name).distinct().toList()));
            for (Inventory.Container c : containers.getOrDefault(h.id(), List.of())) {
                UUID cin = subnetHolding(c.ips(), inv.subnets(), ranges);
                if (cin == null) {
                    cin = in;
                }
                String cid = containerNodeId(h.id(), c.containerId());
                String label = containerLabel(c);
                boolean running = c.state() == null || c.state().equalsIgnoreCase("running");
                nodes.add(new GraphNode(cid, NodeKind.CONTAINER, null, label, null, cin == null ? null : subnetId(cin), c.ips(),
                        c.macs().stream().distinct().toList(), c.image(), null,
                        running ? Presence.of(h.online(), h.missedRuns()).state() : "OFFLINE", h.hidden(), List.of(), List.of()));
                edges.add(new GraphEdge(GraphEdge.idOf(EdgeKind.CONTAINER_HOST, cid, id), EdgeKind.CONTAINER_HOST, cid, id,
                        label + (c.image() == null ? "" : " (" + c.image() + ")") + " runs on " + h.name() + ", as Docker reported", null));
            }
        }
        if (!gatewayReasons.isEmpty()) {
            nodes.add(new GraphNode(INTERNET_ID, NodeKind.INTERNET, null, "Internet", null, null, List.of(), List.of(), null, null,
                    "UNKNOWN", false, List.of(), List.of()));
            gatewayReasons.forEach((node, reasons) -> edges.add(new GraphEdge(GraphEdge.idOf(EdgeKind.GATEWAY, node, INTERNET_ID),
                    EdgeKind.GATEWAY, node, INTERNET_ID, "Gateway: " + String.join("; ", reasons), null)));
        }
        Map<String, Integer> subnetOrder = new HashMap<>();
        for (int i = 0; i < graphSubnets.size(); i++) {
            subnetOrder.put(graphSubnets.get(i).id(), i);
        }
        nodes.sort(Comparator.comparingInt((GraphNode n) -> n.subnetId() == null ? Integer.MAX_VALUE : subnetOrder.get(n.subnetId()))
                .thenComparing(GraphNode::label).thenComparing(GraphNode::id));

        List<GraphGroup> groups = groups(inv.groups(), nodes, edges);
        edges.sort(Comparator.comparing(GraphEdge::id));
        return new TopologyGraph(inv.networkId().toString(), inv.networkName(), graphSubnets, nodes, edges, groups);
    }

    private static List<GraphGroup> groups(List<Inventory.Group> rows, List<GraphNode> nodes, List<GraphEdge> edges) {
        Set<String> known = new HashSet<>();
        for (GraphNode n : nodes) {
            known.add(n.id());
            n.services().forEach(s -> known.add(s.id()));
        }
        List<GraphGroup> out = new ArrayList<>();
        for (Inventory.Group g : rows) {
            String gid = groupId(g.id());
            List<String> members = g.members().stream().filter(known::contains).distinct().toList();
            GraphGroup.Shape shape = GraphGroup.Shape.valueOf(g.shape());
            out.add(new GraphGroup(gid, g.name(), shape, g.color(), g.edgeStyle(), members));
            for (int i = 1; i < members.size(); i++) {
                String from = shape == GraphGroup.Shape.PATH ? members.get(i - 1) : members.get(0);
                String to = members.get(i);
                String why = shape == GraphGroup.Shape.PATH ? g.name() + ": step " + i + " of " + (members.size() - 1)
                        : g.name() + ": hub to member " + i + " of " + (members.size() - 1);
                edges.add(new GraphEdge(GraphEdge.idOf(EdgeKind.GROUP, gid + "/" + i + "/" + from, to), EdgeKind.GROUP, from, to, why, gid));
            }
        }
        return out;
    }

    private static SubnetKind kind(Inventory.Subnet s, Set<UUID> withContainers, Map<UUID, Set<String>> serviceIds) {
        if (s.kindChosen()) {
            try {
                return SubnetKind.valueOf(s.kind());
            } catch (IllegalArgumentException e) {
                return SubnetKind.OTHER;
            }
        }
        return SubnetKinds.guess(new SubnetKinds.Facts(s.cidr(), s.name(), withContainers.contains(s.id()),
                serviceIds.getOrDefault(s.id(), Set.of())));
    }

    /** The narrowest known subnet holding one of the addresses (first address first), or null. */
    private static UUID subnetHolding(List<String> ips, List<Inventory.Subnet> subnets, List<Cidr> ranges) {
        for (String ip : ips) {
            UUID best = null;
            int prefix = -1;
            for (int i = 0; i < subnets.size(); i++) {
                Cidr r = ranges.get(i);
                if (r != null && r.prefix() > prefix && r.contains(ip)) {
                    best = subnets.get(i).id();
                    prefix = r.prefix();
                }
            }
            if (best != null) {
                return best;
            }
        }
        return null;
    }

    /** The host's addresses, the one in its own subnet first, then the others in address order. */
    private static List<String> addresses(List<Inventory.Interface> ifs, UUID primarySubnet) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (Inventory.Interface i : ifs) {
            if (i.ip() != null && primarySubnet != null && primarySubnet.equals(i.subnetId())) {
                out.add(i.ip());
                break;
            }
        }
        ifs.stream().map(Inventory.Interface::ip).filter(ip -> ip != null).forEach(out::add);
        return List.copyOf(out);
    }

    private static List<String> macs(List<Inventory.Interface> ifs) {
        return ifs.stream().map(Inventory.Interface::mac).filter(m -> m != null).distinct().toList();
    }

    private static String vendor(List<Inventory.Interface> ifs) {
        return ifs.stream().map(Inventory.Interface::vendor).filter(v -> v != null && !v.isBlank()).findFirst().orElse(null);
    }

    private static List<GraphService> services(List<Inventory.Service> rows) {
        return rows.stream()
                .map(s -> new GraphService(serviceId(s.id()), s.name(), s.category(), s.definitionId(),
                        s.ports().stream().sorted(GraphAssembly::comparePorts).toList(), s.confidence()))
                .sorted(Comparator.comparing(GraphService::name).thenComparing(GraphService::id))
                .toList();
    }

    /** {@code 80/tcp} before {@code 443/tcp} before {@code 53/udp}: protocol, then number. */
    static int comparePorts(String a, String b) {
        String[] x = a.split("/", 2);
        String[] y = b.split("/", 2);
        int c = (x.length > 1 ? x[1] : "").compareTo(y.length > 1 ? y[1] : "");
        if (c != 0) {
            return c;
        }
        try {
            return Integer.compare(Integer.parseInt(x[0]), Integer.parseInt(y[0]));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }

    private static String containerLabel(Inventory.Container c) {
        if (c.name() != null && !c.name().isBlank()) {
            return c.name().startsWith("/") ? c.name().substring(1) : c.name();
        }
        return c.containerId().length() > 12 ? c.containerId().substring(0, 12) : c.containerId();
    }

    private static <T> Map<UUID, List<T>> byHost(List<T> rows, java.util.function.Function<T, UUID> host, Map<UUID, Inventory.Host> hosts) {
        Map<UUID, List<T>> out = new HashMap<>();
        for (T row : rows) {
            UUID h = host.apply(row);
            if (hosts.containsKey(h)) {
                out.computeIfAbsent(h, k -> new ArrayList<>()).add(row);
            }
        }
        return out;
    }
}
