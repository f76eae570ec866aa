package io.topograph.topology;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.platform.web.NotFoundException;
import io.topograph.support.AppTest;
import io.topograph.support.TestDatabase;
import io.topograph.topology.build.InventoryGraphs;
import io.topograph.topology.build.SubnetKindService;
import io.topograph.topology.diagrams.Diagram;
import io.topograph.topology.diagrams.DiagramOptions;
import io.topograph.topology.diagrams.TopologyService;
import io.topograph.topology.groups.Group;
import io.topograph.topology.groups.GroupForm;
import io.topograph.topology.groups.GroupService;
import io.topograph.topology.snapshots.SnapshotService;
import io.topograph.topology.snapshots.SnapshotSummary;
import jakarta.inject.Inject;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every topology service method called with another organization's id (and the victim's network,
 * diagram, group, snapshot or subnet ids) finds nothing, and changes nothing of the victim's.
 */
@MicronautTest(transactional = false)
class TopologyTenancyTest extends AppTest {

    @Inject
    DataSource dataSource;
    @Inject
    InventoryGraphs graphs;
    @Inject
    TopologyService topologies;
    @Inject
    GroupService groups;
    @Inject
    SnapshotService snapshots;
    @Inject
    SubnetKindService kinds;

    @Test
    void another_organization_finds_nothing_of_a_networks_topology() {
        TestDatabase db = new TestDatabase(dataSource);
        Inventories inv = new Inventories(db);
        Inventories.Site victim = inv.site(signUp("victim"));
        Inventories.Site intruder = inv.site(signUp("intruder"));
        UUID subnet = inv.subnet(victim, "10.5.0.0/24", "LAN");
        UUID a = inv.host(victim, "a");
        UUID b = inv.host(victim, "b");
        inv.nic(victim, a, subnet, "10.5.0.5", "f8:bc:12:00:05:05");
        Diagram diagram = topologies.diagrams(victim.organizationId(), victim.networkId()).get(0);
        topologies.pin(victim.organizationId(), victim.networkId(), diagram.id(), "host:" + a, 1, 1);
        Group group = groups.create(victim.organizationId(), victim.networkId(),
                new GroupForm("Flow", "PATH", "#123456", "SOLID", List.of("host:" + a, "host:" + b)));
        SnapshotSummary snapshot = snapshots.takeNow(victim.organizationId(), victim.networkId());

        UUID org = intruder.organizationId();
        UUID net = victim.networkId();
        GroupForm form = new GroupForm("Mine", "PATH", "#123456", "SOLID", List.of("host:" + a, "host:" + b));
        Map<String, ThrowableAssert.ThrowingCallable> calls = new java.util.LinkedHashMap<>();
        calls.put("build", () -> graphs.build(org, net));
        calls.put("diagrams", () -> topologies.diagrams(org, net));
        calls.put("diagram", () -> topologies.diagram(org, net, diagram.id()));
        calls.put("diagram via own network", () -> topologies.diagram(org, intruder.networkId(), diagram.id()));
        calls.put("create", () -> topologies.create(org, net, "Mine"));
        calls.put("rename", () -> topologies.rename(org, net, diagram.id(), "Mine"));
        calls.put("delete", () -> topologies.delete(org, net, diagram.id()));
        calls.put("saveOptions", () -> topologies.saveOptions(org, net, diagram.id(), DiagramOptions.defaults()));
        calls.put("positions", () -> topologies.positions(org, net, diagram.id()));
        calls.put("pin", () -> topologies.pin(org, net, diagram.id(), "host:" + a, 2, 2));
        calls.put("pin via own network", () -> topologies.pin(org, intruder.networkId(), diagram.id(), "host:" + a, 2, 2));
        calls.put("unpinAll", () -> topologies.unpinAll(org, net, diagram.id()));
        calls.put("isStale", () -> topologies.isStale(org, net, diagram.id()));
        calls.put("markDrawn", () -> topologies.markDrawn(org, net, diagram.id(), graphs.build(victim.organizationId(), net)));
        calls.put("open", () -> topologies.open(org, net, diagram.id()));
        calls.put("groups", () -> groups.groups(org, net));
        calls.put("group", () -> groups.group(org, net, group.id()));
        calls.put("createGroup", () -> groups.create(org, net, form));
        calls.put("updateGroup", () -> groups.update(org, net, group.id(), form));
        calls.put("deleteGroup", () -> groups.delete(org, net, group.id()));
        calls.put("timeline", () -> snapshots.timeline(org, net));
        calls.put("takeNow", () -> snapshots.takeNow(org, net));
        calls.put("snapshot", () -> snapshots.summary(org, net, snapshot.id()));
        calls.put("snapshot graph", () -> snapshots.graph(org, net, snapshot.id()));
        calls.put("compare", () -> snapshots.compare(org, net, snapshot.id(), null));
        calls.put("chooseKind", () -> kinds.chooseKind(org, net, subnet, "DMZ"));
        calls.forEach((name, call) -> assertThatThrownBy(call).as(name).isInstanceOf(NotFoundException.class));

        assertThat(topologies.diagrams(victim.organizationId(), net)).extracting(Diagram::name).containsExactly("Full network");
        assertThat(topologies.positions(victim.organizationId(), net, diagram.id())).singleElement()
                .satisfies(p -> assertThat(p.x()).isEqualTo(1));
        assertThat(groups.groups(victim.organizationId(), net)).extracting(Group::name).containsExactly("Flow");
        assertThat(snapshots.timeline(victim.organizationId(), net)).hasSize(1);
        assertThat(db.count("select count(*) from topologies where organization_id = ?", org)).isZero();
        assertThat(db.count("select count(*) from topology_snapshots where organization_id = ?", org)).isZero();
        assertThat(db.column("select kind_chosen from subnets where id = ?", subnet)).containsExactly(false);
    }
}
