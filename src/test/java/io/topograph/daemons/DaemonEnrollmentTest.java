package io.topograph.daemons;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.invites.Teams;
import io.topograph.platform.security.SecureTokens;
import io.topograph.support.Accounts;
import io.topograph.support.AppTest;
import io.topograph.support.TestDatabase;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.topograph.daemons.DaemonTestSupport.enroll;
import static io.topograph.daemons.DaemonTestSupport.enrollBody;
import static io.topograph.daemons.DaemonTestSupport.newToken;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /api/daemon/v1/enroll} over HTTP against the real server and database. */
@MicronautTest
class DaemonEnrollmentTest extends AppTest {

    @Inject
    DataSource dataSource;

    private TestDatabase db() {
        return new TestDatabase(dataSource);
    }

    @Test
    void enrolling_answers_as_fixture_01_and_stores_only_hashes() {
        Accounts.Account admin = signUp("ada");
        String network = Teams.createNetwork(admin, "Home lab");
        JsonNode created = DaemonTestSupport.createToken(admin, network, "{\"nameHint\":\"\"}");
        String token = created.get("token").asText();
        assertThat(token).matches("tge_[A-Za-z0-9_-]{43}");

        Map<String, JsonNode> vars = new HashMap<>();
        vars.put("enrollmentToken", JsonNodeFactory.instance.textNode(token));
        ProtocolFixture fixture = ProtocolFixture.load("01-enroll.json", vars);
        HttpResponse<String> response = DaemonTestSupport.call(base(), fixture.path(), null, fixture.requestBody());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(fixture.expectedStatus());
        assertThat(fixture.mismatches(Teams.json(response))).isEmpty();
        assertThat(vars.get("networkId").asText()).isEqualTo(network);
        String credential = vars.get("credential").asText();
        assertThat(credential).matches("tgd_[A-Za-z0-9_-]{43}");
        UUID daemonId = UUID.fromString(vars.get("daemonId").asText());

        // The daemon exists with the fixture's values; neither secret is stored in the clear.
        assertThat(db().count("select count(*) from daemons where id = ? and name = 'rack-a' and hostname = 'rack-a.lan'"
                + " and version = '0.1.0' and instance_id = ? and credential_hash = ? and credential_prefix = ?",
                daemonId, UUID.fromString(vars.get("instanceId").asText()), SecureTokens.sha256(credential), credential.substring(0, 12)))
                .isEqualTo(1);
        assertThat(db().count("select count(*) from daemon_enrollment_tokens where id = ? and uses = 1 and token_hash = ?",
                UUID.fromString(created.get("id").asText()), SecureTokens.sha256(token))).isEqualTo(1);
        assertThat(db().count("select count(*) from daemons d where position(? in row_to_json(d)::text) > 0", credential)).isZero();
        assertThat(db().count("select count(*) from daemon_enrollment_tokens t where position(? in row_to_json(t)::text) > 0", token)).isZero();
        // The credential works at once.
        assertThat(DaemonTestSupport.heartbeat(base(), credential, DaemonTestSupport.heartbeatBody("[]")).statusCode()).isEqualTo(200);
    }

    @Test
    void a_retry_with_the_same_token_and_instance_gives_the_same_daemon_a_new_credential_without_another_use() {
        Accounts.Account admin = signUp("ada");
        String network = Teams.homeNetworkId(admin);
        String token = DaemonTestSupport.createToken(admin, network, "{\"maxUses\":\"2\"}").get("token").asText();
        UUID instance = UUID.randomUUID();

        JsonNode first = Teams.json(enroll(base(), enrollBody(token, instance)));
        HttpResponse<String> again = enroll(base(), enrollBody(token, instance));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
        JsonNode second = Teams.json(again);

        assertThat(second.get("daemonId").asText()).isEqualTo(first.get("daemonId").asText());
        assertThat(second.get("credential").asText()).isNotEqualTo(first.get("credential").asText());
        assertThat(db().count("select uses from daemon_enrollment_tokens where token_hash = ?", SecureTokens.sha256(token))).isEqualTo(1);
        assertThat(db().count("select count(*) from daemons where network_id = ?", UUID.fromString(network))).isEqualTo(1);
        // The lost answer's credential no longer works; the new one does.
        assertThat(DaemonTestSupport.heartbeat(base(), first.get("credential").asText(), DaemonTestSupport.heartbeatBody("[]")).statusCode())
                .isEqualTo(401);
        assertThat(DaemonTestSupport.heartbeat(base(), second.get("credential").asText(), DaemonTestSupport.heartbeatBody("[]")).statusCode())
                .isEqualTo(200);
    }

