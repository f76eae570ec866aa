package io.topograph.topology.diff;

import io.topograph.topology.graph.EdgeKind;
import io.topograph.topology.graph.GraphNode;
import io.topograph.topology.graph.SubnetKind;
import io.topograph.topology.graph.TopologyGraph;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.topograph.topology.Graphs.edge;
import static io.topograph.topology.Graphs.host;
import static io.topograph.topology.Graphs.service;
import static io.topograph.topology.Graphs.subnet;
import static io.topograph.topology.Graphs.with;
import static org.assertj.core.api.Assertions.assertThat;

class GraphDiffTest {

    static final String LAN = "subnet:lan";
    static final String DMZ = "subnet:dmz";

    final GraphNode web = host("host:web", LAN, "10.0.0.5", service("svc:nginx", "web-server", "80/tcp"));
    final GraphNode db = host("host:db", LAN, "10.0.0.6", service("svc:pg", "database", "5432/tcp"));
    final GraphNode old = host("host:old", LAN, "10.0.0.9");

    TopologyGraph before() {
        return new TopologyGraph("n", "Net", List.of(subnet(LAN, "10.0.0.0/24", SubnetKind.LAN)), List.of(db, old, web),
                List.of(edge(EdgeKind.MULTI_HOMED, "host:old", LAN)), List.of());
    }

    TopologyGraph after() {
        GraphNode web2 = with(host("host:web", DMZ, "10.0.1.5", service("svc:nginx", "web-server", "80/tcp", "443/tcp"),
                service("svc:ssh", "remote-access", "22/tcp")), "web", "MISSING", false, List.of());
        GraphNode fresh = host("host:new", LAN, "10.0.0.10");
        return new TopologyGraph("n", "Net", List.of(subnet(DMZ, "10.0.1.0/24", SubnetKind.DMZ), subnet(LAN, "10.0.0.0/24", SubnetKind.WIFI)),
                List.of(db, fresh, web2), List.of(edge(EdgeKind.MULTI_HOMED, "host:web", LAN)), List.of());
    }

    @Test
    void identical_graphs_have_no_difference() {
        TopologyDiff diff = GraphDiff.compare(before(), before());
        assertThat(diff.summary().isEmpty()).isTrue();
        assertThat(diff.highlight()).isEmpty();
    }

    @Test
    void elements_are_added_removed_and_changed_by_id_with_what_changed() {
        TopologyDiff diff = GraphDiff.compare(before(), after());
        assertThat(diff.addedNodes()).extracting(GraphNode::id).containsExactly("host:new");
        assertThat(diff.removedNodes()).extracting(GraphNode::id).containsExactly("host:old");
        assertThat(diff.changedNodes()).hasSize(1);
        TopologyDiff.NodeChange web = diff.changedNodes().get(0);
        assertThat(web.after().id()).isEqualTo("host:web");
        assertThat(web.changes()).containsExactly(
                new TopologyDiff.Change("label", "host:web", "web"),
                new TopologyDiff.Change("subnet", LAN, DMZ),
                new TopologyDiff.Change("addresses", "10.0.0.5", "10.0.1.5"),
                new TopologyDiff.Change("state", "ONLINE", "MISSING"),
                new TopologyDiff.Change("service changed", "svc:nginx (80/tcp)", "svc:nginx (80/tcp, 443/tcp)"),
                new TopologyDiff.Change("service added", null, "svc:ssh (22/tcp)"));
        assertThat(diff.addedSubnets()).extracting(s -> s.id()).containsExactly(DMZ);
        assertThat(diff.changedSubnets()).singleElement().satisfies(c ->
                assertThat(c.changes()).containsExactly(new TopologyDiff.Change("kind", "LAN", "Wi-Fi")));
        assertThat(diff.addedEdges()).extracting(e -> e.source()).containsExactly("host:web");
        assertThat(diff.removedEdges()).extracting(e -> e.source()).containsExactly("host:old");
        assertThat(diff.summary()).isEqualTo(new TopologyDiff.Summary(3, 2, 2));
        assertThat(diff.highlight()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "host:new", "added", "host:old", "removed", "host:web", "changed", DMZ, "added", LAN, "changed",
                diff.addedEdges().get(0).id(), "added", diff.removedEdges().get(0).id(), "removed"));
    }

    @Test
    void a_removed_service_is_listed_as_a_change_of_its_node() {
        GraphNode bare = host("host:db", LAN, "10.0.0.6");
        TopologyGraph a = new TopologyGraph("n", "Net", List.of(), List.of(db), List.of(), List.of());
        TopologyGraph b = new TopologyGraph("n", "Net", List.of(), List.of(bare), List.of(), List.of());
        assertThat(GraphDiff.compare(a, b).changedNodes().get(0).changes())
                .containsExactly(new TopologyDiff.Change("service removed", "svc:pg (5432/tcp)", null));
    }

    @Test
    void the_union_holds_every_element_of_both_sorted_with_the_after_version_of_changed_ones() {
        TopologyGraph union = GraphDiff.union(before(), after());
        assertThat(union.subnets()).extracting(s -> s.id()).containsExactly(LAN, DMZ);
        assertThat(union.subnets().get(0).kind()).as("the after version").isEqualTo(SubnetKind.WIFI);
        assertThat(union.nodes()).extracting(GraphNode::id).containsExactly("host:db", "host:new", "host:old", "host:web");
        assertThat(union.nodes().get(3).label()).isEqualTo("web");
        assertThat(union.edges()).hasSize(2);
        assertThat(union.edges().get(0).id()).isLessThan(union.edges().get(1).id());
    }
}
