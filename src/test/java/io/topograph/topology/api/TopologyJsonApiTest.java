package io.topograph.topology.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.support.AppTest;
import io.topograph.support.BearerClient;
import io.topograph.support.TestDatabase;
import io.topograph.topology.Inventories;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import static io.topograph.topology.api.TopologyApiFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Diagrams, pins, staleness, groups, snapshots and the sample network through {@code /api/v1}, over PostgreSQL. */
@MicronautTest(transactional = false)
class TopologyJsonApiTest extends AppTest {

    @Inject
    DataSource dataSource;

    TestDatabase db;
    Inventories inv;

    @BeforeEach
    void setUp() {
        db = new TestDatabase(dataSource);
        inv = new Inventories(db);
    }

    @Test
    void diagrams_are_listed_created_renamed_with_options_pinned_unpinned_and_deleted_but_never_the_last() {
        TopologyApiFixture.Net net = TopologyApiFixture.network(inv, base(), signUp("diagrams"));
        BearerClient api = net.owner();
        JsonNode list = json(api.get(net.path("/diagrams")));
        assertThat(list).hasSize(1);
        String first = list.get(0).get("id").asText();
        assertThat(list.get(0).get("name").asText()).isEqualTo("Full network");

        HttpResponse<String> created = api.send("POST", net.path("/diagrams"), "{\"name\":\"  Servers \"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String second = json(created).get("id").asText();
        assertThat(created.headers().firstValue("Location").orElseThrow()).endsWith("/diagrams/" + second);
        assertThat(json(created).get("name").asText()).isEqualTo("Servers");

        HttpResponse<String> updated = api.send("PUT", net.path("/diagrams/" + second), "{\"name\":\"Core\",\"options\":{\"showPorts\":false,"
                + "\"showContainers\":true,\"showHidden\":true,\"tags\":[],\"collapsedSubnets\":[\"subnet:" + net.subnet() + "\"]}}");
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        JsonNode core = json(api.get(net.path("/diagrams/" + second)));
        assertThat(core.get("name").asText()).isEqualTo("Core");
        assertThat(core.at("/options/showPorts").asBoolean()).isFalse();
        assertThat(core.at("/options/collapsedSubnets/0").asText()).isEqualTo("subnet:" + net.subnet());

        HttpResponse<String> pinned = api.send("PUT", net.path("/diagrams/" + first + "/positions/host:" + net.web()), "{\"x\": 120.5, \"y\": -40}");
        assertThat(pinned.statusCode()).as(pinned.body()).isEqualTo(200);
        assertThat(json(pinned).get("x").asDouble()).isEqualTo(120.5);
        api.send("PUT", net.path("/diagrams/" + first + "/positions/host:" + net.web()), "{\"x\": 10, \"y\": 20}");
        JsonNode positions = json(api.get(net.path("/diagrams/" + first))).get("positions");
        assertThat(positions).hasSize(1);
        assertThat(positions.get(0).get("y").asDouble()).as("pinning again moves it").isEqualTo(20);
        HttpResponse<String> unpinned = api.send("DELETE", net.path("/diagrams/" + first + "/positions"), null);
        assertThat(json(unpinned).get("unpinned").asInt()).isEqualTo(1);
        assertThat(json(api.get(net.path("/diagrams/" + first))).get("positions")).isEmpty();

        assertThat(api.send("DELETE", net.path("/diagrams/" + second), null).statusCode()).isEqualTo(204);
        HttpResponse<String> last = api.send("DELETE", net.path("/diagrams/" + first), null);
        assertThat(last.statusCode()).isEqualTo(409);
        assertThat(json(last).get("message").asText()).contains("only diagram");
        assertThat(json(api.get(net.path("/diagrams")))).hasSize(1);
    }

    @Test
    void bad_diagram_input_answers_422_naming_the_fields_and_writes_nothing() {
        TopologyApiFixture.Net net = TopologyApiFixture.network(inv, base(), signUp("invalid"));
        BearerClient api = net.owner();
        String first = json(api.get(net.path("/diagrams"))).get(0).get("id").asText();

        assertThat(fields(api.send("POST", net.path("/diagrams"), "{\"name\":\" \"}"))).containsExactly("name");
        assertThat(fields(api.send("POST", net.path("/diagrams"), "{\"name\":\"Full network\"}"))).as("taken").containsExactly("name");
        assertThat(fields(api.send("POST", net.path("/diagrams"), "{\"name\":\"" + "n".repeat(81) + "\"}"))).containsExactly("name");
        assertThat(fields(api.send("PUT", net.path("/diagrams/" + first), "{\"name\":\"Renamed\",\"options\":{\"tags\":[],"
                + "\"collapsedSubnets\":[\"10.0.0.0/24\"]}}"))).containsExactly("collapsedSubnets");
        assertThat(json(api.get(net.path("/diagrams/" + first))).get("name").asText()).as("no partial write").isEqualTo("Full network");
        assertThat(fields(api.send("PUT", net.path("/diagrams/" + first), "{}"))).containsExactly("name");

        String pin = net.path("/diagrams/" + first + "/positions/");
        assertThat(fields(api.send("PUT", pin + "host:" + UUID.randomUUID(), "{\"x\":1,\"y\":2}"))).containsExactly("nodeId");
        assertThat(fields(api.send("PUT", pin + "host:" + net.web(), "{\"x\":1e9,\"y\":2}"))).containsExactly("x");
        assertThat(fields(api.send("PUT", pin + "host:" + net.web(), "{\"x\":1}"))).containsExactly("y");
        assertThat(json(api.get(net.path("/diagrams/" + first))).get("positions")).isEmpty();
        assertThat(json(api.get(net.path("/diagrams")))).hasSize(1);
    }

    @Test
    void groups_and_snapshots_are_managed_and_compared_through_the_api() {
        TopologyApiFixture.Net net = TopologyApiFixture.network(inv, base(), signUp("groups"));
        BearerClient api = net.owner();
        String members = "[\"host:" + net.web() + "\",\"host:" + net.db() + "\"]";
        HttpResponse<String> group = api.send("POST", net.path("/groups"),
                "{\"name\":\"Web path\",\"shape\":\"PATH\",\"color\":\"#3366cc\",\"edgeStyle\":\"DASHED\",\"members\":" + members + "}");
        assertThat(group.statusCode()).as(group.body()).isEqualTo(201);
        String groupId = json(group).get("id").asText();
        assertThat(json(api.get(net.path("/groups"))).findValuesAsText("name")).containsExactly("Web path");
        HttpResponse<String> renamed = api.send("PUT", net.path("/groups/" + groupId),
                "{\"name\":\"Hub\",\"shape\":\"HUB\",\"color\":\"#112233\",\"edgeStyle\":\"SOLID\",\"members\":" + members + "}");
        assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
        assertThat(json(api.get(net.path("/groups/" + groupId))).get("shape").asText()).isEqualTo("HUB");
        HttpResponse<String> invalid = api.send("POST", net.path("/groups"), "{\"name\":\"\",\"members\":[\"host:" + net.web() + "\"]}");
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(json(invalid).get("errors").findValuesAsText("field")).contains("name", "members");
        assertThat(api.send("DELETE", net.path("/groups/" + groupId), null).statusCode()).isEqualTo(204);
        assertThat(api.get(net.path("/groups/" + groupId)).statusCode()).isEqualTo(404);

        HttpResponse<String> taken = api.send("POST", net.path("/snapshots"), null);
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(201);
        String snapshot = json(taken).get("id").asText();
        assertThat(json(taken).get("hosts").asInt()).isEqualTo(2);
        assertThat(json(api.get(net.path("/snapshots"))).findValuesAsText("id")).containsExactly(snapshot);
        JsonNode detail = json(api.get(net.path("/snapshots/" + snapshot)));
        assertThat(detail.at("/summary/id").asText()).isEqualTo(snapshot);
        assertThat(detail.at("/graph/nodes").findValuesAsText("id")).contains("host:" + net.web(), "host:" + net.db());

        UUID added = inv.host(net.site(), "cache-1");
        JsonNode sinceThen = json(api.get(net.path("/snapshots/compare?before=" + snapshot)));
        assertThat(sinceThen.get("after").isNull()).as("compared with now").isTrue();
        assertThat(sinceThen.at("/diff/addedNodes").findValuesAsText("id")).containsExactly("host:" + added);
        assertThat(sinceThen.at("/summary/added").asInt()).isGreaterThanOrEqualTo(1);
        String later = json(api.send("POST", net.path("/snapshots"), null)).get("id").asText();
        JsonNode between = json(api.get(net.path("/snapshots/compare?before=" + snapshot + "&after=" + later)));
        assertThat(between.at("/after/id").asText()).isEqualTo(later);
        assertThat(between.at("/diff/addedNodes").findValuesAsText("id")).containsExactly("host:" + added);

        HttpResponse<String> noBefore = api.get(net.path("/snapshots/compare"));
        assertThat(noBefore.statusCode()).isEqualTo(400);
        assertThat(json(noBefore).get("errors").findValuesAsText("field")).containsExactly("before");
        assertThat(json(api.get(net.path("/snapshots/compare?before=" + snapshot + "&after=x"))).get("errors").findValuesAsText("field"))
                .containsExactly("after");
        assertThat(api.get(net.path("/snapshots/compare?before=" + UUID.randomUUID())).statusCode()).isEqualTo(404);
    }

    @Test
    void the_sample_network_loads_once_per_organization() {
        TopologyApiFixture.Net net = TopologyApiFixture.network(inv, base(), signUp("sample"));
        HttpResponse<String> loaded = net.owner().send("POST", "/api/v1/sample-network", null);
        assertThat(loaded.statusCode()).as(loaded.body()).isEqualTo(201);
        String id = json(loaded).get("id").asText();
        assertThat(json(loaded).get("hosts").asInt()).isPositive();
        assertThat(loaded.headers().firstValue("Location").orElseThrow()).isEqualTo("/api/v1/networks/" + id);
        assertThat(json(net.owner().get("/api/v1/networks/" + id)).get("name").asText()).isEqualTo(json(loaded).get("name").asText());
        HttpResponse<String> again = net.owner().send("POST", "/api/v1/sample-network", null);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).get("message").asText()).contains("sample network");
        assertThat(db.count("select count(*) from networks where organization_id = ? and sample", net.site().organizationId())).isEqualTo(1);
    }

    @Test
    void a_viewer_key_reads_but_every_write_answers_403_and_changes_nothing() {
        var owner = signUp("readonly");
        TopologyApiFixture.Net net = TopologyApiFixture.network(inv, base(), owner);
        String diagram = json(net.owner().get(net.path("/diagrams"))).get(0).get("id").asText();
        String snapshot = json(net.owner().send("POST", net.path("/snapshots"), null)).get("id").asText();
        String group = json(net.owner().send("POST", net.path("/groups"), "{\"name\":\"G\",\"shape\":\"PATH\",\"color\":\"#3366cc\","
                + "\"edgeStyle\":\"SOLID\",\"members\":[\"host:" + net.web() + "\",\"host:" + net.db() + "\"]}")).get("id").asText();
        BearerClient viewer = TopologyApiFixture.key(base(), owner, "VIEWER");

        assertThat(viewer.get(net.path("/diagrams")).statusCode()).isEqualTo(200);
        assertThat(viewer.get(net.path("/snapshots/" + snapshot)).statusCode()).isEqualTo(200);
        assertThat(viewer.getBytes(net.path("/topology.svg")).statusCode()).isEqualTo(200);
        String groupBody = "{\"name\":\"X\",\"shape\":\"PATH\",\"color\":\"#3366cc\",\"edgeStyle\":\"SOLID\",\"members\":[\"host:" + net.web()
                + "\",\"host:" + net.db() + "\"]}";
        for (String[] write : List.of(
                new String[]{"POST", net.path("/diagrams"), "{\"name\":\"Mine\"}"},
                new String[]{"PUT", net.path("/diagrams/" + diagram), "{\"name\":\"Mine\"}"},
                new String[]{"DELETE", net.path("/diagrams/" + diagram), null},
                new String[]{"PUT", net.path("/diagrams/" + diagram + "/positions/host:" + net.web()), "{\"x\":1,\"y\":1}"},
                new String[]{"DELETE", net.path("/diagrams/" + diagram + "/positions"), null},
                new String[]{"POST", net.path("/snapshots"), null},
                new String[]{"POST", net.path("/groups"), groupBody},
                new String[]{"PUT", net.path("/groups/" + group), groupBody},
                new String[]{"DELETE", net.path("/groups/" + group), null},
                new String[]{"POST", "/api/v1/sample-network", null})) {
            HttpResponse<String> r = viewer.send(write[0], write[1], write[2]);
            assertThat(r.statusCode()).as(write[0] + " " + write[1]).isEqualTo(403);
            assertThat(json(r).get("message").asText()).isNotBlank();
        }
        assertThat(json(net.owner().get(net.path("/diagrams"))).findValuesAsText("name")).containsExactly("Full network");
        assertThat(json(net.owner().get(net.path("/diagrams/" + diagram))).get("positions")).isEmpty();
        assertThat(json(net.owner().get(net.path("/snapshots")))).hasSize(1);
        assertThat(json(net.owner().get(net.path("/groups"))).findValuesAsText("name")).containsExactly("G");
        assertThat(db.count("select count(*) from networks where organization_id = ? and sample", net.site().organizationId())).isZero();
    }

    @Test
    void another_organizations_network_diagram_group_and_snapshot_answer_404_on_every_endpoint() {
        TopologyApiFixture.Net victim = TopologyApiFixture.network(inv, base(), signUp("victim"));
        TopologyApiFixture.Net intruder = TopologyApiFixture.network(inv, base(), signUp("intruder"));
        String diagram = json(victim.owner().get(victim.path("/diagrams"))).get(0).get("id").asText();
        json(intruder.owner().get(intruder.path("/diagrams")));
        String snapshot = json(victim.owner().send("POST", victim.path("/snapshots"), null)).get("id").asText();
        String body = "{\"name\":\"G\",\"shape\":\"PATH\",\"color\":\"#3366cc\",\"edgeStyle\":\"SOLID\",\"members\":[\"host:" + victim.web()
                + "\",\"host:" + victim.db() + "\"]}";
        String group = json(victim.owner().send("POST", victim.path("/groups"), body)).get("id").asText();
        String pin = "{\"x\":1,\"y\":1}";
        String options = "{\"name\":\"Stolen\"}";
        // Their network by its id, and their diagram, group and snapshot through the intruder's own network.
        for (TopologyApiFixture.Net through : List.of(victim, intruder)) {
            for (String[] call : List.of(
                    new String[]{"GET", through.path("/diagrams"), null},
                    new String[]{"POST", through.path("/diagrams"), "{\"name\":\"Mine\"}"},
                    new String[]{"GET", through.path("/diagrams/" + diagram), null},
                    new String[]{"PUT", through.path("/diagrams/" + diagram), options},
                    new String[]{"DELETE", through.path("/diagrams/" + diagram), null},
                    new String[]{"PUT", through.path("/diagrams/" + diagram + "/positions/host:" + victim.web()), pin},
                    new String[]{"DELETE", through.path("/diagrams/" + diagram + "/positions"), null},
                    new String[]{"GET", through.path("/diagrams/" + diagram + "/stale"), null},
                    new String[]{"GET", through.path("/snapshots"), null},
                    new String[]{"POST", through.path("/snapshots"), null},
                    new String[]{"GET", through.path("/snapshots/" + snapshot), null},
                    new String[]{"GET", through.path("/snapshots/compare?before=" + snapshot), null},
                    new String[]{"GET", through.path("/groups"), null},
                    new String[]{"POST", through.path("/groups"), body},
                    new String[]{"GET", through.path("/groups/" + group), null},
                    new String[]{"PUT", through.path("/groups/" + group), body},
                    new String[]{"DELETE", through.path("/groups/" + group), null})) {
                boolean ownCollection = through == intruder && !call[1].contains(diagram) && !call[1].contains(snapshot)
                        && !call[1].contains(group);
                if (ownCollection) {
                    continue;
                }
                HttpResponse<String> r = intruder.owner().send(call[0], call[1], call[2]);
                assertThat(r.statusCode()).as(call[0] + " " + call[1] + " " + r.body()).isEqualTo(404);
                assertThat(r.body()).doesNotContain("web-1").doesNotContain("Full network");
            }
        }
        assertThat(json(victim.owner().get(victim.path("/diagrams"))).findValuesAsText("name")).containsExactly("Full network");
        assertThat(json(victim.owner().get(victim.path("/groups")))).hasSize(1);
        assertThat(json(victim.owner().get(victim.path("/snapshots")))).hasSize(1);
        assertThat(json(victim.owner().get(victim.path("/diagrams/" + diagram + "/stale"))).get("stale").asBoolean()).isFalse();
    }

    private static List<String> fields(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
        return json(r).get("errors").findValuesAsText("field");
    }
}
