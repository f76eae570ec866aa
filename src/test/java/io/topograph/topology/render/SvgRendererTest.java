package io.topograph.topology.render;

import io.topograph.topology.SyntheticGraphs;
import io.topograph.topology.graph.EdgeKind;
import io.topograph.topology.graph.GraphEdge;
import io.topograph.topology.graph.GraphGroup;
import io.topograph.topology.graph.GraphNode;
import io.topograph.topology.graph.GraphService;
import io.topograph.topology.graph.GraphSubnet;
import io.topograph.topology.graph.NodeKind;
import io.topograph.topology.graph.SubnetKind;
import io.topograph.topology.graph.TopologyGraph;
import io.topograph.topology.layout.Layout;
import io.topograph.topology.layout.LayoutOptions;
import io.topograph.topology.layout.TopologyLayout;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SvgRendererTest {

    static final String SVG_NS = "http://www.w3.org/2000/svg";
    private static final TopologyGraph GRAPH = SyntheticGraphs.generate(200, 11);

    static String render(TopologyGraph graph, RenderOptions options) {
        return SvgRenderer.render(graph, TopologyLayout.layout(graph, Map.of(), LayoutOptions.defaults()), options);
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    static List<Element> byClass(Document doc, String cls) {
        List<Element> out = new ArrayList<>();
        NodeList all = doc.getElementsByTagNameNS(SVG_NS, "g");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (List.of(e.getAttribute("class").split(" ")).contains(cls)) {
                out.add(e);
            }
        }
        return out;
    }

    @Test
    void same_graph_gives_identical_svg() {
        String a = render(GRAPH, RenderOptions.defaults());
        String b = render(SyntheticGraphs.generate(200, 11), RenderOptions.defaults());
        assertThat(b).isEqualTo(a);
        assertThat(render(SyntheticGraphs.generate(200, 12), RenderOptions.defaults())).isNotEqualTo(a);
    }

    @Test
    void svg_parses_as_xml_with_one_tg_node_per_node_and_its_data_attributes() throws Exception {
        Document doc = parse(render(GRAPH, RenderOptions.defaults()));
        Element root = doc.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(SVG_NS);
        assertThat(root.getAttribute("viewBox")).matches("-?[0-9.]+ -?[0-9.]+ [0-9.]+ [0-9.]+");
        assertThat(doc.getElementsByTagNameNS(SVG_NS, "style").getLength()).isEqualTo(1);
        List<String> ids = byClass(doc, "tg-node").stream().map(e -> e.getAttribute("data-id")).toList();
        assertThat(ids).containsExactlyInAnyOrderElementsOf(GRAPH.nodes().stream().map(GraphNode::id).toList());
        byClass(doc, "tg-node").forEach(e -> assertThat(e.getAttribute("transform")).matches("translate\\(-?[0-9.]+,-?[0-9.]+\\)"));
        assertThat(byClass(doc, "tg-subnet")).hasSize(GRAPH.subnets().size());
        Set<String> drawn = new HashSet<>(ids);
        GRAPH.subnets().forEach(s -> drawn.add(s.id()));
        List<Element> edges = byClass(doc, "tg-edge").stream().filter(e -> e.hasAttribute("data-id")).toList();
        assertThat(edges).isNotEmpty();
        for (Element edge : edges) {
            assertThat(drawn).contains(edge.getAttribute("data-source"), edge.getAttribute("data-target"));
            assertThat(edge.getAttribute("data-kind")).isNotBlank();
        }
    }

    @Test
    void icons_are_symbols_used_by_reference() throws Exception {
        Document doc = parse(render(GRAPH, RenderOptions.defaults()));
        NodeList symbols = doc.getElementsByTagNameNS(SVG_NS, "symbol");
        Set<String> defined = new HashSet<>();
        for (int i = 0; i < symbols.getLength(); i++) {
            defined.add(((Element) symbols.item(i)).getAttribute("id"));
        }
        assertThat(defined).contains("i-host", "i-gateway", "i-internet", "i-container", "i-databases");
        NodeList uses = doc.getElementsByTagNameNS(SVG_NS, "use");
        assertThat(uses.getLength()).isGreaterThan(GRAPH.nodes().size());
        for (int i = 0; i < uses.getLength(); i++) {
            String href = ((Element) uses.item(i)).getAttributeNS("http://www.w3.org/1999/xlink", "href");
            assertThat(defined).contains(href.substring(1));
        }
    }

    @Test
    void text_from_the_graph_is_escaped() throws Exception {
        GraphSubnet subnet = new GraphSubnet("subnet:x", "10.0.0.0/24", "Lab \"A\" & <B>", SubnetKind.LAN, null);
        GraphNode evil = new GraphNode("host:\"><script>", NodeKind.HOST, "1", "<script>", null, "subnet:x",
                List.of("10.0.0.5"), List.of(), null, null, "ONLINE", false,
                List.of(new GraphService("svc:1", "<img src=x onerror=alert(1)>", "web-servers", "x", List.of("80/tcp"), 90)), List.of());
        TopologyGraph graph = new TopologyGraph("n", "Net <&>", List.of(subnet), List.of(evil), List.of(), List.of());
        String svg = render(graph, RenderOptions.defaults());
        assertThat(svg).doesNotContain("<script").doesNotContain("<img").doesNotContain("<B>");
        assertThat(svg).contains(">&lt;script&gt;<").contains("&lt;img src=x onerror=alert(1)&gt;");
        Document doc = parse(svg);
        assertThat(byClass(doc, "tg-node").get(0).getAttribute("data-id")).isEqualTo("host:\"><script>");
        assertThat(doc.getDocumentElement().getTextContent()).contains("<script>", "Lab \"A\" & <B>", "<img src=x onerror=alert(1)>");
    }

    @Test
    void group_edges_are_drawn_in_the_group_colour_and_style() throws Exception {
        Document doc = parse(render(GRAPH, RenderOptions.defaults()));
        GraphGroup path = GRAPH.groups().stream().filter(g -> g.shape() == GraphGroup.Shape.PATH).findFirst().orElseThrow();
        List<Element> groupEdges = byClass(doc, "tg-edge").stream().filter(e -> path.id().equals(e.getAttribute("data-group"))).toList();
        assertThat(groupEdges).hasSize(path.members().size() - 1);
        groupEdges.forEach(e -> {
            assertThat(e.getAttribute("style")).isEqualTo("stroke:" + path.color());
            assertThat(e.getAttribute("class")).contains("gs-dashed").contains("e-group");
        });
    }

    @Test
    void a_group_colour_that_is_not_a_colour_is_never_written() {
        GraphGroup bad = new GraphGroup("group:1", "g", GraphGroup.Shape.PATH, "red;}</style><script>", "SOLID", List.of("host:a", "host:b"));
        GraphNode a = new GraphNode("host:a", NodeKind.HOST, "a", "a", null, null, List.of(), List.of(), null, null, "ONLINE", false, List.of(), List.of());
        GraphNode b = new GraphNode("host:b", NodeKind.HOST, "b", "b", null, null, List.of(), List.of(), null, null, "ONLINE", false, List.of(), List.of());
        GraphEdge edge = new GraphEdge("edge:group:host:a:host:b", EdgeKind.GROUP, "host:a", "host:b", "", "group:1");
        String svg = render(new TopologyGraph("n", "n", List.of(), List.of(a, b), List.of(edge), List.of(bad)), RenderOptions.defaults());
        assertThat(svg).doesNotContain("red;").contains("style=\"stroke:#6f42c1\"");
    }

    @Test
    void highlighted_elements_get_their_diff_class_and_the_legend_explains_it() throws Exception {
        GraphNode node = GRAPH.nodes().get(5);
        GraphEdge edge = GRAPH.edges().get(0);
        GraphSubnet subnet = GRAPH.subnets().get(1);
        Document doc = parse(render(GRAPH, RenderOptions.defaults().withHighlight(
                Map.of(node.id(), "added", edge.id(), "removed", subnet.id(), "changed", GRAPH.nodes().get(6).id(), "bogus"))));
        assertThat(classOf(doc, "tg-node", node.id())).contains("hl-added");
        assertThat(classOf(doc, "tg-edge", edge.id())).contains("hl-removed");
        assertThat(classOf(doc, "tg-subnet", subnet.id())).contains("hl-changed");
        assertThat(classOf(doc, "tg-node", GRAPH.nodes().get(6).id())).doesNotContain("hl-");
        assertThat(byClass(doc, "tg-legend").get(0).getTextContent()).contains("Added", "Removed", "Changed");
    }

    @Test
    void the_legend_can_be_turned_off() throws Exception {
        assertThat(byClass(parse(render(GRAPH, RenderOptions.defaults())), "tg-legend")).hasSize(1);
        assertThat(byClass(parse(render(GRAPH, RenderOptions.defaults().withLegend(false))), "tg-legend")).isEmpty();
    }

    @Test
    void offline_nodes_are_dimmed() throws Exception {
        Document doc = parse(render(GRAPH, RenderOptions.defaults()));
        GraphNode offline = GRAPH.nodes().stream().filter(n -> "OFFLINE".equals(n.state())).findFirst().orElseThrow();
        GraphNode online = GRAPH.nodes().stream().filter(n -> "ONLINE".equals(n.state())).findFirst().orElseThrow();
        assertThat(classOf(doc, "tg-node", offline.id()).split(" ")).contains("off");
        assertThat(classOf(doc, "tg-node", online.id()).split(" ")).doesNotContain("off");
    }

    @Test
    void addresses_ports_and_categories_follow_the_options() {
        GraphNode host = GRAPH.nodes().stream().filter(n -> n.kind() == NodeKind.HOST && n.primaryAddress() != null
                && n.services().stream().anyMatch(s -> s.category().equals("remote-access"))).findFirst().orElseThrow();
        TopologyGraph one = new TopologyGraph("n", "n", List.of(), List.of(host), List.of(), List.of());
        String plain = render(one, RenderOptions.defaults());
        assertThat(plain).contains(">" + host.primaryAddress() + "<").contains("i-remote-access");
        assertThat(render(one, RenderOptions.defaults().withShowAddresses(false))).doesNotContain(host.primaryAddress());
        assertThat(render(one, RenderOptions.defaults().withCategories(Set.of("mail")))).doesNotContain("#i-remote-access");
        String port = host.services().stream().filter(s -> s.category().equals("remote-access")).findFirst().orElseThrow()
                .ports().get(0).replace("/tcp", "");
        assertThat(render(one, RenderOptions.defaults().withShowPorts(true))).containsPattern("class=\"p\"[^>]*>[^<]*" + port);
        assertThat(plain).doesNotContain("class=\"p\"");
    }

    @Test
    void a_node_shows_at_most_three_service_badges_and_a_count_of_the_rest() throws Exception {
        List<GraphService> services = new ArrayList<>();
        for (String category : List.of("databases", "mail", "media", "storage", "printers")) {
            services.add(new GraphService("svc:" + category, category, category, category, List.of("1/tcp"), 90));
        }
        GraphNode host = new GraphNode("host:a", NodeKind.HOST, "a", "a", null, null, List.of("10.0.0.1"), List.of(), null, null,
                "ONLINE", false, services, List.of());
        Document doc = parse(render(new TopologyGraph("n", "n", List.of(), List.of(host), List.of(), List.of()), RenderOptions.defaults()));
        Element node = byClass(doc, "tg-node").get(0);
        NodeList uses = node.getElementsByTagNameNS(SVG_NS, "use");
        long badges = 0;
        for (int i = 0; i < uses.getLength(); i++) {
            badges += ((Element) uses.item(i)).getAttribute("class").equals("sv") ? 1 : 0;
        }
        assertThat(badges).isEqualTo(NodeWriter.MAX_BADGES);
        assertThat(node.getTextContent()).contains("+2");
    }

    @Test
    void hidden_data_never_reaches_the_output() {
        // what the renderer may show of a node: label, primary address, service names and ports; never MACs, hostnames or OS
        String svg = render(GRAPH, RenderOptions.defaults());
        GRAPH.nodes().stream().flatMap(n -> n.macs().stream()).limit(50).forEach(mac -> assertThat(svg).doesNotContain(mac));
        assertThat(svg).doesNotContain(".example.internal").doesNotContain("Linux");
        GraphNode hidden = GRAPH.nodes().get(3);
        List<GraphNode> nodes = new ArrayList<>(GRAPH.nodes());
        nodes.set(3, new GraphNode(hidden.id(), hidden.kind(), hidden.hostId(), hidden.label(), hidden.hostname(), hidden.subnetId(),
                hidden.addresses(), hidden.macs(), hidden.os(), hidden.vendor(), hidden.state(), true, hidden.services(), hidden.tags()));
        String without = render(new TopologyGraph(GRAPH.networkId(), GRAPH.networkName(), GRAPH.subnets(), nodes, GRAPH.edges(), GRAPH.groups()),
                RenderOptions.defaults());
        assertThat(without).doesNotContain("data-id=\"" + hidden.id() + "\"");
    }

    @Test
    void a_collapsed_subnet_shows_its_host_count() throws Exception {
        GraphSubnet office = GRAPH.subnets().stream().filter(s -> s.name().equals("Office")).findFirst().orElseThrow();
        long count = GRAPH.nodes().stream().filter(n -> office.id().equals(n.subnetId())).count();
        Layout layout = TopologyLayout.layout(GRAPH, Map.of(), LayoutOptions.defaults().withCollapsed(Set.of(office.id())));
        Document doc = parse(SvgRenderer.render(GRAPH, layout, RenderOptions.defaults()));
        Element box = byClass(doc, "tg-subnet").stream().filter(e -> e.getAttribute("data-id").equals(office.id())).findFirst().orElseThrow();
        assertThat(box.getAttribute("data-collapsed")).isEqualTo("true");
        assertThat(box.getTextContent()).contains(count + " hosts");
        assertThat(byClass(doc, "tg-node")).hasSize((int) (GRAPH.nodes().size() - count));
    }

    private static String classOf(Document doc, String cls, String id) {
        return byClass(doc, cls).stream().filter(e -> e.getAttribute("data-id").equals(id)).findFirst().orElseThrow().getAttribute("class");
    }
}
