package io.topograph.topology.sample;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.platform.web.ConflictException;
import io.topograph.support.AppTest;
import io.topograph.support.TestDatabase;
import io.topograph.topology.build.InventoryGraphs;
import io.topograph.topology.graph.EdgeKind;
import io.topograph.topology.graph.GraphSubnet;
import io.topograph.topology.graph.NodeKind;
import io.topograph.topology.graph.SubnetKind;
import io.topograph.topology.graph.TopologyGraph;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@MicronautTest(transactional = false)
class SampleNetworksTest extends AppTest {

    @Inject
    DataSource dataSource;
    @Inject
    SampleNetworks samples;
    @Inject
    InventoryGraphs graphs;
    @Inject
    io.topograph.discovery.definitions.DefinitionService definitions;

    @Test
    void the_sample_network_has_typed_subnets_hundreds_of_hosts_containers_gateways_and_groups() {
        TestDatabase db = new TestDatabase(dataSource);
        var owner = signUp("sample");
        UUID org = db.organizationId(owner.slug());
        SampleNetwork loaded = samples.load(org);
        assertThat(loaded.name()).isEqualTo("Sample network");
        assertThat(loaded.hosts()).isBetween(200, 500);
        assertThat(samples.isSample(org, loaded.networkId())).isTrue();

        TopologyGraph g = graphs.build(org, loaded.networkId());
        assertThat(g.subnets()).extracting(GraphSubnet::kind).contains(SubnetKind.LAN, SubnetKind.SERVERS, SubnetKind.DMZ, SubnetKind.WIFI,
                SubnetKind.IOT, SubnetKind.GUEST, SubnetKind.MANAGEMENT, SubnetKind.DOCKER_BRIDGE, SubnetKind.VPN);
        assertThat(g.nodes()).filteredOn(n -> n.hostId() != null).hasSize(loaded.hosts());
        assertThat(g.nodes()).filteredOn(n -> n.kind() == NodeKind.CONTAINER).hasSize(loaded.containers()).isNotEmpty();
        assertThat(g.subnets()).allSatisfy(s -> assertThat(s.gatewayNodeId()).as(s.name()).isNotNull());
        assertThat(g.edges()).extracting(e -> e.kind()).contains(EdgeKind.MULTI_HOMED, EdgeKind.GATEWAY, EdgeKind.CONTAINER_HOST, EdgeKind.GROUP);
        assertThat(g.groups()).hasSize(3).allSatisfy(x -> assertThat(x.members()).hasSizeGreaterThanOrEqualTo(3));
        assertThat(g.nodes()).anyMatch(n -> n.hidden()).anyMatch(n -> "OFFLINE".equals(n.state())).anyMatch(n -> "UNKNOWN".equals(n.state()));
        assertThat(g.nodes()).filteredOn(n -> n.vendor() != null).anyMatch(n -> n.vendor().startsWith("Synology"));

        assertThatThrownBy(() -> samples.load(org)).as("one sample per organization").isInstanceOf(ConflictException.class);

        // The same seed in another organization: the same inventory, other row ids.
        UUID org2 = db.organizationId(signUp("sample-2").slug());
        SampleNetwork again = samples.load(org2);
        TopologyGraph g2 = graphs.build(org2, again.networkId());
        assertThat(g2.nodes()).extracting(n -> n.label() + " " + n.addresses() + " " + n.macs() + " " + n.state())
                .containsExactlyElementsOf(g.nodes().stream().map(n -> n.label() + " " + n.addresses() + " " + n.macs() + " " + n.state()).toList());
        assertThat(g2.nodes().get(0).id()).isNotEqualTo(g.nodes().get(0).id());
    }

    @Test
    void discovery_refuses_to_queue_any_run_on_a_sample_network() {
        TestDatabase db = new TestDatabase(dataSource);
        var owner = signUp("sample-scan");
        UUID org = db.organizationId(owner.slug());
        SampleNetwork loaded = samples.load(org);
        db.insertDaemon(org, loaded.networkId(), "someone's daemon");

        HttpResponse<String> queued = owner.web().json("POST", "/api/v1/networks/" + loaded.networkId() + "/discoveries",
                "{\"targets\":\"10.10.0.0/24\",\"ports\":\"22\"}");
        assertThat(queued.statusCode()).as(queued.body()).isEqualTo(409);
        assertThat(queued.body()).contains("sample network");

        assertThatThrownBy(() -> db.update("insert into discovery_runs (id, organization_id, network_id, trigger, targets, ports, options)"
                + " values (?, ?, ?, 'API', '[\"10.10.0.1\"]', '22', '{}')", UUID.randomUUID(), org, loaded.networkId()))
                .as("the database refuses whatever path inserts the run").hasMessageContaining("must never be scanned");
        assertThat(db.count("select count(*) from discovery_runs where network_id = ?", loaded.networkId())).isZero();

        HttpResponse<String> schedule = owner.web().json("POST", "/api/v1/networks/" + loaded.networkId() + "/discovery-definitions",
                "{\"name\":\"Nightly\",\"targets\":[\"127.0.0.1\"],\"ports\":\"22\",\"cron\":\"0 3 * * *\",\"timezone\":\"UTC\"}");
        assertThat(schedule.statusCode()).as(schedule.body()).isEqualTo(201);
        UUID definitionId = UUID.fromString(schedule.body().replaceAll("(?s).*?\"id\"\\s*:\\s*\"([0-9a-f-]{36})\".*", "$1"));
        assertThat(definitions.fire(org, definitionId, java.time.Instant.parse("2030-01-01T03:00:00Z"))).as("a scheduled fire queues nothing").isEmpty();
        assertThat(db.column("select last_skip_reason from discovery_definitions where id = ?", definitionId).get(0).toString())
                .contains("sample network");
        assertThat(db.count("select count(*) from discovery_runs where network_id = ?", loaded.networkId())).isZero();
    }
}