    @Test
    void a_retry_still_works_when_the_retried_enrollment_used_the_tokens_last_use() {
        Accounts.Account admin = signUp("ada");
        String token = newToken(admin, Teams.homeNetworkId(admin));
        UUID instance = UUID.randomUUID();
        assertThat(enroll(base(), enrollBody(token, instance)).statusCode()).isEqualTo(201);
        assertThat(enroll(base(), enrollBody(token, instance)).statusCode()).isEqualTo(201);
        // Another instance finds the single-use token used up.
        HttpResponse<String> other = enroll(base(), enrollBody(token, UUID.randomUUID()));
        assertThat(other.statusCode()).isEqualTo(401);
        assertThat(Teams.json(other).get("message").asText()).contains("used up");
        assertThat(Teams.json(other).get("errors")).isEmpty();
    }

    @Test
    void a_multi_use_token_enrolls_as_many_daemons_as_it_allows_and_names_them_by_its_hint() {
        Accounts.Account admin = signUp("ada");
        String network = Teams.homeNetworkId(admin);
        String token = DaemonTestSupport.createToken(admin, network, "{\"maxUses\":3,\"nameHint\":\"Branch office\"}").get("token").asText();
        for (int i = 0; i < 3; i++) {
            assertThat(enroll(base(), enrollBody(token, UUID.randomUUID())).statusCode()).isEqualTo(201);
        }
        assertThat(enroll(base(), enrollBody(token, UUID.randomUUID())).statusCode()).isEqualTo(401);
        assertThat(db().column("select name from daemons where network_id = ?", UUID.fromString(network)))
                .containsExactly("Branch office", "Branch office", "Branch office");
    }

