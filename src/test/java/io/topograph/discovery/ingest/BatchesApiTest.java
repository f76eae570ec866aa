package io.topograph.discovery.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.support.AppTest;
import io.topograph.support.BearerClient;
import io.topograph.support.TestDatabase;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static io.topograph.support.BearerClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/** The batches call of the daemon protocol over HTTP: fixtures, idempotency, limits, bad input and tenancy. */
@MicronautTest
class BatchesApiTest extends AppTest {

    @Inject
    DataSource dataSource;

    TestDatabase db;
    DaemonRuns runs;
    DaemonRuns.Daemon daemon;
    UUID runId;

    @BeforeEach
    void setUp() {
        db = new TestDatabase(dataSource);
        runs = new DaemonRuns(db, base());
        String slug = signUp("ingest").slug();
        UUID org = db.organizationId(slug);
        UUID network = (UUID) db.column("select id from networks where organization_id = ? order by created_at limit 1", org).get(0);
        daemon = runs.daemon(org, network, "rack-a");
        runId = runs.running(daemon);
    }

    @Test
    void the_batch_fixtures_are_answered_as_documented_first_accepted_then_duplicate() throws IOException {
        JsonNode first = fixture("06-batch.json");
        JsonNode replay = fixture("07-batch-replayed.json");

        HttpResponse<String> a = replayFixture(first);
        HttpResponse<String> b = replayFixture(replay);

        assertThat(a.statusCode()).as(a.body()).isEqualTo(first.at("/response/status").asInt());
        assertMatches(json(a), first.at("/response/body"));
        assertThat(b.statusCode()).as(b.body()).isEqualTo(replay.at("/response/status").asInt());
        assertMatches(json(b), replay.at("/response/body"));
        assertThat(db.count("select count(*) from hosts where organization_id = ?", daemon.organizationId())).isEqualTo(1);
        assertThat(db.count("select count(*) from discovery_run_batches where run_id = ?", runId)).isEqualTo(1);
    }

    @Test
    void a_replayed_batch_answers_duplicate_and_changes_nothing_at_all() {
        String body = Report.batch().host("127.0.0.1").mac("00:00:5e:00:53:01").hostname("localhost").ssh()
                .host("127.0.0.2").unidentified(8081).json();
        assertThat(daemon.send(runId, 0, body).statusCode()).isEqualTo(200);
        List<String> before = InventorySnapshot.everything(db, daemon.organizationId());

        HttpResponse<String> again = daemon.send(runId, 0, body);

        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(json(again).get("duplicate").asBoolean()).isTrue();
        assertThat(json(again).get("hosts").asInt()).isEqualTo(2);
        assertThat(InventorySnapshot.everything(db, daemon.organizationId())).isEqualTo(before);
    }

    @Test
    void the_same_batch_with_other_whitespace_and_key_order_is_still_a_duplicate() throws IOException {
        String body = Report.batch().host("127.0.0.1").hostname("localhost").ssh().json();
        assertThat(daemon.send(runId, 0, body).statusCode()).isEqualTo(200);
        String respelled = Report.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(reversedKeys(Report.JSON.readTree(body)));

        HttpResponse<String> again = daemon.send(runId, 0, respelled);

        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(json(again).get("duplicate").asBoolean()).isTrue();
    }

    @Test
    void the_same_seq_with_another_body_is_a_conflict_and_changes_nothing() {
        assertThat(daemon.send(runId, 0, Report.batch().host("127.0.0.1").ssh().json()).statusCode()).isEqualTo(200);
        List<String> before = InventorySnapshot.everything(db, daemon.organizationId());

        HttpResponse<String> other = daemon.send(runId, 0, Report.batch().host("127.0.0.9").ssh().json());

        assertThat(other.statusCode()).as(other.body()).isEqualTo(409);
        assertThat(json(other).get("message").asText()).contains("already received with a different body");
        assertThat(json(other).get("errors").isArray()).isTrue();
        assertThat(InventorySnapshot.everything(db, daemon.organizationId())).isEqualTo(before);
    }

    @Test
    void concurrent_deliveries_of_one_batch_merge_it_once() throws Exception {
        String body = Report.batch().host("127.0.0.1").mac("00:00:5e:00:53:01").ssh().host("127.0.0.2").ssh().json();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            answers.add(pool.submit(() -> {
                go.await();
                return daemon.send(runId, 3, body);
            }));
        }
        go.countDown();
        List<Boolean> duplicates = new ArrayList<>();
        for (Future<HttpResponse<String>> f : answers) {
            HttpResponse<String> r = f.get(60, TimeUnit.SECONDS);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            duplicates.add(json(r).get("duplicate").asBoolean());
        }
        pool.shutdown();

