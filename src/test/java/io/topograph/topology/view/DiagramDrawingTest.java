package io.topograph.topology.view;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.support.AppTest;
import io.topograph.support.TestDatabase;
import io.topograph.topology.diagrams.TopologyService;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class DiagramDrawingTest extends AppTest {

    @Inject
    DataSource dataSource;
    @Inject
    DiagramDrawing drawing;
    @Inject
    TopologyService diagrams;

    @Test
    void drawing_for_the_page_records_it_but_a_download_leaves_the_stale_marker_alone() {
        TestDatabase db = new TestDatabase(dataSource);
        var owner = signUp("drawing-stale");
        UUID org = db.organizationId(owner.slug());
        UUID net = db.networkId(owner.slug(), "Home network");
        UUID diagram = diagrams.diagrams(org, net).get(0).id();

        drawing.draw(org, net, diagram);
        assertThat(diagrams.isStale(org, net, diagram)).isFalse();
        db.update("insert into hosts (id, organization_id, network_id, name) values (?, ?, ?, 'printer-2')", UUID.randomUUID(), org, net);
        assertThat(diagrams.isStale(org, net, diagram)).as("a host appeared since the page drew it").isTrue();

        DrawnDiagram file = drawing.current(org, net, diagram);
        assertThat(file.svg()).contains("printer-2");
        assertThat(diagrams.isStale(org, net, diagram)).as("a download does not clear it").isTrue();
        drawing.draw(org, net, diagram);
        assertThat(diagrams.isStale(org, net, diagram)).isFalse();
    }

    @Test
    void download_names_are_safe_ascii_slugs() {
        assertThat(DiagramExports.fileName("Büro — 2nd floor / DMZ")).isEqualTo("buro-2nd-floor-dmz");
        assertThat(DiagramExports.fileName("  ")).isEqualTo("topology");
    }
}
