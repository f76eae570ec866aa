package io.topograph.topology.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.topograph.topology.SyntheticGraphs;
import io.topograph.topology.graph.GraphEdge;
import io.topograph.topology.graph.GraphNode;
import io.topograph.topology.graph.GraphSubnet;
import io.topograph.topology.graph.NodeKind;
import io.topograph.topology.graph.SubnetKind;
import io.topograph.topology.graph.TopologyGraph;
import io.topograph.topology.layout.Layout;
import io.topograph.topology.layout.LayoutOptions;
import io.topograph.topology.layout.TopologyLayout;
import io.topograph.topology.render.RenderOptions;
import io.topograph.topology.render.SvgRenderer;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class ExportsTest {

    private static final TopologyGraph GRAPH = SyntheticGraphs.generate(120, 5);
    private static final Layout LAYOUT = TopologyLayout.layout(GRAPH, Map.of(), LayoutOptions.defaults());

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void drawio_parses_as_xml_with_every_node_and_edges_between_existing_cells() throws Exception {
        Document doc = parse(DrawioExport.toDrawio(GRAPH, LAYOUT));
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("mxfile");
        assertThat(doc.getElementsByTagName("diagram").getLength()).isEqualTo(1);
        assertThat(doc.getElementsByTagName("mxGraphModel").getLength()).isEqualTo(1);
        NodeList cells = doc.getElementsByTagName("mxCell");
        Map<String, Element> byId = new HashMap<>();
        for (int i = 0; i < cells.getLength(); i++) {
            Element cell = (Element) cells.item(i);
            assertThat(byId.put(cell.getAttribute("id"), cell)).as("duplicate id " + cell.getAttribute("id")).isNull();
        }
        assertThat(byId.get("0").hasAttribute("parent")).isFalse();
        assertThat(byId.get("1").getAttribute("parent")).isEqualTo("0");
        for (GraphNode node : GRAPH.nodes()) {
            Element cell = byId.get(node.id());
            assertThat(cell).as(node.id()).isNotNull();
            assertThat(cell.getAttribute("vertex")).isEqualTo("1");
            assertThat(byId).containsKey(cell.getAttribute("parent"));
            assertThat(cell.getElementsByTagName("mxGeometry").getLength()).isEqualTo(1);
        }
        GRAPH.subnets().forEach(s -> assertThat(byId.get(s.id()).getAttribute("style")).contains("container=1"));
        long edges = 0;
        for (Element cell : byId.values()) {
            if (cell.getAttribute("edge").equals("1")) {
                edges++;
                assertThat(byId).containsKeys(cell.getAttribute("source"), cell.getAttribute("target"));
            }
        }
        assertThat(edges).isEqualTo(LAYOUT.edges().size()).isPositive();
        // a hosted node's geometry is relative to its subnet container
        GraphNode inside = GRAPH.nodes().stream().filter(n -> n.subnetId() != null).findFirst().orElseThrow();
        Element geometry = (Element) byId.get(inside.id()).getElementsByTagName("mxGeometry").item(0);
        assertThat(byId.get(inside.id()).getAttribute("parent")).isEqualTo(inside.subnetId());
        assertThat(Double.parseDouble(geometry.getAttribute("x")))
                .isEqualTo(LAYOUT.nodes().get(inside.id()).x() - LAYOUT.subnets().get(inside.subnetId()).x());
    }

    @Test
    void mermaid_has_a_subgraph_per_subnet_and_each_node_once() {
        String text = MermaidExport.toMermaid(GRAPH);
        assertThat(text).startsWith("flowchart LR\n");
        assertThat(Pattern.compile("(?m)^\\s*subgraph s\\d+\\[\"").matcher(text).results().count()).isEqualTo(GRAPH.subnets().size());
        assertThat(Pattern.compile("(?m)^\\s*end$").matcher(text).results().count()).isEqualTo(GRAPH.subnets().size());
        Matcher declarations = Pattern.compile("(?m)^\\s*(n\\d+)[\\[({/]").matcher(text);
        List<String> declared = declarations.results().map(r -> r.group(1)).toList();
        assertThat(declared).hasSize(GRAPH.nodes().size()).doesNotHaveDuplicates();
        Set<String> known = new HashSet<>(declared);
        Matcher links = Pattern.compile("(?m)^\\s*([ns]\\d+) (==>|-\\.-|-->|-\\.->|===)(\\|\"[^\"]*\"\\|)? ([ns]\\d+)$").matcher(text);
        long count = 0;
        while (links.find()) {
            count++;
            for (String end : List.of(links.group(1), links.group(4))) {
                assertThat(end.startsWith("s") || known.contains(end)).as(end).isTrue();
            }
        }
        assertThat(count).isPositive();
    }

    @Test
    void mermaid_labels_cannot_break_out_of_their_quotes() {
        GraphSubnet subnet = new GraphSubnet("subnet:x", "10.0.0.0/24", "a\"]; click n1 call x", SubnetKind.LAN, null);
        GraphNode node = new GraphNode("host:1", NodeKind.HOST, "1", "x\"] --> y[\"<b>", null, "subnet:x", List.of(), List.of(), null, null,
                "ONLINE", false, List.of(), List.of());
        String text = MermaidExport.toMermaid(new TopologyGraph("n", "n", List.of(subnet), List.of(node), List.of(), List.of()));
        assertThat(text).contains("subgraph s1[\"a#quot;]#59; click n1 call x").contains("n1[\"x#quot;] --#gt; y[#quot;#lt;b#gt;\"]");
        assertThat(text.lines().filter(l -> !l.isBlank()).count()).isEqualTo(4);
    }

    @Test
    void csv_quotes_per_rfc_4180_and_defuses_formulas() {
        GraphNode node = new GraphNode("host:1", NodeKind.HOST, "1", "=HYPERLINK(\"x\",\"y\")", "a,b", null, List.of("10.0.0.1"),
                List.of(), "line\nbreak", "-vendor", "ONLINE", false, List.of(), List.of("@tag"));
        String csv = CsvExport.hosts(new TopologyGraph("n", "n", List.of(), List.of(node), List.of(), List.of()));
        List<List<String>> rows = parseCsv(csv);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).isEqualTo(CsvExport.HOST_COLUMNS);
        Map<String, String> row = new HashMap<>();
        for (int i = 0; i < rows.get(0).size(); i++) {
            row.put(rows.get(0).get(i), rows.get(1).get(i));
        }
        assertThat(row.get("label")).isEqualTo("'=HYPERLINK(\"x\",\"y\")");
        assertThat(row.get("hostname")).isEqualTo("a,b");
        assertThat(row.get("os")).isEqualTo("line\nbreak");
        assertThat(row.get("vendor")).isEqualTo("'-vendor");
        assertThat(row.get("tags")).isEqualTo("'@tag");
        assertThat(csv).endsWith("\r\n").contains("\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"");
    }

    @Test
    void csv_of_services_has_one_row_per_service_of_a_shown_node() {
        long services = GRAPH.nodes().stream().mapToLong(n -> n.services().size()).sum();
        List<List<String>> rows = parseCsv(CsvExport.services(GRAPH));
        assertThat(rows.get(0)).isEqualTo(CsvExport.SERVICE_COLUMNS);
        assertThat(rows).hasSize((int) services + 1);
    }

    @Test
    void json_carries_the_graph_and_the_positions() throws Exception {
        JsonNode json = new ObjectMapper().readTree(JsonExport.toJson(GRAPH, LAYOUT));
        assertThat(json.get("format").asText()).isEqualTo(JsonExport.FORMAT);
        assertThat(json.at("/graph/nodes")).hasSize(GRAPH.nodes().size());
        GraphNode node = GRAPH.nodes().get(4);
        assertThat(json.at("/layout/nodes").get(node.id()).get("x").asDouble()).isEqualTo(LAYOUT.nodes().get(node.id()).x());
        GraphEdge edge = GRAPH.edges().stream().filter(e -> LAYOUT.edges().containsKey(e.id())).findFirst().orElseThrow();
        assertThat(json.at("/layout/edges").get(edge.id()).get("points")).hasSize(2);
        assertThat(JsonExport.toJson(GRAPH, LAYOUT)).isEqualTo(JsonExport.toJson(SyntheticGraphs.generate(120, 5), LAYOUT));
    }

    @Test
    void png_decodes_with_the_aspect_of_the_svg_and_respects_the_size_cap() throws Exception {
        String svg = SvgRenderer.render(GRAPH, LAYOUT, RenderOptions.defaults());
        Matcher size = Pattern.compile("<svg[^>]* width=\"([0-9.]+)\" height=\"([0-9.]+)\"").matcher(svg);
        assertThat(size.find()).isTrue();
        double aspect = Double.parseDouble(size.group(1)) / Double.parseDouble(size.group(2));
        byte[] png = PngExport.toPng(svg, 1.0, 1200);
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(Math.max(image.getWidth(), image.getHeight())).isEqualTo(1200);
        assertThat((double) image.getWidth() / image.getHeight()).isCloseTo(aspect, org.assertj.core.data.Offset.offset(0.02));
        // the picture is drawn, not blank: the centre region holds more than one colour
        Set<Integer> colours = new HashSet<>();
        for (int x = 0; x < image.getWidth(); x += 7) {
            for (int y = 0; y < image.getHeight(); y += 7) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertThat(colours.size()).isGreaterThan(5);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "topology-sample.png"), png);
        Files.writeString(Path.of("target", "topology-sample.svg"), svg);
    }

    /** A strict RFC 4180 reader, to check what the writer produced. */
    static List<List<String>> parseCsv(String csv) {
        List<List<String>> rows = new java.util.ArrayList<>();
        List<String> row = new java.util.ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new java.util.ArrayList<>();
                i++;
            } else {
                assertThat(c).as("bare quote or line break outside quotes at " + i).isNotIn('"', '\n', '\r');
                cell.append(c);
            }
        }
        assertThat(row).isEmpty();
        return rows;
    }
}
