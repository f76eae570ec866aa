package io.topograph.topology.diagrams;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.platform.web.ConflictException;
import io.topograph.platform.web.ValidationException;
import io.topograph.support.AppTest;
import io.topograph.support.TestDatabase;
import io.topograph.topology.Inventories;
import io.topograph.topology.build.InventoryGraphs;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@MicronautTest(transactional = false)
class TopologyServiceTest extends AppTest {

    @Inject
    DataSource dataSource;
    @Inject
    TopologyService topologies;
    @Inject
    InventoryGraphs graphs;

    TestDatabase db;
    Inventories inv;
    Inventories.Site s;

    @BeforeEach
    void setUp() {
        db = new TestDatabase(dataSource);
        inv = new Inventories(db);
        s = inv.site(signUp("diagrams"));
    }

    @Test
    void the_first_listing_creates_the_full_network_diagram_once() {
        List<Diagram> first = topologies.diagrams(s.organizationId(), s.networkId());
        assertThat(first).extracting(Diagram::name).containsExactly("Full network");
        assertThat(first.get(0).options()).isEqualTo(DiagramOptions.defaults());
        assertThat(topologies.diagrams(s.organizationId(), s.networkId())).isEqualTo(first);
        assertThat(db.count("select count(*) from topologies where network_id = ?", s.networkId())).isEqualTo(1);
    }

    @Test
    void names_are_required_at_most_80_characters_and_unique_per_network_ignoring_case() {
        topologies.diagrams(s.organizationId(), s.networkId());
        Diagram dmz = topologies.create(s.organizationId(), s.networkId(), "  DMZ only ");
        assertThat(dmz.name()).isEqualTo("DMZ only");
        assertThatThrownBy(() -> topologies.create(s.organizationId(), s.networkId(), "dmz ONLY"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors().get("name")).contains("already has a diagram"));
        assertThatThrownBy(() -> topologies.create(s.organizationId(), s.networkId(), " ")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> topologies.create(s.organizationId(), s.networkId(), "x".repeat(81))).isInstanceOf(ValidationException.class);
        assertThat(topologies.create(s.organizationId(), s.networkId(), "x".repeat(80)).name()).hasSize(80);
        assertThat(topologies.rename(s.organizationId(), s.networkId(), dmz.id(), "Perimeter").name()).isEqualTo("Perimeter");
        assertThat(topologies.rename(s.organizationId(), s.networkId(), dmz.id(), "perimeter").name()).as("its own name, recased").isEqualTo("perimeter");
        assertThatThrownBy(() -> topologies.rename(s.organizationId(), s.networkId(), dmz.id(), "Full Network"))
                .isInstanceOf(ValidationException.class);
        assertThat(topologies.diagrams(s.organizationId(), s.networkId())).hasSize(3);
    }

    @Test
    void the_last_diagram_cannot_be_deleted_and_deleting_one_removes_its_pins() {
        Diagram full = topologies.diagrams(s.organizationId(), s.networkId()).get(0);
        assertThatThrownBy(() -> topologies.delete(s.organizationId(), s.networkId(), full.id())).isInstanceOf(ConflictException.class);
        Diagram other = topologies.create(s.organizationId(), s.networkId(), "Other");
        UUID host = inv.host(s, "pinned");
        topologies.pin(s.organizationId(), s.networkId(), other.id(), "host:" + host, 1, 2);
        topologies.delete(s.organizationId(), s.networkId(), other.id());
        assertThat(topologies.diagrams(s.organizationId(), s.networkId())).extracting(Diagram::id).containsExactly(full.id());
        assertThat(db.count("select count(*) from topology_positions where topology_id = ?", other.id())).isZero();
        assertThatThrownBy(() -> topologies.delete(s.organizationId(), s.networkId(), full.id())).isInstanceOf(ConflictException.class);
    }