        assertThat(duplicates).containsExactlyInAnyOrder(false, true, true, true);
        assertThat(db.count("select count(*) from hosts where organization_id = ?", daemon.organizationId())).isEqualTo(2);
        assertThat(db.count("select count(*) from services where organization_id = ?", daemon.organizationId())).isEqualTo(2);
        assertThat(db.count("select count(*) from host_observations where run_id = ?", runId)).isEqualTo(2);
    }

    @Test
    void an_accepted_batch_renews_the_runs_lease_for_90_seconds() {
        db.update("update discovery_runs set lease_expires_at = now() + interval '5 seconds' where id = ?", runId);

        assertThat(daemon.send(runId, 0, Report.batch().host("127.0.0.1").json()).statusCode()).isEqualTo(200);

        assertThat(db.count("select count(*) from discovery_runs where id = ? and lease_expires_at > now() + interval '80 seconds'"
                + " and lease_expires_at <= now() + interval '91 seconds'", runId)).isEqualTo(1);
    }

    @Test
    void an_empty_batch_is_accepted_and_adds_nothing() {
        HttpResponse<String> r = daemon.send(runId, 0, "{\"hosts\": []}");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r).get("hosts").asInt()).isZero();
        assertThat(db.count("select count(*) from hosts where organization_id = ?", daemon.organizationId())).isZero();
    }

    @Test
    void a_batch_of_more_than_500_hosts_is_too_large_and_writes_nothing() {
        Report report = Report.batch();
        for (int i = 0; i < 501; i++) {
            report.host("127.0.%d.%d".formatted(i / 250, i % 250 + 1));
        }

        HttpResponse<String> r = daemon.send(runId, 0, report.json());

        assertThat(r.statusCode()).as(r.body()).isEqualTo(413);
        assertThat(json(r).get("message").asText()).contains("at most 500 hosts").contains("501");
        assertThat(json(r).get("errors").isArray()).isTrue();
        assertNothingWritten();
    }

    @Test
    void a_body_over_the_request_size_limit_is_too_large_with_the_api_error_shape() {
        Report report = Report.batch();
        String banner = "x".repeat(1000);
        for (int i = 0; i < 450; i++) {
            Report.Host h = report.host("127.1.%d.%d".formatted(i / 250, i % 250 + 1));
            for (int p = 1; p <= 5; p++) {
                h.port(p, banner);
            }
        }
        assertThat(report.json().length()).isGreaterThan(2 * 1024 * 1024);

        HttpResponse<String> r = daemon.send(runId, 0, report.json());

        assertThat(r.statusCode()).as(r.body()).isEqualTo(413);
        assertThat(json(r).get("message").asText()).startsWith("The request body is too large.");
        assertThat(json(r).get("errors").isArray()).isTrue();
        assertNothingWritten();
    }

    static Stream<Arguments> invalidHosts() {
        return Stream.of(
                Arguments.of("no ip", (Consumer<ObjectNode>) h -> h.remove("ip"), "hosts[1].ip"),
                Arguments.of("not an address", (Consumer<ObjectNode>) h -> h.put("ip", "999.0.0.1"), "hosts[1].ip"),
                Arguments.of("a name, not an address", (Consumer<ObjectNode>) h -> h.put("ip", "example.com"), "hosts[1].ip"),
                Arguments.of("a bad MAC", (Consumer<ObjectNode>) h -> h.put("mac", "00:00:5e:00:53"), "hosts[1].mac"),
                Arguments.of("an overlong host name", (Consumer<ObjectNode>) h -> h.put("hostname", "h".repeat(254)), "hosts[1].hostname"),
                Arguments.of("a port out of range", (Consumer<ObjectNode>) h -> ((ObjectNode) h.get("ports").get(0)).put("port", 70000), "hosts[1].ports[0].port"),
                Arguments.of("a port as text", (Consumer<ObjectNode>) h -> ((ObjectNode) h.get("ports").get(0)).put("port", "22"), "hosts[1].ports[0].port"),
                Arguments.of("an unknown protocol", (Consumer<ObjectNode>) h -> ((ObjectNode) h.get("ports").get(0)).put("protocol", "sctp"), "hosts[1].ports[0].protocol"),
                Arguments.of("a NUL in a banner", (Consumer<ObjectNode>) h -> ((ObjectNode) h.get("ports").get(0)).put("banner", "SSH\u0000"), "hosts[1].ports[0].banner"),
                Arguments.of("a confidence over 100", (Consumer<ObjectNode>) h -> ((ObjectNode) h.get("services").get(0)).put("confidence", 101), "hosts[1].services[0].confidence"),
                Arguments.of("a service without a name", (Consumer<ObjectNode>) h -> ((ObjectNode) h.get("services").get(0)).put("name", " "), "hosts[1].services[0].name"),
                Arguments.of("an overlong reason", (Consumer<ObjectNode>) h -> ((ObjectNode) h.get("services").get(0)).put("reason", "r".repeat(1001)), "hosts[1].services[0].reason"),
                Arguments.of("ports that are not a list", (Consumer<ObjectNode>) h -> h.put("ports", "22"), "hosts[1].ports"),
                Arguments.of("an unidentified port out of range", (Consumer<ObjectNode>) h -> ((ArrayNode) h.get("unidentifiedPorts")).add(-1), "hosts[1].unidentifiedPorts[0]"),
                Arguments.of("the same address twice", (Consumer<ObjectNode>) h -> h.put("ip", "127.0.0.1"), "hosts[1].ip"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidHosts")
    void an_invalid_host_is_a_422_naming_the_field_and_nothing_of_the_batch_is_written(String what, Consumer<ObjectNode> spoil, String field) {
        Report report = Report.batch();
        report.host("127.0.0.1").hostname("localhost").ssh();
        Report.Host bad = report.host("127.0.0.2").ssh();
        spoil.accept(bad.node());

        HttpResponse<String> r = daemon.send(runId, 0, report.json());

        assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
        assertThat(json(r).get("errors").findValuesAsText("field")).contains(field);
        assertNothingWritten();
    }

    @Test
    void a_body_that_is_not_json_is_a_400_and_a_body_without_hosts_a_422() {
        HttpResponse<String> garbled = daemon.send(runId, 0, "{\"hosts\": [");
        HttpResponse<String> noHosts = daemon.send(runId, 0, "{\"results\": []}");
        HttpResponse<String> duplicateKey = daemon.send(runId, 0, "{\"hosts\": [], \"hosts\": []}");

        assertThat(garbled.statusCode()).as(garbled.body()).isEqualTo(400);
        assertThat(json(garbled).get("message").asText()).contains("not valid JSON");
        assertThat(noHosts.statusCode()).as(noHosts.body()).isEqualTo(422);
        assertThat(json(noHosts).get("errors").findValuesAsText("field")).containsExactly("hosts");
        assertThat(duplicateKey.statusCode()).isEqualTo(400);
        assertNothingWritten();
    }

    @Test
    void a_daemon_of_another_organization_gets_404_for_this_run_and_writes_nothing() {
        String slug = signUp("intruder").slug();
        UUID otherOrg = db.organizationId(slug);
        UUID otherNetwork = (UUID) db.column("select id from networks where organization_id = ?", otherOrg).get(0);
        DaemonRuns.Daemon intruder = runs.daemon(otherOrg, otherNetwork, "elsewhere");

        HttpResponse<String> r = intruder.send(runId, 0, Report.batch().host("127.0.0.1").ssh().json());

        assertThat(r.statusCode()).as(r.body()).isEqualTo(404);
        assertThat(json(r).get("message").asText()).isEqualTo("Run not found for this daemon.");
        assertNothingWritten();
        assertThat(db.count("select count(*) from hosts where organization_id = ?", otherOrg)).isZero();
    }

    @Test
    void a_daemon_of_another_network_of_the_same_organization_gets_404_and_writes_nothing() {
        UUID otherNetwork = UUID.randomUUID();
        db.update("insert into networks (id, organization_id, name) values (?, ?, 'Lab')", otherNetwork, daemon.organizationId());
        DaemonRuns.Daemon neighbour = runs.daemon(daemon.organizationId(), otherNetwork, "lab-daemon");

        HttpResponse<String> r = neighbour.send(runId, 0, Report.batch().host("127.0.0.1").ssh().json());

        assertThat(r.statusCode()).as(r.body()).isEqualTo(404);
        assertNothingWritten();
    }

    @Test
    void another_daemon_of_the_same_network_gets_404_for_a_run_it_did_not_claim() {
        DaemonRuns.Daemon sibling = runs.daemon(daemon.organizationId(), daemon.networkId(), "rack-b");

        HttpResponse<String> r = sibling.send(runId, 0, Report.batch().host("127.0.0.1").json());

        assertThat(r.statusCode()).as(r.body()).isEqualTo(404);
        assertNothingWritten();
    }

    @Test
    void an_unknown_run_is_404_and_a_malformed_run_id_too() {
        assertThat(daemon.send(UUID.randomUUID(), 0, Report.batch().host("127.0.0.1").json()).statusCode()).isEqualTo(404);
        assertThat(daemon.client().send("POST", "/api/daemon/v1/runs/not-a-run/batches/0", "{\"hosts\":[]}").statusCode()).isEqualTo(404);
        assertThat(daemon.client().send("POST", "/api/daemon/v1/runs/" + runId + "/batches/-1", "{\"hosts\":[]}").statusCode()).isEqualTo(400);
        assertNothingWritten();
    }

    @ParameterizedTest
    @ValueSource(strings = {"QUEUED", "SUCCEEDED", "FAILED", "CANCELLED"})
    void a_run_that_is_not_running_is_a_409_and_nothing_is_written(String state) {
        UUID run = runs.run(daemon, state);

        HttpResponse<String> r = daemon.send(run, 0, Report.batch().host("127.0.0.1").ssh().json());

        assertThat(r.statusCode()).as(r.body()).isEqualTo(409);
        assertThat(json(r).get("message").asText()).contains("no longer active");
        assertThat(db.count("select count(*) from discovery_run_batches where run_id = ?", run)).isZero();
        assertThat(db.count("select count(*) from hosts where organization_id = ?", daemon.organizationId())).isZero();
    }

    @Test
    void without_a_credential_the_call_is_401() {
        HttpResponse<String> r = new BearerClient(base(), "tgd_unknown").send("POST", "/api/daemon/v1/runs/" + runId + "/batches/0",
                Report.batch().host("127.0.0.1").json());

        assertThat(r.statusCode()).isEqualTo(401);
        assertNothingWritten();
    }

    private void assertNothingWritten() {
        assertThat(db.count("select count(*) from discovery_run_batches where run_id = ?", runId)).isZero();
        assertThat(db.count("select count(*) from hosts where organization_id = ?", daemon.organizationId())).isZero();
        assertThat(db.count("select count(*) from host_observations where organization_id = ?", daemon.organizationId())).isZero();
    }

    private static JsonNode reversedKeys(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = Report.JSON.createObjectNode();
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            Collections.reverse(names);
            names.forEach(n -> out.set(n, reversedKeys(node.get(n))));
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = Report.JSON.createArrayNode();
            node.forEach(n -> out.add(reversedKeys(n)));
            return out;
        }
        return node;
    }

    // --- fixture replay (docs/daemon-protocol/README.md) ---

    private static JsonNode fixture(String name) throws IOException {
        return Report.JSON.readTree(Files.readString(Path.of("docs/daemon-protocol", name)));
    }

    private HttpResponse<String> replayFixture(JsonNode fixture) {
        JsonNode request = fixture.get("request");
        assertThat(request.get("auth").asText()).isEqualTo("credential");
        String path = request.get("path").asText().replace("{{runId}}", runId.toString());
        JsonNode body = fill(request.get("body").deepCopy());
        return daemon.client().send(request.get("method").asText(), path, body.toString());
    }

    /** Replaces the fixture's variables by realistic samples of our own. */
    private static JsonNode fill(JsonNode node) {
        if (node.isObject()) {
            ObjectNode o = (ObjectNode) node;
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                e.setValue(fill(e.getValue()));
            }
            return o;
        }
        if (node.isArray()) {
            ArrayNode a = (ArrayNode) node;
            for (int i = 0; i < a.size(); i++) {
                a.set(i, fill(a.get(i)));
            }
            return a;
        }
        if (node.isTextual()) {
            Report.Host sample = Report.batch().host("127.0.0.1").hostname("localhost").ssh();
            return switch (node.asText()) {
                case "{{any}}" -> Report.JSON.nullNode();
                case "{{ports}}" -> sample.node().get("ports");
                case "{{services}}" -> sample.node().get("services");
                default -> node;
            };
        }
        return node;
    }

    private static void assertMatches(JsonNode actual, JsonNode expected) {
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            assertThat(actual.get(e.getKey())).as(e.getKey() + " in " + actual).isEqualTo(e.getValue());
        }
    }
}
