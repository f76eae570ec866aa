package io.topograph.topology.build;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.platform.web.NotFoundException;
import io.topograph.platform.web.ValidationException;
import io.topograph.support.AppTest;
import io.topograph.support.TestDatabase;
import io.topograph.topology.Inventories;
import io.topograph.topology.graph.EdgeKind;
import io.topograph.topology.graph.GraphEdge;
import io.topograph.topology.graph.GraphNode;
import io.topograph.topology.graph.GraphSubnet;
import io.topograph.topology.graph.NodeKind;
import io.topograph.topology.graph.SubnetKind;
import io.topograph.topology.graph.TopologyGraph;
import io.topograph.topology.groups.GroupForm;
import io.topograph.topology.groups.GroupService;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The graph built from a real inventory in the embedded PostgreSQL. */
@MicronautTest(transactional = false)
class InventoryGraphsTest extends AppTest {

    @Inject
    DataSource dataSource;
    @Inject
    InventoryGraphs graphs;
    @Inject
    InventoryReads reads;
    @Inject
    SubnetKindService kinds;
    @Inject
    GroupService groups;

    TestDatabase db;
    Inventories inv;

    @BeforeEach
    void setUp() {
        db = new TestDatabase(dataSource);
        inv = new Inventories(db);
    }

    static GraphNode node(TopologyGraph g, String id) {
        return g.nodes().stream().filter(n -> n.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError("no node " + id));
    }

    static List<GraphEdge> edges(TopologyGraph g, EdgeKind kind) {
        return g.edges().stream().filter(e -> e.kind() == kind).toList();
    }

    @Test
    void a_host_on_two_subnets_sits_in_its_lowest_one_with_a_multi_homed_edge_to_the_other_naming_the_address() {
        Inventories.Site s = inv.site(signUp("graph-mh"));
        UUID lan = inv.subnet(s, "10.1.2.0/24", "Office");
        UUID mgmt = inv.subnet(s, "10.1.10.0/24", "Management");
        UUID nas = inv.host(s, "nas");
        inv.nic(s, nas, mgmt, "10.1.10.5", "00:11:32:00:00:02");
        inv.nic(s, nas, lan, "10.1.2.5", "00:11:32:00:00:01");
        UUID pc = inv.host(s, "pc");
        inv.nic(s, pc, lan, "10.1.2.20", "f0:18:98:00:00:01");

        TopologyGraph g = graphs.build(s.organizationId(), s.networkId());

        assertThat(g.subnets()).extracting(GraphSubnet::cidr).as("numeric order").containsExactly("10.1.2.0/24", "10.1.10.0/24");
        assertThat(g.subnets()).extracting(GraphSubnet::kind).containsExactly(SubnetKind.LAN, SubnetKind.MANAGEMENT);
        GraphNode n = node(g, "host:" + nas);
        assertThat(n.subnetId()).isEqualTo("subnet:" + lan);
        assertThat(n.addresses()).containsExactly("10.1.2.5", "10.1.10.5");
        assertThat(n.macs()).containsExactly("00:11:32:00:00:01", "00:11:32:00:00:02");
        assertThat(edges(g, EdgeKind.MULTI_HOMED)).singleElement().satisfies(e -> {
            assertThat(e.source()).isEqualTo("host:" + nas);
            assertThat(e.target()).isEqualTo("subnet:" + mgmt);
            assertThat(e.reason()).isEqualTo("nas has 10.1.10.5 on 10.1.10.0/24");
        });
        assertThat(g.nodes()).extracting(GraphNode::label).containsExactly("nas", "pc");
    }

