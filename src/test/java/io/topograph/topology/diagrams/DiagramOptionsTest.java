package io.topograph.topology.diagrams;

import io.topograph.topology.graph.EdgeKind;
import io.topograph.topology.graph.GraphEdge;
import io.topograph.topology.graph.GraphGroup;
import io.topograph.topology.graph.GraphNode;
import io.topograph.topology.graph.NodeKind;
import io.topograph.topology.graph.SubnetKind;
import io.topograph.topology.graph.TopologyGraph;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.topograph.topology.Graphs.container;
import static io.topograph.topology.Graphs.edge;
import static io.topograph.topology.Graphs.groupEdge;
import static io.topograph.topology.Graphs.host;
import static io.topograph.topology.Graphs.service;
import static io.topograph.topology.Graphs.subnet;
import static io.topograph.topology.Graphs.with;
import static org.assertj.core.api.Assertions.assertThat;

class DiagramOptionsTest {

    static final String LAN = "subnet:00000000-0000-0000-0000-000000000001";
    static final String DMZ = "subnet:00000000-0000-0000-0000-000000000002";
    static final String DOCKER = "subnet:00000000-0000-0000-0000-000000000003";

    final GraphNode web = with(host("host:web", DMZ, "10.0.1.5", service("svc:nginx", "web-server", "443/tcp"),
            service("svc:ssh", "remote-access", "22/tcp")), "web", "ONLINE", false, List.of("Prod"));
    final GraphNode db = with(host("host:db", LAN, "10.0.0.6", service("svc:pg", "database", "5432/tcp")), "db", "ONLINE", false, List.of());
    final GraphNode lab = with(host("host:lab", LAN, "10.0.0.7"), "lab", "ONLINE", true, List.of("prod"));
    final GraphNode box = container("container:web:abc", DOCKER);

    TopologyGraph graph() {
        return new TopologyGraph("n", "Net",
                List.of(subnet(LAN, "10.0.0.0/24", SubnetKind.LAN), subnet(DMZ, "10.0.1.0/24", SubnetKind.DMZ),
                        subnet(DOCKER, "172.17.0.0/16", SubnetKind.DOCKER_BRIDGE)),
                List.of(db, lab, web, box),
                List.of(edge(EdgeKind.CONTAINER_HOST, "container:web:abc", "host:web"), edge(EdgeKind.MULTI_HOMED, "host:web", LAN),
                        groupEdge("group:g", "svc:nginx", "svc:pg")),
                List.of(new GraphGroup("group:g", "Flow", GraphGroup.Shape.PATH, "#112233", "SOLID", List.of("svc:nginx", "svc:pg"))));
    }

    static List<String> ids(TopologyGraph g) {
        return g.nodes().stream().map(GraphNode::id).toList();
    }

    @Test
    void the_defaults_show_everything_but_hidden_hosts() {
        TopologyGraph shown = DiagramOptions.defaults().apply(graph());
        assertThat(ids(shown)).containsExactly("host:db", "host:web", "container:web:abc");
        assertThat(shown.edges()).hasSize(3);
        assertThat(shown.subnets()).hasSize(3);
        assertThat(shown.nodes().get(1)).isSameAs(web);
    }

    @Test
    void hidden_hosts_containers_and_their_empty_docker_bridges_follow_the_switches() {
        DiagramOptions o = new DiagramOptions(null, true, false, true, null, List.of(), List.of());
        TopologyGraph shown = o.apply(graph());
        assertThat(ids(shown)).containsExactly("host:db", "host:lab", "host:web");
        assertThat(shown.subnets()).extracting(s -> s.id()).containsExactly(LAN, DMZ);
        assertThat(shown.edges()).extracting(GraphEdge::kind).containsExactly(EdgeKind.GROUP, EdgeKind.MULTI_HOMED)
                .as("edges sorted by id").hasSize(2);
    }

    @Test
    void categories_and_ports_filter_the_services_and_group_edges_then_end_at_the_node() {
        DiagramOptions o = new DiagramOptions(List.of("web-server"), false, true, false, null, List.of(), List.of());
        TopologyGraph shown = o.apply(graph());
        GraphNode w = shown.nodes().stream().filter(n -> n.id().equals("host:web")).findFirst().orElseThrow();
        assertThat(w.services()).extracting(s -> s.id()).containsExactly("svc:nginx");
        assertThat(w.services().get(0).ports()).isEmpty();
        GraphEdge flow = shown.edges().stream().filter(e -> e.kind() == EdgeKind.GROUP).findFirst().orElseThrow();
        assertThat(flow.source()).isEqualTo("svc:nginx");
        assertThat(flow.target()).as("the database service is not shown: the flow ends at its node").isEqualTo("host:db");
        assertThat(shown.groups().get(0).members()).containsExactly("svc:nginx");
    }

    @Test
    void edge_kinds_and_a_tag_filter_keep_only_what_is_asked_for() {
        DiagramOptions o = new DiagramOptions(null, true, true, false, List.of(EdgeKind.CONTAINER_HOST), List.of("PROD"), List.of());
        TopologyGraph shown = o.apply(graph());
        assertThat(ids(shown)).as("tags ignore case; the container goes with its host; the hidden lab host stays hidden")
                .containsExactly("host:web", "container:web:abc");
        assertThat(shown.edges()).extracting(GraphEdge::kind).containsExactly(EdgeKind.CONTAINER_HOST);
        assertThat(shown.groups()).isEmpty();
    }

    @Test
    void a_collapsed_subnet_folds_its_nodes_and_edges_end_at_the_subnet() {
        DiagramOptions o = new DiagramOptions(null, true, true, false, null, List.of(), List.of(LAN));
        TopologyGraph shown = o.apply(graph());
        assertThat(ids(shown)).containsExactly("host:web", "container:web:abc");
        GraphEdge flow = shown.edges().stream().filter(e -> e.kind() == EdgeKind.GROUP).findFirst().orElseThrow();
        assertThat(flow.target()).isEqualTo(LAN);
        assertThat(shown.edges()).extracting(GraphEdge::target).contains(LAN, "host:web");
        assertThat(shown.nodes()).noneMatch(n -> n.kind() == NodeKind.HOST && LAN.equals(n.subnetId()));
    }

    @Test
    void options_that_cannot_be_stored_name_their_field() {
        assertThat(DiagramOptions.defaults().validate().isEmpty()).isTrue();
        assertThat(new DiagramOptions(null, true, true, false, null, List.of(""), List.of("subnet:nope")).validate().list())
                .extracting(e -> e.field()).containsExactly("tags", "collapsedSubnets");
    }
}