    @Test
    void without_a_name_the_daemon_is_named_after_its_host() {
        Accounts.Account admin = signUp("ada");
        String network = Teams.homeNetworkId(admin);
        String body = "{\"token\":\"" + newToken(admin, network) + "\",\"instanceId\":\"" + UUID.randomUUID()
                + "\",\"hostname\":\"nas.lan\",\"version\":\"0.1.0\",\"unknownField\":{\"ignored\":true}}";
        HttpResponse<String> response = enroll(base(), body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(db().column("select name from daemons where network_id = ?", UUID.fromString(network))).containsExactly("nas.lan");
    }

    @Test
    void unknown_expired_revoked_and_used_up_tokens_answer_401_and_write_nothing() {
        Accounts.Account admin = signUp("ada");
        String network = Teams.homeNetworkId(admin);
        UUID networkId = UUID.fromString(network);

        String expired = newToken(admin, network);
        db().update("update daemon_enrollment_tokens set expires_at = now() - interval '1 minute' where token_hash = ?",
                (Object) SecureTokens.sha256(expired));
        JsonNode revokedToken = DaemonTestSupport.createToken(admin, network, "{}");
        assertThat(admin.web().json("DELETE", "/api/v1/networks/" + network + "/daemon-tokens/" + revokedToken.get("id").asText(), null)
                .statusCode()).isEqualTo(204);
        String usedUp = newToken(admin, network);
        assertThat(enroll(base(), enrollBody(usedUp, UUID.randomUUID())).statusCode()).isEqualTo(201);
        long daemonsBefore = db().count("select count(*) from daemons where network_id = ?", networkId);
        long usesBefore = db().count("select coalesce(sum(uses), 0) from daemon_enrollment_tokens where network_id = ?", networkId);

        Map<String, String> refused = Map.of(
                "tge_" + SecureTokens.random(), "unknown",
                "not-even-a-token", "unknown",
                expired, "expired",
                revokedToken.get("token").asText(), "revoked",
                usedUp, "used up");
        refused.forEach((token, why) -> {
            HttpResponse<String> response = enroll(base(), enrollBody(token, UUID.randomUUID()));
            assertThat(response.statusCode()).as(why).isEqualTo(401);
            JsonNode error = Teams.json(response);
            assertThat(error.get("message").asText()).as(why).contains(why);
            assertThat(error.get("errors").isArray()).isTrue();
        });
        assertThat(db().count("select count(*) from daemons where network_id = ?", networkId)).isEqualTo(daemonsBefore);
        assertThat(db().count("select coalesce(sum(uses), 0) from daemon_enrollment_tokens where network_id = ?", networkId))
                .isEqualTo(usesBefore);
    }

    @Test
    void bad_input_answers_422_with_the_fields_and_uses_nothing() {
        Accounts.Account admin = signUp("ada");
        String network = Teams.homeNetworkId(admin);
        String token = newToken(admin, network);
        String instance = UUID.randomUUID().toString();
        Map<String, String> bodies = new HashMap<>();
        bodies.put("{\"instanceId\":\"" + instance + "\",\"hostname\":\"h\",\"version\":\"0.1.0\"}", "token");
        bodies.put("{\"token\":\"" + token + "\",\"hostname\":\"h\",\"version\":\"0.1.0\"}", "instanceId");
        bodies.put("{\"token\":\"" + token + "\",\"instanceId\":\"1-1-1-1-1\",\"hostname\":\"h\",\"version\":\"0.1.0\"}", "instanceId");
        bodies.put("{\"token\":\"" + token + "\",\"instanceId\":\"" + instance + "\",\"version\":\"0.1.0\"}", "hostname");
        bodies.put("{\"token\":\"" + token + "\",\"instanceId\":\"" + instance + "\",\"hostname\":\"a b\",\"version\":\"0.1.0\"}", "hostname");
        bodies.put("{\"token\":\"" + token + "\",\"instanceId\":\"" + instance + "\",\"hostname\":\"" + "h".repeat(254) + "\",\"version\":\"0.1.0\"}", "hostname");
        bodies.put("{\"token\":\"" + token + "\",\"instanceId\":\"" + instance + "\",\"hostname\":\"h\"}", "version");
        bodies.put("{\"token\":\"" + token + "\",\"instanceId\":\"" + instance + "\",\"hostname\":\"h\",\"version\":\"latest\"}", "version");
        bodies.put("{\"token\":\"" + token + "\",\"instanceId\":\"" + instance + "\",\"hostname\":\"h\",\"version\":\"0.1.0\",\"name\":\""
                + "n".repeat(81) + "\"}", "name");
        bodies.put("{\"token\":\"" + token + "\",\"instanceId\":\"" + instance + "\",\"hostname\":\"h\",\"version\":\"0.1.0\","
                + "\"capabilities\":[\"tcp-connect\",\"Not A Capability\"]}", "capabilities[1]");
        bodies.forEach((body, field) -> {
            HttpResponse<String> response = enroll(base(), body);
            assertThat(response.statusCode()).as(body).isEqualTo(422);
            assertThat(Teams.json(response).get("errors").findValuesAsText("field")).as(body).contains(field);
        });
        for (String malformed : List.of("", "not json", "[]", "{\"token\": 12, \"capabilities\": \"udp\"}")) {
            assertThat(enroll(base(), malformed).statusCode()).as(malformed).isBetween(400, 422);
        }
        assertThat(db().count("select count(*) from daemons where network_id = ?", UUID.fromString(network))).isZero();
        assertThat(db().count("select uses from daemon_enrollment_tokens where token_hash = ?", SecureTokens.sha256(token))).isZero();
        // The token is still good afterwards.
        assertThat(enroll(base(), enrollBody(token, UUID.randomUUID())).statusCode()).isEqualTo(201);
    }

    @Test
    void a_reinstalled_daemon_enrolling_with_a_new_token_keeps_its_identity() {
        Accounts.Account admin = signUp("ada");
        String network = Teams.homeNetworkId(admin);
        UUID instance = UUID.randomUUID();
        JsonNode first = Teams.json(enroll(base(), enrollBody(newToken(admin, network), instance)));
        HttpResponse<String> again = enroll(base(), enrollBody(newToken(admin, network), instance));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
        assertThat(Teams.json(again).get("daemonId").asText()).isEqualTo(first.get("daemonId").asText());
        assertThat(db().count("select count(*) from daemons where network_id = ?", UUID.fromString(network))).isEqualTo(1);
    }

    @Test
    void daemons_racing_for_a_tokens_last_use_get_it_exactly_once() throws Exception {
        Accounts.Account admin = signUp("ada");
        String network = Teams.homeNetworkId(admin);
        String token = DaemonTestSupport.createToken(admin, network, "{\"maxUses\":2}").get("token").asText();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(pool.submit(() -> enroll(base(), enrollBody(token, UUID.randomUUID())).statusCode()));
            }
            List<Integer> statuses = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Integer> f : answers) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsOnly(201, 401);
            assertThat(statuses.stream().filter(code -> code == 201).count()).isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
        assertThat(db().count("select count(*) from daemons where network_id = ?", UUID.fromString(network))).isEqualTo(2);
        assertThat(db().count("select uses from daemon_enrollment_tokens where token_hash = ?", SecureTokens.sha256(token))).isEqualTo(2);
    }
}
