package io.topograph.topology.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.support.AppTest;
import io.topograph.support.TestDatabase;
import io.topograph.topology.Inventories;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import javax.imageio.ImageIO;
import javax.sql.DataSource;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/v1/networks/{id}/topology.<ext>} over a real inventory in PostgreSQL, with API keys. */
@MicronautTest(transactional = false)
class TopologyExportsApiTest extends AppTest {

    @Inject
    DataSource dataSource;

    Inventories inv;

    @BeforeEach
    void setUp() {
        inv = new Inventories(new TestDatabase(dataSource));
    }

    @Test
    void every_format_downloads_the_networks_diagram_with_its_content_type_and_file_name() throws Exception {
        TopologyApiFixture.Net net = TopologyApiFixture.network(inv, base(), signUp("exports"));
        String web = net.web().toString();
        String db = net.db().toString();

        HttpResponse<byte[]> svg = download(net, "/topology.svg", "image/svg+xml", ".svg");
        String svgText = text(svg);
        Document svgDoc = xml(svgText);
        assertThat(svgDoc.getDocumentElement().getLocalName() == null ? svgDoc.getDocumentElement().getNodeName()
                : svgDoc.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(svgText).contains("host:" + web).contains("host:" + db).contains("web-1");

        String drawio = text(download(net, "/topology.drawio", "application/xml", ".drawio"));
        assertThat(xml(drawio).getDocumentElement().getNodeName()).isEqualTo("mxfile");
        assertThat(drawio).contains("host:" + web).contains("host:" + db);

        BufferedImage png = ImageIO.read(new ByteArrayInputStream(download(net, "/topology.png", "image/png", ".png").body()));
        assertThat(png).as("decodes as an image").isNotNull();
        assertThat(png.getWidth()).isGreaterThan(50);

        String mermaid = text(download(net, "/topology.mmd", "text/plain", ".mmd"));
        assertThat(mermaid).startsWith("flowchart").contains("web-1").contains("db-1");

        JsonNode json = new ObjectMapper().readTree(download(net, "/topology.json", "application/json", ".json").body());
        assertThat(json.toString()).contains("host:" + web).contains("host:" + db);

        List<String> hosts = lines(text(download(net, "/topology.hosts.csv", "text/csv", ".hosts.csv")));
        assertThat(hosts.get(0)).startsWith("id,kind,label");
        assertThat(hosts).hasSize(3);
        assertThat(hosts.subList(1, 3)).anyMatch(l -> l.startsWith("host:" + web)).anyMatch(l -> l.startsWith("host:" + db));

        List<String> services = lines(text(download(net, "/topology.services.csv", "text/csv", ".services.csv")));
        assertThat(services.get(0)).startsWith("node_id,node_label,service_id");
        assertThat(services).hasSize(3);
        assertThat(String.join("\n", services)).contains("nginx").contains("PostgreSQL");
    }

    @Test
    void the_diagram_parameter_chooses_the_saved_diagram_and_a_bad_one_answers_400() {
        TopologyApiFixture.Net net = TopologyApiFixture.network(inv, base(), signUp("chooser"));
        HttpResponse<String> created = net.owner().send("POST", net.path("/diagrams"), "{\"name\":\"Frontend only\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String diagram = TopologyApiFixture.json(created).get("id").asText();
        HttpResponse<String> filtered = net.owner().send("PUT", net.path("/diagrams/" + diagram),
                "{\"options\":{\"showPorts\":true,\"showContainers\":true,\"showHidden\":false,\"tags\":[\"frontend\"],\"collapsedSubnets\":[]}}");
        assertThat(filtered.statusCode()).as(filtered.body()).isEqualTo(200);

        String all = text(net.owner().getBytes(net.path("/topology.svg")));
        assertThat(all).as("default: the first diagram, everything").contains("host:" + net.web()).contains("host:" + net.db());
        String chosen = text(net.owner().getBytes(net.path("/topology.svg?diagram=" + diagram)));
        assertThat(chosen).contains("host:" + net.web()).doesNotContain("host:" + net.db());
        assertThat(text(net.owner().getBytes(net.path("/topology.hosts.csv?diagram=" + diagram)))).doesNotContain("db-1");

        for (String bad : List.of("nope", "1234", UUID.randomUUID() + "x")) {
            HttpResponse<String> r = net.owner().get(net.path("/topology.svg?diagram=" + bad));
            assertThat(r.statusCode()).as(bad).isEqualTo(400);
            assertThat(TopologyApiFixture.json(r).get("errors").findValuesAsText("field")).containsExactly("diagram");
            assertThat(TopologyApiFixture.json(r).get("message").asText()).isNotBlank();
        }
        assertThat(net.owner().getBytes(net.path("/topology.svg?diagram=" + UUID.randomUUID())).statusCode())
                .as("a diagram of no network").isEqualTo(404);
    }

    @Test
    void another_organizations_network_and_diagram_answer_404_for_every_format() {
        TopologyApiFixture.Net victim = TopologyApiFixture.network(inv, base(), signUp("victim"));
        TopologyApiFixture.Net intruder = TopologyApiFixture.network(inv, base(), signUp("intruder"));
        String victimDiagram = TopologyApiFixture.json(victim.owner().get(victim.path("/diagrams"))).get(0).get("id").asText();
        for (String ext : List.of("svg", "png", "mmd", "drawio", "json", "hosts.csv", "services.csv")) {
            HttpResponse<byte[]> theirs = intruder.owner().getBytes(victim.path("/topology." + ext));
            assertThat(theirs.statusCode()).as(ext).isEqualTo(404);
            assertThat(text(theirs)).as(ext).doesNotContain("web-1");
            assertThat(intruder.owner().getBytes(victim.path("/topology." + ext + "?diagram=nope")).statusCode()).as("visibility first")
                    .isEqualTo(404);
            assertThat(intruder.owner().getBytes(intruder.path("/topology." + ext + "?diagram=" + victimDiagram)).statusCode())
                    .as("their diagram through my network: " + ext).isEqualTo(404);
            assertThat(victim.owner().getBytes(victim.path("/topology." + ext)).statusCode()).as(ext).isEqualTo(200);
        }
    }

    private static HttpResponse<byte[]> download(TopologyApiFixture.Net net, String path, String type, String suffix) {
        HttpResponse<byte[]> r = net.owner().getBytes(net.path(path));
        assertThat(r.statusCode()).as(path + ": " + text(r)).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).as(path).startsWith(type);
        assertThat(r.headers().firstValue("Content-Disposition").orElseThrow()).as(path)
                .matches("attachment; filename=\"[a-z0-9-]+" + suffix.replace(".", "\\.") + "\"");
        return r;
    }

    private static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    private static List<String> lines(String csv) {
        return Arrays.stream(csv.split("\r?\n")).filter(l -> !l.isBlank()).toList();
    }

    private static Document xml(String text) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

}
