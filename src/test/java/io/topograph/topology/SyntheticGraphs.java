package io.topograph.topology;

import io.topograph.topology.graph.EdgeKind;
import io.topograph.topology.graph.GraphEdge;
import io.topograph.topology.graph.GraphGroup;
import io.topograph.topology.graph.GraphNode;
import io.topograph.topology.graph.GraphService;
import io.topograph.topology.graph.GraphSubnet;
import io.topograph.topology.graph.NodeKind;
import io.topograph.topology.graph.SubnetKind;
import io.topograph.topology.graph.TopologyGraph;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Realistic topology graphs of N hosts for tests and benchmarks, deterministic by seed: a core
 * router with the Internet behind it, subnets of several kinds and sizes (servers, office LAN,
 * Wi-Fi, IoT, DMZ, management, VPN, guest), multi-homed hosts, Docker hosts with containers (one
 * with a bridge subnet of its own), a hypervisor with VMs, typical services, some hosts offline,
 * and two groups (a request path and a hub). Addresses are private ranges written as text: nothing
 * ever contacts them.
 */
public final class SyntheticGraphs {

    private record Kind(SubnetKind kind, String name, double share) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind(SubnetKind.SERVERS, "Servers", 0.30), new Kind(SubnetKind.LAN, "Office", 0.30),
            new Kind(SubnetKind.WIFI, "Wi-Fi", 0.14), new Kind(SubnetKind.IOT, "IoT", 0.10),
            new Kind(SubnetKind.DMZ, "DMZ", 0.05), new Kind(SubnetKind.MANAGEMENT, "Management", 0.05),
            new Kind(SubnetKind.VPN, "VPN", 0.03), new Kind(SubnetKind.GUEST, "Guest", 0.03));

    /** name, category, definition id, port */
    private static final String[][] SERVICES = {
            {"OpenSSH", "remote-access", "openssh", "22/tcp"}, {"nginx", "web-servers", "nginx", "443/tcp"},
            {"Apache httpd", "web-servers", "apache-httpd", "80/tcp"}, {"PostgreSQL", "databases", "postgresql", "5432/tcp"},
            {"MySQL", "databases", "mysql", "3306/tcp"}, {"Redis", "databases", "redis", "6379/tcp"},
            {"RabbitMQ", "messaging", "rabbitmq", "5672/tcp"}, {"Postfix", "mail", "postfix", "25/tcp"},
            {"vsftpd", "file-transfer", "vsftpd", "21/tcp"}, {"Samba", "storage", "samba", "445/tcp"},
            {"Proxmox VE", "virtualization", "proxmox", "8006/tcp"}, {"Grafana", "monitoring", "grafana", "3000/tcp"},
            {"Jenkins", "devops", "jenkins", "8080/tcp"}, {"OpenLDAP", "directory", "openldap", "389/tcp"},
            {"DNS", "network", "dns", "53/udp"}, {"Home Assistant", "home-automation", "home-assistant", "8123/tcp"},
            {"IPP printer", "printers", "ipp", "631/tcp"}, {"Plex", "media", "plex", "32400/tcp"},
            {"WireGuard", "security", "wireguard", "51820/udp"}, {"RDP", "remote-access", "rdp", "3389/tcp"},
    };

    private SyntheticGraphs() {
    }

    public static TopologyGraph generate(int hosts, long seed) {
        Random random = new Random(seed);
        List<GraphSubnet> subnets = new ArrayList<>();
        List<GraphNode> nodes = new ArrayList<>();
        List<GraphEdge> edges = new ArrayList<>();
        String routerId = "host:" + uuid(seed, "router");
        String internet = "internet";
        nodes.add(node(internet, NodeKind.INTERNET, null, "Internet", null, List.of(), "ONLINE", List.of()));
        edges.add(edge(EdgeKind.GATEWAY, routerId, internet, "default route", null));

        List<List<GraphNode>> members = new ArrayList<>();
        int placed = 0;
        for (int k = 0; k < KINDS.size(); k++) {
            Kind kind = KINDS.get(k);
            int count = k == KINDS.size() - 1 ? Math.max(1, hosts - 1 - placed) : Math.max(1, (int) Math.round(hosts * kind.share()));
            count = Math.min(count, Math.max(1, hosts - 1 - placed));
            placed += count;
            // /24 per 250 hosts, written as one larger prefix so that a big subnet stays one container
            int prefix = count <= 250 ? 24 : count <= 1000 ? 22 : 20;
            String cidr = "10." + (10 + k) + ".0.0/" + prefix;
            String subnetId = "subnet:" + uuid(seed, "subnet" + k);
            subnets.add(new GraphSubnet(subnetId, cidr, kind.name(), kind.kind(), routerId));
            List<GraphNode> list = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String ip = "10." + (10 + k) + "." + ((i + 2) / 250) + "." + ((i + 2) % 250 + 1);
                String id = "host:" + uuid(seed, "host" + k + ":" + i);
                String label = kind.name().toLowerCase().replace("-", "") + "-" + (i + 1);
                list.add(node(id, NodeKind.HOST, subnetId, label, ip, services(random, id), state(random), List.of()));
            }
            members.add(list);
            nodes.addAll(list);
            if (k > 0) {
                edges.add(edge(EdgeKind.MULTI_HOMED, routerId, subnetId, "router has an interface on " + cidr, null));
            }
        }
        GraphSubnet first = subnets.get(0);
        nodes.add(node(routerId, NodeKind.GATEWAY, first.id(), "core-router", "10.10.0.1", List.of(), "ONLINE", List.of("core")));

        // multi-homed hosts: about 2 % of servers and DMZ hosts also sit on another subnet
        for (int k : new int[] {0, 4}) {
            for (GraphNode host : members.get(k)) {
                if (random.nextInt(50) == 0) {
                    GraphSubnet other = subnets.get(1 + random.nextInt(subnets.size() - 1));
                    if (!other.id().equals(host.subnetId())) {
                        edges.add(edge(EdgeKind.MULTI_HOMED, host.id(), other.id(), host.label() + " has an address on " + other.cidr(), null));
                    }
                }
            }
        }
        // Docker hosts among the servers; the first one has a bridge subnet we know
        List<GraphNode> servers = members.get(0);
        int dockerHosts = Math.max(1, servers.size() / 40);
        for (int d = 0; d < dockerHosts && d < servers.size(); d++) {
            GraphNode host = servers.get(d * Math.max(1, servers.size() / dockerHosts));
            String bridge = null;
            if (d == 0) {
                bridge = "subnet:" + uuid(seed, "bridge" + d);
                subnets.add(new GraphSubnet(bridge, "172.17.0.0/16", "docker0 on " + host.label(), SubnetKind.DOCKER_BRIDGE, null));
            }
            int containers = 2 + random.nextInt(5);
            for (int c = 0; c < containers; c++) {
                String id = "container:" + host.hostId() + ":" + Integer.toHexString(0x1000 + c);
                String ip = bridge == null ? null : "172.17.0." + (c + 2);
                nodes.add(node(id, NodeKind.CONTAINER, bridge, "app-" + (c + 1), ip, services(random, id), "ONLINE", List.of()));
                edges.add(edge(EdgeKind.CONTAINER_HOST, id, host.id(), "runs on " + host.label(), null));
            }
        }
        // a hypervisor with VMs in the same subnet
        if (servers.size() > 3) {
            GraphNode hypervisor = servers.get(servers.size() - 1);
            for (int v = 0; v < Math.min(6, servers.size() / 5 + 1); v++) {
                String id = "host:" + uuid(seed, "vm" + v);
                nodes.add(node(id, NodeKind.VIRTUAL_MACHINE, first.id(), "vm-" + (v + 1), "10.10.200." + (v + 1),
                        services(random, id), "ONLINE", List.of()));
                edges.add(edge(EdgeKind.VM_HYPERVISOR, id, hypervisor.id(), "guest of " + hypervisor.label(), null));
            }
        }
        List<GraphGroup> groups = groups(seed, servers, members.get(5), edges);
        nodes.sort(Comparator.comparing((GraphNode n) -> n.subnetId() == null ? "" : n.subnetId())
                .thenComparing(GraphNode::label).thenComparing(GraphNode::id));
        edges.sort(Comparator.comparing(GraphEdge::id));
        subnets.sort(Comparator.comparing(GraphSubnet::cidr));
        return new TopologyGraph("network:" + uuid(seed, "network"), "Synthetic " + hosts, subnets, nodes, edges, groups);
    }

    /** A request path web → app → db over services, and a monitoring hub to a few hosts. */
    private static List<GraphGroup> groups(long seed, List<GraphNode> servers, List<GraphNode> management, List<GraphEdge> edges) {
        List<GraphGroup> groups = new ArrayList<>();
        List<String> path = servers.stream().filter(n -> !n.services().isEmpty()).limit(3).map(n -> n.services().get(0).id()).toList();
        if (path.size() >= 2) {
            String id = "group:" + uuid(seed, "path");
            groups.add(new GraphGroup(id, "Shop request path", GraphGroup.Shape.PATH, "#d63384", "DASHED", path));
            for (int i = 0; i + 1 < path.size(); i++) {
                edges.add(new GraphEdge(GraphEdge.idOf(EdgeKind.GROUP, path.get(i), path.get(i + 1)), EdgeKind.GROUP,
                        path.get(i), path.get(i + 1), "step " + (i + 1) + " of Shop request path", id));
            }
        }
        if (!management.isEmpty() && servers.size() > 4) {
            String id = "group:" + uuid(seed, "hub");
            List<String> members = new ArrayList<>();
            members.add(management.get(0).id());
            for (int i = 1; i < Math.min(6, servers.size()); i++) {
                members.add(servers.get(i).id());
            }
            groups.add(new GraphGroup(id, "Monitoring", GraphGroup.Shape.HUB, "#0d6efd", "DOTTED", members));
            for (int i = 1; i < members.size(); i++) {
                edges.add(new GraphEdge(GraphEdge.idOf(EdgeKind.GROUP, members.get(0), members.get(i)), EdgeKind.GROUP,
                        members.get(0), members.get(i), "Monitoring", id));
            }
        }
        return groups;
    }

    private static List<GraphService> services(Random random, String nodeId) {
        int count = random.nextInt(10) < 2 ? 0 : 1 + random.nextInt(5);
        List<GraphService> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String[] s = SERVICES[random.nextInt(SERVICES.length)];
            if (out.stream().anyMatch(existing -> existing.definitionId().equals(s[2]))) {
                continue;
            }
            out.add(new GraphService("svc:" + uuid(nodeId.hashCode(), nodeId + ":" + s[2]), s[0], s[1], s[2], List.of(s[3]),
                    60 + random.nextInt(40)));
        }
        return out;
    }

    private static String state(Random random) {
        int r = random.nextInt(100);
        return r < 90 ? "ONLINE" : r < 97 ? "OFFLINE" : "MISSING";
    }

    private static GraphNode node(String id, NodeKind kind, String subnetId, String label, String ip,
                                  List<GraphService> services, String state, List<String> tags) {
        String hostId = id.startsWith("host:") ? id.substring(5) : id.startsWith("container:") ? id.split(":")[1] : null;
        List<String> addresses = ip == null ? List.of() : List.of(ip);
        String mac = ip == null ? null : String.format("02:00:%02x:%02x:%02x:%02x", id.hashCode() & 0xff, (id.hashCode() >> 8) & 0xff,
                (id.hashCode() >> 16) & 0xff, (id.hashCode() >> 24) & 0xff);
        return new GraphNode(id, kind, hostId, label, label + ".example.internal", subnetId, addresses,
                mac == null ? List.of() : List.of(mac), kind == NodeKind.HOST ? "Linux" : null, null, state, false, services, tags);
    }

    private static GraphEdge edge(EdgeKind kind, String source, String target, String reason, String groupId) {
        return new GraphEdge(GraphEdge.idOf(kind, source, target), kind, source, target, reason, groupId);
    }

    private static UUID uuid(long seed, String what) {
        return UUID.nameUUIDFromBytes((seed + ":" + what).getBytes(StandardCharsets.UTF_8));
    }
}