    @Test
    void pins_are_upserted_kept_across_rebuilds_refused_for_unknown_nodes_and_cleared_by_unpinning() {
        Diagram d = topologies.diagrams(s.organizationId(), s.networkId()).get(0);
        UUID lan = inv.subnet(s, "10.4.0.0/24", "");
        UUID host = inv.host(s, "a");
        inv.nic(s, host, lan, "10.4.0.5", "f8:bc:12:00:04:05");
        inv.container(s, host, "c0ffee", "web", "running", "10.4.0.50");
        topologies.pin(s.organizationId(), s.networkId(), d.id(), "host:" + host, 10, 20);
        topologies.pin(s.organizationId(), s.networkId(), d.id(), "host:" + host, 30.5, -40);
        topologies.pin(s.organizationId(), s.networkId(), d.id(), "subnet:" + lan, 0, 0);
        topologies.pin(s.organizationId(), s.networkId(), d.id(), "container:" + host + ":c0ffee", 5, 5);
        inv.host(s, "b"); // a rescan adds a host: pins stay
        assertThat(topologies.open(s.organizationId(), s.networkId(), d.id()).pins()).containsExactly(
                new NodePosition("container:" + host + ":c0ffee", 5, 5), new NodePosition("host:" + host, 30.5, -40),
                new NodePosition("subnet:" + lan, 0, 0));

        for (String bad : List.of("host:" + UUID.randomUUID(), "host:nope", "container:" + host + ":missing", "svc:x", "")) {
            assertThatThrownBy(() -> topologies.pin(s.organizationId(), s.networkId(), d.id(), bad, 1, 1)).as(bad)
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors().has("nodeId")).isTrue());
        }
        assertThatThrownBy(() -> topologies.pin(s.organizationId(), s.networkId(), d.id(), "host:" + host, Double.NaN, 1))
                .isInstanceOf(ValidationException.class);
        assertThat(topologies.positions(s.organizationId(), s.networkId(), d.id())).hasSize(3);

        assertThat(topologies.unpinAll(s.organizationId(), s.networkId(), d.id())).isEqualTo(3);
        assertThat(topologies.positions(s.organizationId(), s.networkId(), d.id())).isEmpty();
    }

    @Test
    void options_are_saved_per_diagram_and_applied_when_opened() {
        Diagram d = topologies.diagrams(s.organizationId(), s.networkId()).get(0);
        UUID visible = inv.host(s, "visible");
        UUID hidden = inv.host(s, "hidden", true, 0, true);
        DiagramOptions showHidden = new DiagramOptions(List.of("web-server"), false, false, true, null, List.of(), List.of());
        assertThat(topologies.saveOptions(s.organizationId(), s.networkId(), d.id(), showHidden).options()).isEqualTo(showHidden);
        OpenDiagram open = topologies.open(s.organizationId(), s.networkId(), d.id());
        assertThat(open.shown().nodes()).extracting(n -> n.id()).contains("host:" + visible, "host:" + hidden);
        assertThat(topologies.create(s.organizationId(), s.networkId(), "Second").options()).isEqualTo(DiagramOptions.defaults());
        assertThatThrownBy(() -> topologies.saveOptions(s.organizationId(), s.networkId(), d.id(),
                new DiagramOptions(null, true, true, false, null, List.of(), List.of("subnet:bad")))).isInstanceOf(ValidationException.class);
        assertThat(topologies.diagram(s.organizationId(), s.networkId(), d.id()).options()).isEqualTo(showHidden);
    }

    @Test
    void a_diagram_is_stale_once_what_it_shows_changed_since_it_was_drawn() {
        Diagram d = topologies.diagrams(s.organizationId(), s.networkId()).get(0);
        UUID host = inv.host(s, "h");
        assertThat(topologies.isStale(s.organizationId(), s.networkId(), d.id())).as("never drawn").isFalse();
        topologies.markDrawn(s.organizationId(), s.networkId(), d.id(), graphs.build(s.organizationId(), s.networkId()));
        assertThat(topologies.isStale(s.organizationId(), s.networkId(), d.id())).isFalse();
        db.update("update hosts set last_seen = now() + interval '1 hour' where id = ?", host);
        assertThat(topologies.isStale(s.organizationId(), s.networkId(), d.id())).as("a rescan seeing the same is no change").isFalse();
        db.update("update hosts set online = false, missed_runs = 3 where id = ?", host);
        assertThat(topologies.isStale(s.organizationId(), s.networkId(), d.id())).isTrue();
        assertThat(topologies.open(s.organizationId(), s.networkId(), d.id()).stale()).isTrue();
    }
}