    @Test
    void containers_tags_presence_hidden_services_and_the_gateway_are_carried() {
        Inventories.Site s = inv.site(signUp("graph-all"));
        UUID lan = inv.subnet(s, "10.2.0.0/24", "");
        UUID bridge = inv.subnet(s, "172.17.0.0/16", "");
        UUID router = inv.host(s, "router");
        inv.nic(s, router, lan, "10.2.0.1", "00:08:a2:00:00:01");
        UUID docker = inv.host(s, "docker-1", true, 1, false);
        inv.nic(s, docker, lan, "10.2.0.10", "f8:bc:12:00:00:01");
        UUID nginx = inv.service(s, docker, "nginx", "nginx", "web-server", 443);
        inv.tag(s, docker, "Prod");
        inv.container(s, docker, "abc123", "/grafana", "running", "172.17.0.2");
        inv.container(s, docker, "def456", "cron", "exited", "192.0.2.7");
        UUID gone = inv.host(s, "gone", false, 3, true);
        inv.nic(s, gone, lan, "10.2.0.99", "f8:bc:12:00:00:02");
        UUID fresh = inv.host(s, "fresh", null, 0, false);

        TopologyGraph g = graphs.build(s.organizationId(), s.networkId());

        GraphNode d = node(g, "host:" + docker);
        assertThat(d.state()).isEqualTo("MISSING");
        assertThat(d.tags()).containsExactly("Prod");
        assertThat(d.services()).singleElement().satisfies(svc -> {
            assertThat(svc.id()).isEqualTo("svc:" + nginx);
            assertThat(svc.ports()).containsExactly("443/tcp");
            assertThat(svc.category()).isEqualTo("web-server");
        });
        assertThat(node(g, "host:" + gone).state()).isEqualTo("OFFLINE");
        assertThat(node(g, "host:" + gone).hidden()).isTrue();
        assertThat(node(g, "host:" + fresh).state()).isEqualTo("UNKNOWN");
        assertThat(node(g, "host:" + fresh).subnetId()).isNull();

        GraphNode grafana = node(g, "container:" + docker + ":abc123");
        assertThat(grafana.kind()).isEqualTo(NodeKind.CONTAINER);
        assertThat(grafana.label()).isEqualTo("grafana");
        assertThat(grafana.subnetId()).as("its address is on the known bridge").isEqualTo("subnet:" + bridge);
        assertThat(grafana.state()).isEqualTo("MISSING");
        GraphNode cron = node(g, "container:" + docker + ":def456");
        assertThat(cron.subnetId()).as("no known subnet holds its address: beside its host").isEqualTo("subnet:" + lan);
        assertThat(cron.state()).isEqualTo("OFFLINE");
        assertThat(edges(g, EdgeKind.CONTAINER_HOST)).extracting(GraphEdge::source, GraphEdge::target).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(grafana.id(), d.id()), org.assertj.core.groups.Tuple.tuple(cron.id(), d.id()));
        assertThat(g.subnets()).filteredOn(x -> x.id().equals("subnet:" + bridge)).extracting(GraphSubnet::kind)
                .containsExactly(SubnetKind.DOCKER_BRIDGE);

