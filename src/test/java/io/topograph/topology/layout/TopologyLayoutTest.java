package io.topograph.topology.layout;

import io.topograph.topology.SyntheticGraphs;
import io.topograph.topology.graph.EdgeKind;
import io.topograph.topology.graph.GraphEdge;
import io.topograph.topology.graph.GraphNode;
import io.topograph.topology.graph.GraphSubnet;
import io.topograph.topology.graph.NodeKind;
import io.topograph.topology.graph.TopologyGraph;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TopologyLayoutTest {

    private static final TopologyGraph GRAPH = SyntheticGraphs.generate(300, 7);

    @Test
    void same_graph_gives_an_equal_layout() {
        Layout a = TopologyLayout.layout(GRAPH, Map.of(), LayoutOptions.defaults());
        Layout b = TopologyLayout.layout(SyntheticGraphs.generate(300, 7), Map.of(), LayoutOptions.defaults());
        assertThat(b).isEqualTo(a);
        assertThat(new ArrayList<>(b.nodes().keySet())).isEqualTo(new ArrayList<>(a.nodes().keySet()));
    }

    @Test
    void input_order_does_not_change_the_layout() {
        List<GraphNode> nodes = new ArrayList<>(GRAPH.nodes());
        List<GraphEdge> edges = new ArrayList<>(GRAPH.edges());
        List<GraphSubnet> subnets = new ArrayList<>(GRAPH.subnets());
        Collections.reverse(nodes);
        Collections.reverse(edges);
        Collections.reverse(subnets);
        TopologyGraph shuffled = new TopologyGraph(GRAPH.networkId(), GRAPH.networkName(), subnets, nodes, edges, GRAPH.groups());
        Layout a = TopologyLayout.layout(GRAPH, Map.of(), LayoutOptions.defaults());
        Layout b = TopologyLayout.layout(shuffled, Map.of(), LayoutOptions.defaults());
        assertThat(b.nodes()).containsExactlyInAnyOrderEntriesOf(a.nodes());
        assertThat(b.subnets()).containsExactlyInAnyOrderEntriesOf(a.subnets());
    }

    @Test
    void every_visible_node_is_placed_and_no_two_nodes_overlap() {
        Layout layout = TopologyLayout.layout(GRAPH, Map.of(), LayoutOptions.defaults());
        assertThat(layout.nodes().keySet()).containsExactlyInAnyOrderElementsOf(
                GRAPH.nodes().stream().map(GraphNode::id).toList());
        assertNoOverlaps(layout);
    }

    @Test
    void subnet_boxes_contain_their_hosts_below_the_title() {
        Layout layout = TopologyLayout.layout(GRAPH, Map.of(), LayoutOptions.defaults());
        for (GraphNode node : GRAPH.nodes()) {
            if (node.subnetId() == null) {
                continue;
            }
            Box subnet = layout.subnets().get(node.subnetId());
            Box box = layout.nodes().get(node.id());
            assertThat(box.x()).as(node.id()).isGreaterThanOrEqualTo(subnet.x());
            assertThat(box.y()).as(node.id()).isGreaterThanOrEqualTo(subnet.y() + TopologyLayout.TITLE_HEIGHT);
            assertThat(box.right()).as(node.id()).isLessThanOrEqualTo(subnet.right());
            assertThat(box.bottom()).as(node.id()).isLessThanOrEqualTo(subnet.bottom());
        }
    }

    @Test
    void pinned_nodes_keep_their_position_exactly_and_no_other_node_overlaps_them() {
        Layout first = TopologyLayout.layout(GRAPH, Map.of(), LayoutOptions.defaults());
        List<String> ids = new ArrayList<>(first.nodes().keySet());
        Map<String, Point> pins = new LinkedHashMap<>();
        // one pin dropped in the middle of another subnet's grid, one at a fractional spot, one outside everything
        Box target = first.nodes().get(ids.get(ids.size() / 2));
        pins.put(ids.get(3), new Point(target.x() + 10.25, target.y() + 7.5));
        pins.put(ids.get(40), new Point(-300.5, -120));
        pins.put(ids.get(41), new Point(first.nodes().get(ids.get(42)).x(), first.nodes().get(ids.get(42)).y()));
        Layout pinned = TopologyLayout.layout(GRAPH, pins, LayoutOptions.defaults());
        pins.forEach((id, p) -> {
            assertThat(pinned.nodes().get(id).x()).isEqualTo(p.x());
            assertThat(pinned.nodes().get(id).y()).isEqualTo(p.y());
        });
        assertNoOverlaps(pinned);
        assertThat(pinned.bounds().x()).isLessThanOrEqualTo(-300.5);
    }

    @Test
    void nodes_far_from_the_pins_keep_their_place() {
        Layout first = TopologyLayout.layout(GRAPH, Map.of(), LayoutOptions.defaults());
        String pinnedId = first.nodes().keySet().iterator().next();
        Box box = first.nodes().get(pinnedId);
        Layout again = TopologyLayout.layout(GRAPH, Map.of(pinnedId, new Point(box.x(), box.y())), LayoutOptions.defaults());
        assertThat(again.nodes()).isEqualTo(first.nodes());
    }

    @Test
    void a_collapsed_subnet_is_one_box_and_its_nodes_are_not_placed() {
        GraphSubnet office = GRAPH.subnets().stream().filter(s -> s.name().equals("Office")).findFirst().orElseThrow();
        Layout layout = TopologyLayout.layout(GRAPH, Map.of(), LayoutOptions.defaults().withCollapsed(Set.of(office.id())));
        assertThat(layout.collapsed()).containsExactly(office.id());
        assertThat(layout.subnets().get(office.id()).width()).isEqualTo(TopologyLayout.COLLAPSED_WIDTH);
        List<String> inside = GRAPH.nodes().stream().filter(n -> office.id().equals(n.subnetId())).map(GraphNode::id).toList();
        assertThat(inside).isNotEmpty();
        assertThat(layout.nodes().keySet()).doesNotContainAnyElementsOf(inside);
        // the router's multi-homed edge now ends at the collapsed box
        assertThat(layout.edges().values()).anyMatch(r -> r.target().equals(office.id()));
    }

    @Test
    void docker_containers_sit_under_their_host() {
        Layout layout = TopologyLayout.layout(GRAPH, Map.of(), LayoutOptions.defaults());
        GraphEdge edge = GRAPH.edges().stream().filter(e -> e.kind() == EdgeKind.CONTAINER_HOST)
                .filter(e -> GRAPH.nodes().stream().anyMatch(n -> n.id().equals(e.source()) && n.subnetId() == null))
                .findFirst().orElseThrow();
        Box container = layout.nodes().get(edge.source());
        Box host = layout.nodes().get(edge.target());
        assertThat(container.y()).isGreaterThanOrEqualTo(host.bottom());
        assertThat(container.y() - host.bottom()).isLessThan(TopologyLayout.NODE_HEIGHT * 8);
        assertThat(container.x()).isBetween(host.x(), host.right());
    }

    @Test
    void edges_start_and_end_on_the_borders_of_their_boxes() {
        Layout layout = TopologyLayout.layout(GRAPH, Map.of(), LayoutOptions.defaults());
        assertThat(layout.edges()).isNotEmpty();
        layout.edges().values().forEach(route -> {
            Box a = layout.nodes().getOrDefault(route.source(), layout.subnets().get(route.source()));
            Point start = route.points().get(0);
            boolean onBorder = Math.abs(start.x() - a.x()) < 0.11 || Math.abs(start.x() - a.right()) < 0.11
                    || Math.abs(start.y() - a.y()) < 0.11 || Math.abs(start.y() - a.bottom()) < 0.11;
            assertThat(onBorder).as(route.toString()).isTrue();
        });
    }

    @Test
    void the_internet_is_laid_out_outside_every_subnet() {
        Layout layout = TopologyLayout.layout(GRAPH, Map.of(), LayoutOptions.defaults());
        Box internet = layout.nodes().get(GRAPH.nodes().stream().filter(n -> n.kind() == NodeKind.INTERNET).findFirst().orElseThrow().id());
        layout.subnets().values().forEach(s -> assertThat(s.overlaps(internet)).isFalse());
    }

    @Test
    void hosts_of_a_subnet_are_in_natural_label_order() {
        assertThat(java.util.stream.Stream.of("web-10", "web-2", "Web-1", "db").sorted(GraphIndex::natural).toList())
                .containsExactly("db", "Web-1", "web-2", "web-10");
        Layout layout = TopologyLayout.layout(GRAPH, Map.of(), LayoutOptions.defaults());
        GraphNode office2 = GRAPH.nodes().stream().filter(n -> n.label().equals("office-2")).findFirst().orElseThrow();
        GraphNode office3 = GRAPH.nodes().stream().filter(n -> n.label().equals("office-3")).findFirst().orElseThrow();
        GraphNode office10 = GRAPH.nodes().stream().filter(n -> n.label().equals("office-10")).findFirst().orElseThrow();
        // grid order is row by row: office-2 and office-3 are neighbours, office-10 comes later
        assertThat(layout.nodes().get(office3.id()).x()).isGreaterThan(layout.nodes().get(office2.id()).x());
        assertThat(layout.nodes().get(office10.id()).y()).isGreaterThanOrEqualTo(layout.nodes().get(office3.id()).y());
    }

    @Test
    void the_direction_option_changes_how_blocks_flow() {
        Layout right = TopologyLayout.layout(GRAPH, Map.of(), LayoutOptions.defaults());
        Layout down = TopologyLayout.layout(GRAPH, Map.of(), LayoutOptions.defaults().withDirection(LayoutOptions.Direction.DOWN));
        assertThat(down.subnets()).isNotEqualTo(right.subnets());
        assertNoOverlaps(down);
    }

    static void assertNoOverlaps(Layout layout) {
        List<Map.Entry<String, Box>> boxes = new ArrayList<>(layout.nodes().entrySet());
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                assertThat(boxes.get(i).getValue().overlaps(boxes.get(j).getValue()))
                        .as(boxes.get(i).getKey() + " overlaps " + boxes.get(j).getKey()).isFalse();
            }
        }
    }
}
