package io.topograph.daemons;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.invites.Teams;
import io.topograph.platform.daemonjar.DaemonJar;
import io.topograph.support.Accounts;
import io.topograph.support.AppTest;
import io.topograph.support.BearerClient;
import io.topograph.support.TestDatabase;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.topograph.daemons.DaemonTestSupport.heartbeat;
import static io.topograph.daemons.DaemonTestSupport.heartbeatBody;
import static org.assertj.core.api.Assertions.assertThat;

/** The JSON API of daemons and enrollment tokens. */
@MicronautTest
class DaemonsApiTest extends AppTest {

    @Inject
    DataSource dataSource;

    @Inject
    DaemonJar jar;

    private TestDatabase db() {
        return new TestDatabase(dataSource);
    }

    @Test
    void tokens_are_created_listed_and_revoked() {
        Accounts.Account admin = signUp("ada");
        String network = Teams.homeNetworkId(admin);
        HttpResponse<String> created = admin.web().json("POST", "/api/v1/networks/" + network + "/daemon-tokens",
                "{\"nameHint\":\"rack-a\",\"expiresIn\":\"1h\",\"maxUses\":5}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location").orElseThrow()).isEqualTo("/api/v1/networks/" + network + "/daemon-tokens");
        assertThat(created.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        JsonNode token = Teams.json(created);
        String secret = token.get("token").asText();
        assertThat(token.get("prefix").asText()).isEqualTo(secret.substring(0, 12));
        assertThat(token.get("nameHint").asText()).isEqualTo("rack-a");
        assertThat(token.get("maxUses").asInt()).isEqualTo(5);
        assertThat(token.get("uses").asInt()).isZero();
        assertThat(token.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(token.get("daemonId").isNull()).isTrue();
        assertThat(Duration.between(Instant.now(), Instant.parse(token.get("expiresAt").asText())).toMinutes()).isBetween(58L, 60L);
        assertThat(token.at("/commands/linux").asText()).isEqualTo(
                "curl -fsSL http://localhost/downloads/daemon/install.sh | sudo sh -s -- --server http://localhost --token " + secret);
        assertThat(token.at("/commands/containerRun").asText()).contains("-e TOPOGRAPH_ENROLLMENT_TOKEN=" + secret);
        assertThat(token.at("/commands/containerBuild").asText()).endsWith("--build-arg SERVER=http://localhost -");

        JsonNode defaults = DaemonTestSupport.createToken(admin, network, "{}");
        assertThat(defaults.get("maxUses").asInt()).isEqualTo(1);
        assertThat(Duration.between(Instant.now(), Instant.parse(defaults.get("expiresAt").asText())).toHours()).isEqualTo(23);
        assertThat(admin.web().json("POST", "/api/v1/networks/" + network + "/daemon-tokens", null).statusCode()).isEqualTo(201);

        JsonNode list = Teams.json(admin.web().getJson("/api/v1/networks/" + network + "/daemon-tokens"));
        assertThat(list).hasSize(3);
        assertThat(list.toString()).doesNotContain(secret).doesNotContain("hash");
        assertThat(list.get(2).get("id").asText()).isEqualTo(token.get("id").asText());

        String path = "/api/v1/networks/" + network + "/daemon-tokens/" + token.get("id").asText();
        assertThat(admin.web().json("DELETE", path, null).statusCode()).isEqualTo(204);
        assertThat(admin.web().json("DELETE", path, null).statusCode()).isEqualTo(204);
        JsonNode revoked = Teams.json(admin.web().getJson("/api/v1/networks/" + network + "/daemon-tokens")).get(2);
        assertThat(revoked.get("status").asText()).isEqualTo("REVOKED");
        assertThat(revoked.get("revokedAt").isNull()).isFalse();
        assertThat(admin.web().json("DELETE", "/api/v1/networks/" + network + "/daemon-tokens/" + UUID.randomUUID(), null).statusCode())
                .isEqualTo(404);
    }

    @Test
    void bad_token_settings_answer_422_and_create_nothing() {
        Accounts.Account admin = signUp("ada");
        String network = Teams.homeNetworkId(admin);
        Map<String, String> cases = Map.of(
                "{\"maxUses\":0}", "maxUses",
                "{\"maxUses\":1001}", "maxUses",
                "{\"maxUses\":\"many\"}", "maxUses",
                "{\"expiresIn\":\"2h\"}", "expiresIn",
                "{\"expiresIn\":\"forever\"}", "expiresIn",
                "{\"nameHint\":\"" + "x".repeat(81) + "\"}", "nameHint");
        cases.forEach((body, field) -> {
            HttpResponse<String> response = admin.web().json("POST", "/api/v1/networks/" + network + "/daemon-tokens", body);
            assertThat(response.statusCode()).as(body).isEqualTo(422);
            assertThat(Teams.json(response).get("errors").findValuesAsText("field")).as(body).containsExactly(field);
        });
        assertThat(admin.web().json("POST", "/api/v1/networks/" + network + "/daemon-tokens", "{not json").statusCode()).isEqualTo(400);
        assertThat(admin.web().json("POST", "/api/v1/networks/not-a-uuid/daemon-tokens", "{}").statusCode()).isEqualTo(400);
        assertThat(db().count("select count(*) from daemon_enrollment_tokens where network_id = ?", UUID.fromString(network))).isZero();
    }

    @Test
    void daemons_are_listed_shown_patched_rotated_and_deleted() {
        Accounts.Account admin = signUp("ada");
        String network = Teams.homeNetworkId(admin);
        JsonNode enrolled = DaemonTestSupport.enrollNew(base(), admin, network);
        String id = enrolled.get("daemonId").asText();
        assertThat(heartbeat(base(), enrolled.get("credential").asText(),
                heartbeatBody("[{\"cidr\":\"127.0.0.0/8\",\"interface\":\"lo\",\"ip\":\"127.0.0.1\",\"mac\":null}]")).statusCode()).isEqualTo(200);

        JsonNode list = Teams.json(admin.web().getJson("/api/v1/networks/" + network + "/daemons"));
        assertThat(list).hasSize(1);
        JsonNode d = list.get(0);
        assertThat(d.get("id").asText()).isEqualTo(id);
        assertThat(d.get("networkId").asText()).isEqualTo(network);
        assertThat(d.get("name").asText()).isEqualTo("rack-a");
        assertThat(d.get("hostname").asText()).isEqualTo("rack-a.lan");
        assertThat(d.get("version").asText()).isEqualTo("0.1.0");
        assertThat(d.get("status").asText()).isEqualTo(Versions.isOlder("0.1.0", jar.get().orElseThrow().version()) ? "OUTDATED" : "ONLINE");
        assertThat(d.get("state").asText()).isEqualTo("IDLE");
        assertThat(d.get("integrated").asBoolean()).isFalse();
        assertThat(d.get("capabilities").toString()).isEqualTo("[\"tcp-connect\"]");
        assertThat(d.at("/subnets/0/cidr").asText()).isEqualTo("127.0.0.0/8");
        assertThat(d.at("/subnets/0/interface").asText()).isEqualTo("lo");
        assertThat(d.get("credentialPrefix").asText()).isEqualTo(enrolled.get("credential").asText().substring(0, 12));
        assertThat(d.get("lastHeartbeatAt").isNull()).isFalse();
        assertThat(d.toString()).doesNotContain(enrolled.get("credential").asText()).doesNotContain("instance");

        assertThat(Teams.json(admin.web().getJson("/api/v1/daemons/" + id))).isEqualTo(d);

        HttpResponse<String> patched = admin.web().json("PATCH", "/api/v1/daemons/" + id, "{\"name\":\"  Rack A  \",\"disabled\":true}");
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        assertThat(Teams.json(patched).get("name").asText()).isEqualTo("Rack A");
        assertThat(Teams.json(patched).get("status").asText()).isEqualTo("DISABLED");
        assertThat(Teams.json(admin.web().json("PATCH", "/api/v1/daemons/" + id, "{\"disabled\":false}")).get("name").asText())
                .isEqualTo("Rack A");

        HttpResponse<String> rotated = admin.web().json("POST", "/api/v1/daemons/" + id + "/credential-rotations", null);
        assertThat(rotated.statusCode()).isEqualTo(201);
        assertThat(rotated.headers().firstValue("Location").orElseThrow()).isEqualTo("/api/v1/daemons/" + id);
        JsonNode rotation = Teams.json(rotated);
        assertThat(rotation.get("token").asText()).startsWith("tge_");
        assertThat(rotation.get("daemonId").asText()).isEqualTo(id);
        assertThat(rotation.at("/commands/linux").asText()).endsWith("--token " + rotation.get("token").asText());
        assertThat(Teams.json(admin.web().getJson("/api/v1/daemons/" + id)).get("credentialPrefix").asText())
                .isNotEqualTo(d.get("credentialPrefix").asText());

        assertThat(admin.web().json("DELETE", "/api/v1/daemons/" + id, null).statusCode()).isEqualTo(204);
        assertThat(admin.web().getJson("/api/v1/daemons/" + id).statusCode()).isEqualTo(404);
        assertThat(admin.web().json("DELETE", "/api/v1/daemons/" + id, null).statusCode()).isEqualTo(404);
        assertThat(Teams.json(admin.web().getJson("/api/v1/networks/" + network + "/daemons"))).isEmpty();
    }

    @Test
    void bad_patches_answer_422_and_change_nothing() {
        Accounts.Account admin = signUp("ada");
        String network = Teams.homeNetworkId(admin);
        String id = DaemonTestSupport.enrollNew(base(), admin, network).get("daemonId").asText();
        for (String body : new String[]{"{}", "{\"name\":\"\"}", "{\"name\":\"" + "n".repeat(81) + "\",\"disabled\":true}",
                "{\"name\":\"tab\\u0007bell\"}"}) {
            HttpResponse<String> response = admin.web().json("PATCH", "/api/v1/daemons/" + id, body);
            assertThat(response.statusCode()).as(body).isEqualTo(422);
            assertThat(Teams.json(response).get("errors").findValuesAsText("field")).as(body).containsExactly("name");
        }
        for (String body : new String[]{"{\"disabled\":\"maybe\"}", "{\"disabled\":1}", "{\"name\":\"ok\",\"disabled\":\"yes\"}"}) {
            HttpResponse<String> response = admin.web().json("PATCH", "/api/v1/daemons/" + id, body);
            assertThat(response.statusCode()).as(body).isEqualTo(422);
            assertThat(Teams.json(response).get("errors").findValuesAsText("field")).as(body).containsExactly("disabled");
        }
        assertThat(admin.web().json("PATCH", "/api/v1/daemons/" + id, "{not json").statusCode()).isEqualTo(400);
        assertThat(db().column("select name || disabled from daemons where id = ?", UUID.fromString(id))).containsExactly("rack-afalse");
    }

    @Test
    void an_api_key_works_within_its_role() {
        Accounts.Account admin = signUp("ada");
        String network = Teams.homeNetworkId(admin);
        String id = DaemonTestSupport.enrollNew(base(), admin, network).get("daemonId").asText();
        String adminKey = Teams.json(admin.web().json("POST", "/api/v1/api-keys", "{\"name\":\"ops\"}")).get("token").asText();
        String viewerKey = Teams.json(admin.web().json("POST", "/api/v1/api-keys", "{\"name\":\"ro\",\"role\":\"VIEWER\"}")).get("token").asText();
        BearerClient ops = new BearerClient(base(), adminKey);
        BearerClient readOnly = new BearerClient(base(), viewerKey);
        assertThat(ops.send("POST", "/api/v1/networks/" + network + "/daemon-tokens", "{}").statusCode()).isEqualTo(201);
        assertThat(readOnly.get("/api/v1/networks/" + network + "/daemons").statusCode()).isEqualTo(200);
        assertThat(readOnly.get("/api/v1/daemons/" + id).statusCode()).isEqualTo(200);
        assertThat(readOnly.send("POST", "/api/v1/networks/" + network + "/daemon-tokens", "{}").statusCode()).isEqualTo(403);
        assertThat(readOnly.send("PATCH", "/api/v1/daemons/" + id, "{\"disabled\":true}").statusCode()).isEqualTo(403);
        assertThat(readOnly.send("POST", "/api/v1/daemons/" + id + "/credential-rotations", null).statusCode()).isEqualTo(403);
        assertThat(ops.send("PATCH", "/api/v1/daemons/" + id, "{\"disabled\":true}").statusCode()).isEqualTo(200);
    }
}
