package io.topograph.daemons.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.daemons.DaemonSecrets;
import io.topograph.support.Accounts;
import io.topograph.support.AppTest;
import io.topograph.support.ProtocolFixtures;
import io.topograph.support.TestDatabase;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays every shared protocol fixture against the real server, in order, so the server cannot
 * drift from docs/daemon-protocol.md. The scanner replays the same files against its client.
 */
@MicronautTest
class DaemonProtocolFixturesTest extends AppTest {

    @Inject
    DataSource dataSource;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void the_server_answers_every_protocol_fixture_as_documented() throws Exception {
        TestDatabase db = new TestDatabase(dataSource);
        Accounts.Account owner = signUp("fixtures");
        assertThat(owner.web().json("POST", "/api/v1/networks", "{\"name\":\"Home lab\"}").statusCode()).isEqualTo(201);
        UUID organizationId = db.organizationId(owner.slug());
        UUID networkId = db.networkId(owner.slug(), "Home lab");

        Map<String, JsonNode> vars = new HashMap<>();
        List<ProtocolFixtures.Fixture> fixtures = ProtocolFixtures.all();
        assertThat(fixtures).hasSizeGreaterThanOrEqualTo(9);
        for (ProtocolFixtures.Fixture f : fixtures) {
            given(f, db, organizationId, networkId, vars);
            JsonNode body = ProtocolFixtures.toSend(f.requestBody(), vars);
            HttpRequest.Builder request = HttpRequest.newBuilder(base().resolve(ProtocolFixtures.substitute(f.path(), vars)))
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .method(f.method(), HttpRequest.BodyPublishers.ofString(ProtocolFixtures.JSON.writeValueAsString(body)));
            if (f.auth().equals("credential")) {
                request.header("Authorization", "Bearer " + vars.get("credential").asText());
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(f.file() + ": " + response.body()).isEqualTo(f.status());
            JsonNode actual = response.body().isEmpty() ? null : ProtocolFixtures.JSON.readTree(response.body());
            assertThat(ProtocolFixtures.mismatches(f.responseBody(), actual, vars, f.file())).as(f.file()).isEmpty();
        }
        // The replay really went through the server: the batch landed in the inventory, once.
        assertThat(db.count("select count(*) from hosts h join interfaces i on i.host_id = h.id"
                + " where h.network_id = ? and i.ip = '127.0.0.1'::inet", networkId)).isEqualTo(1);
        assertThat(db.count("select count(*) from discovery_run_batches where run_id = ?",
                UUID.fromString(vars.get("runId").asText()))).isEqualTo(1);
    }

    /** The state each fixture's "given" describes, set up directly so only the protocol is under test. */
    private void given(ProtocolFixtures.Fixture f, TestDatabase db, UUID organizationId, UUID networkId, Map<String, JsonNode> vars) {
        switch (f.file()) {
            case "01-enroll.json" -> {
                DaemonSecrets.Secret token = DaemonSecrets.newToken();
                db.update("insert into daemon_enrollment_tokens (id, organization_id, network_id, token_hash, token_prefix, expires_at)"
                                + " values (?, ?, ?, ?, ?, now() + interval '1 hour')",
                        UUID.randomUUID(), organizationId, networkId, token.hash(), token.prefix());
                vars.put("enrollmentToken", ProtocolFixtures.JSON.getNodeFactory().textNode(token.value()));
            }
            case "04-claim-run.json" -> db.update("insert into discovery_runs (id, organization_id, network_id, targets, ports, options)"
                            + " values (?, ?, ?, '[\"127.0.0.1\"]'::jsonb, '22,80',"
                            + " '{\"ratePerSecond\": 10000, \"timeoutMs\": 1000, \"udp\": false, \"printerPorts\": false}'::jsonb)",
                    UUID.randomUUID(), organizationId, networkId);
            case "09-heartbeat-after-rotation.json" -> db.update("update daemons set credential_hash = ? where id = ?",
                    DaemonSecrets.newCredential().hash(), UUID.fromString(vars.get("daemonId").asText()));
            case "07-batch-replayed.json" -> {
                // Nothing to set up: the replayer sends batch 0 again, exactly as before.
            }
            default -> {
                if (f.given() != null) {
                    throw new AssertionError(f.file() + " has a \"given\" this replayer does not know: " + f.given());
                }
            }
        }
    }
}