        assertThat(node(g, "host:" + router).kind()).isEqualTo(NodeKind.GATEWAY);
        assertThat(g.subnets()).filteredOn(x -> x.id().equals("subnet:" + lan)).extracting(GraphSubnet::gatewayNodeId)
                .containsExactly("host:" + router);
        assertThat(edges(g, EdgeKind.GATEWAY)).singleElement().satisfies(e -> {
            assertThat(e.source()).isEqualTo("host:" + router);
            assertThat(e.target()).isEqualTo("internet");
            assertThat(e.reason()).contains("router (10.2.0.1) has the first usable address of 10.2.0.0/24");
        });
        assertThat(node(g, "internet").kind()).isEqualTo(NodeKind.INTERNET);
    }

    @Test
    void the_same_inventory_gives_an_equal_graph_and_the_statement_count_does_not_grow_with_hosts() {
        Inventories.Site small = inv.site(signUp("graph-small"));
        inv.bulk(small, 3, 2);
        Inventories.Site big = inv.site(signUp("graph-big"));
        inv.bulk(big, 400, 4);

        long before = reads.statementsIssued();
        TopologyGraph a = graphs.build(small.organizationId(), small.networkId());
        long smallStatements = reads.statementsIssued() - before;
        before = reads.statementsIssued();
        TopologyGraph b = graphs.build(big.organizationId(), big.networkId());
        long bigStatements = reads.statementsIssued() - before;

        assertThat(b.nodes()).filteredOn(n -> n.hostId() != null).hasSize(400);
        assertThat(smallStatements).isEqualTo(bigStatements).isEqualTo(InventoryReads.STATEMENTS);
        assertThat(graphs.build(big.organizationId(), big.networkId())).isEqualTo(b);
        assertThat(GraphJson.fingerprint(graphs.build(small.organizationId(), small.networkId()))).isEqualTo(GraphJson.fingerprint(a));
        assertThat(b.nodes()).extracting(GraphNode::subnetId).isSortedAccordingTo(
                java.util.Comparator.comparingInt(id -> id == null ? Integer.MAX_VALUE : b.subnets().stream().map(GraphSubnet::id).toList().indexOf(id)));
        assertThat(b.edges()).extracting(GraphEdge::id).isSorted();
    }

    @Test
    void a_chosen_subnet_kind_beats_every_guess_and_choosing_none_guesses_again() {
        Inventories.Site s = inv.site(signUp("graph-kind"));
        UUID wifi = inv.subnet(s, "192.168.20.0/24", "Staff Wi-Fi");
        assertThat(graphs.build(s.organizationId(), s.networkId()).subnets().get(0).kind()).isEqualTo(SubnetKind.WIFI);

        assertThat(kinds.chooseKind(s.organizationId(), s.networkId(), wifi, "iot")).isEqualTo(SubnetKind.IOT);
        assertThat(graphs.build(s.organizationId(), s.networkId()).subnets().get(0).kind()).isEqualTo(SubnetKind.IOT);
        assertThatThrownBy(() -> kinds.chooseKind(s.organizationId(), s.networkId(), wifi, "CASTLE")).isInstanceOf(ValidationException.class);
        assertThat(graphs.build(s.organizationId(), s.networkId()).subnets().get(0).kind()).as("a refused kind changes nothing")
                .isEqualTo(SubnetKind.IOT);

        assertThat(kinds.chooseKind(s.organizationId(), s.networkId(), wifi, "")).isNull();
        assertThat(graphs.build(s.organizationId(), s.networkId()).subnets().get(0).kind()).isEqualTo(SubnetKind.WIFI);
        assertThatThrownBy(() -> kinds.chooseKind(s.organizationId(), s.networkId(), UUID.randomUUID(), "LAN"))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void groups_become_group_edges_path_in_order_hub_from_the_first_and_deleted_members_are_skipped() {
        Inventories.Site s = inv.site(signUp("graph-groups"));
        UUID lan = inv.subnet(s, "10.3.0.0/24", "");
        UUID web = inv.host(s, "web");
        inv.nic(s, web, lan, "10.3.0.5", "f8:bc:12:00:03:05");
        UUID app = inv.host(s, "app");
        inv.nic(s, app, lan, "10.3.0.6", "f8:bc:12:00:03:06");
        UUID dbHost = inv.host(s, "db");
        inv.nic(s, dbHost, lan, "10.3.0.7", "f8:bc:12:00:03:07");
        String nginx = "svc:" + inv.service(s, web, "nginx", "nginx", "web-server", 443);
        String tomcat = "svc:" + inv.service(s, app, "tomcat", "Tomcat", "web-server", 8080);
        String pg = "svc:" + inv.service(s, dbHost, "postgresql", "PostgreSQL", "database", 5432);
        groups.create(s.organizationId(), s.networkId(), new GroupForm("Request", "PATH", "#1F77B4", "SOLID", List.of(nginx, tomcat, pg)));
        groups.create(s.organizationId(), s.networkId(), new GroupForm("Hub", "HUB", "#ff7f0e", "DASHED",
                List.of("host:" + dbHost, "host:" + web, "host:" + app)));

        TopologyGraph g = graphs.build(s.organizationId(), s.networkId());
        assertThat(g.groups()).extracting(x -> x.name()).containsExactly("Hub", "Request");
        assertThat(g.groups().get(1).color()).isEqualTo("#1f77b4");
        assertThat(edges(g, EdgeKind.GROUP)).extracting(e -> e.source() + ">" + e.target()).containsExactlyInAnyOrder(
                nginx + ">" + tomcat, tomcat + ">" + pg, "host:" + dbHost + ">host:" + web, "host:" + dbHost + ">host:" + app);

        db.update("delete from hosts where id = ?", app);
        TopologyGraph after = graphs.build(s.organizationId(), s.networkId());
        assertThat(after.groups().get(1).members()).containsExactly(nginx, pg);
        assertThat(edges(after, EdgeKind.GROUP)).extracting(e -> e.source() + ">" + e.target()).containsExactlyInAnyOrder(
                nginx + ">" + pg, "host:" + dbHost + ">host:" + web);
    }
}
