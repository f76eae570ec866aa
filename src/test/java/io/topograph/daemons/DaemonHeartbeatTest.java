package io.topograph.daemons;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.invites.Teams;
import io.topograph.platform.daemonjar.DaemonJar;
import io.topograph.support.Accounts;
import io.topograph.support.AppTest;
import io.topograph.support.TestDatabase;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.topograph.daemons.DaemonTestSupport.heartbeat;
import static io.topograph.daemons.DaemonTestSupport.heartbeatBody;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /api/daemon/v1/heartbeat}, credential rotation and disabling, over HTTP. */
@MicronautTest
class DaemonHeartbeatTest extends AppTest {

    @Inject
    DataSource dataSource;

    @Inject
    DaemonJar jar;

    private TestDatabase db() {
        return new TestDatabase(dataSource);
    }

    /** An admin, their home network and a daemon enrolled into it through the real enrollment call. */
    private record Setup(Accounts.Account admin, String networkId, UUID daemonId, String credential) {
    }

    private Setup enrolled() {
        Accounts.Account admin = signUp("ada");
        String network = Teams.homeNetworkId(admin);
        JsonNode e = DaemonTestSupport.enrollNew(base(), admin, network);
        return new Setup(admin, network, UUID.fromString(e.get("daemonId").asText()), e.get("credential").asText());
    }

    @Test
    void a_heartbeat_answers_as_fixture_02_and_renews_the_lease() {
        Setup s = enrolled();
        Map<String, JsonNode> vars = new HashMap<>();
        vars.put("credential", JsonNodeFactory.instance.textNode(s.credential()));
        ProtocolFixture fixture = ProtocolFixture.load("02-heartbeat.json", vars);
        Instant before = Instant.now().minusSeconds(1);

        HttpResponse<String> response = DaemonTestSupport.call(base(), fixture.path(), s.credential(), fixture.requestBody());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(fixture.expectedStatus());
        JsonNode body = Teams.json(response);
        assertThat(fixture.mismatches(body)).isEmpty();
        assertThat(body.get("latestVersion").asText()).isEqualTo(jar.get().orElseThrow().version());
        Timestamp last = (Timestamp) db().column("select last_heartbeat_at from daemons where id = ?", s.daemonId()).get(0);
        Timestamp lease = (Timestamp) db().column("select lease_expires_at from daemons where id = ?", s.daemonId()).get(0);
        assertThat(last.toInstant()).isAfter(before);
        assertThat(Duration.between(last.toInstant(), lease.toInstant())).isEqualTo(Duration.ofSeconds(90));
        assertThat(db().column("select state || ' ' || version || ' ' || hostname || ' ' || capabilities::text from daemons where id = ?",
                s.daemonId())).containsExactly("IDLE 0.1.0 rack-a.lan [\"tcp-connect\", \"udp\"]");
        // The fixture's subnet (the sample: 127.0.0.0/8 on lo) is in the network's inventory.
        assertThat(db().column("select cidr::text from subnets where network_id = ?", UUID.fromString(s.networkId())))
                .containsExactly("127.0.0.0/8");
    }

    @Test
    void reported_subnets_are_upserted_into_the_network_and_seen_again_later() throws Exception {
        Setup s = enrolled();
        UUID network = UUID.fromString(s.networkId());
        String subnets = "[{\"cidr\":\"127.0.0.0/8\",\"interface\":\"lo\",\"ip\":\"127.0.0.1\",\"mac\":null},"
                + "{\"cidr\":\"192.168.50.7/24\",\"interface\":\"eth0\",\"ip\":\"192.168.50.7\",\"mac\":\"02:42:AC:11:00:02\"},"
                + "{\"cidr\":\"192.168.50.0/24\",\"interface\":\"eth0:1\"},"
                + "{\"cidr\":\"fd00:0:0:0::/64\",\"interface\":\"eth0\",\"ip\":\"fd00::7\"}]";
        assertThat(heartbeat(base(), s.credential(), heartbeatBody(subnets)).statusCode()).isEqualTo(200);
        assertThat(db().column("select cidr::text from subnets where network_id = ? order by cidr", network))
                .containsExactly("127.0.0.0/8", "192.168.50.0/24", "fd00::/64");
        Timestamp firstSeen = (Timestamp) db().column("select last_seen from subnets where network_id = ? and cidr = '192.168.50.0/24'",
                network).get(0);
        assertThat(db().column("select subnets::text from daemons where id = ?", s.daemonId()).get(0).toString())
                .contains("\"cidr\": \"192.168.50.0/24\"").contains("\"mac\": \"02:42:ac:11:00:02\"").contains("\"interface\": \"eth0\"");

        Thread.sleep(20);
        assertThat(heartbeat(base(), s.credential(), heartbeatBody("[{\"cidr\":\"192.168.50.0/24\"}]")).statusCode()).isEqualTo(200);
        assertThat(db().count("select count(*) from subnets where network_id = ?", network)).isEqualTo(3);
        Timestamp seenAgain = (Timestamp) db().column("select last_seen from subnets where network_id = ? and cidr = '192.168.50.0/24'",
                network).get(0);
        assertThat(seenAgain).isAfter(firstSeen);
        // The daemon's own record shows only what it reported last.
        assertThat(db().column("select jsonb_array_length(subnets) from daemons where id = ?", s.daemonId())).containsExactly(1);
    }

    @Test
    void one_malformed_subnet_refuses_the_whole_heartbeat_with_422_and_writes_nothing() {
        Setup s = enrolled();
        UUID network = UUID.fromString(s.networkId());
        Map<String, String> cases = Map.of(
                "[{\"cidr\":\"10.9.0.0/24\"},{\"cidr\":\"10.9.1.0/33\"}]", "subnets[1].cidr",
                "[{\"cidr\":\"10.9.0.0/24\"},{\"cidr\":\"example.com/24\"}]", "subnets[1].cidr",
                "[{\"cidr\":\"10.9.0.0/24\"},{\"interface\":\"eth1\"}]", "subnets[1].cidr",
                "[{\"cidr\":\"10.9.0.0/24\",\"ip\":\"10.9.0.300\"}]", "subnets[0].ip",
                "[{\"cidr\":\"10.9.0.0/24\",\"mac\":\"zz:zz\"}]", "subnets[0].mac",
                "[null]", "subnets[0]");
        cases.forEach((subnets, field) -> {
            HttpResponse<String> response = heartbeat(base(), s.credential(), heartbeatBody(subnets));
            assertThat(response.statusCode()).as(subnets).isEqualTo(422);
            assertThat(Teams.json(response).get("errors").findValuesAsText("field")).as(subnets).contains(field);
        });
        HttpResponse<String> badState = heartbeat(base(), s.credential(),
                "{\"version\":\"0.1.0\",\"state\":\"NAPPING\",\"subnets\":[{\"cidr\":\"10.9.0.0/24\"}]}");
        assertThat(badState.statusCode()).isEqualTo(422);
        assertThat(Teams.json(badState).get("errors").findValuesAsText("field")).containsExactly("state");
        assertThat(heartbeat(base(), s.credential(), "{\"state\":\"IDLE\"}").statusCode()).isEqualTo(422);
        assertThat(heartbeat(base(), s.credential(), "{\"version\":\"0.1.0\",\"state\":\"IDLE\",\"activeRunId\":\"nope\"}").statusCode())
                .isEqualTo(422);
        assertThat(heartbeat(base(), s.credential(), "{not json").statusCode()).isEqualTo(400);

        assertThat(db().count("select count(*) from subnets where network_id = ?", network)).isZero();
        assertThat(db().column("select last_heartbeat_at from daemons where id = ?", s.daemonId())).containsExactly((Object) null);
    }

    @Test
    void work_available_and_cancelled_runs_come_from_the_networks_queue() {
        Setup s = enrolled();
        UUID org = db().organizationId(s.admin().slug());
        UUID network = UUID.fromString(s.networkId());
        assertThat(Teams.json(heartbeat(base(), s.credential(), heartbeatBody("[]"))).get("workAvailable").asBoolean()).isFalse();

        // A run meant for another daemon of the network is not this one's work.
        String other = db().insertDaemon(org, network, "other");
        UUID otherId = (UUID) db().column("select id from daemons where network_id = ? and name = 'other'", network).get(0);
        UUID forOther = UUID.randomUUID();
        db().update("insert into discovery_runs (id, organization_id, network_id, daemon_id) values (?, ?, ?, ?)", forOther, org, network, otherId);
        assertThat(Teams.json(heartbeat(base(), s.credential(), heartbeatBody("[]"))).get("workAvailable").asBoolean()).isFalse();
        assertThat(Teams.json(heartbeat(base(), other, heartbeatBody("[]"))).get("workAvailable").asBoolean()).isTrue();

        UUID anyDaemon = UUID.randomUUID();
        db().update("insert into discovery_runs (id, organization_id, network_id) values (?, ?, ?)", anyDaemon, org, network);
        assertThat(Teams.json(heartbeat(base(), s.credential(), heartbeatBody("[]"))).get("workAvailable").asBoolean()).isTrue();

        // Cancelled runs it claimed: named while recent, forgotten after 10 minutes.
        UUID cancelled = UUID.randomUUID();
        UUID longAgo = UUID.randomUUID();
        db().update("insert into discovery_runs (id, organization_id, network_id, state, claimed_by, finished_at)"
                + " values (?, ?, ?, 'CANCELLED', ?, now() - interval '1 minute')", cancelled, org, network, s.daemonId());
        db().update("insert into discovery_runs (id, organization_id, network_id, state, claimed_by, finished_at)"
                + " values (?, ?, ?, 'CANCELLED', ?, now() - interval '11 minutes')", longAgo, org, network, s.daemonId());
        db().update("insert into discovery_runs (id, organization_id, network_id, state, claimed_by, finished_at)"
                + " values (?, ?, ?, 'CANCELLED', ?, now())", UUID.randomUUID(), org, network, otherId);
        JsonNode answer = Teams.json(heartbeat(base(), s.credential(), heartbeatBody("[]")));
        assertThat(answer.get("cancelRunIds").toString()).isEqualTo("[\"" + cancelled + "\"]");
    }

    @Test
    void after_a_rotation_the_old_credential_answers_as_fixture_09_and_the_bound_token_re_keys_the_same_daemon() {
        Setup s = enrolled();
        HttpResponse<String> rotated = s.admin().web().json("POST", "/api/v1/daemons/" + s.daemonId() + "/credential-rotations", null);
        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(201);
        JsonNode rotation = Teams.json(rotated);
        assertThat(rotation.get("daemonId").asText()).isEqualTo(s.daemonId().toString());
        assertThat(rotation.get("maxUses").asInt()).isEqualTo(1);

        Map<String, JsonNode> vars = new HashMap<>();
        vars.put("credential", JsonNodeFactory.instance.textNode(s.credential()));
        ProtocolFixture fixture = ProtocolFixture.load("09-heartbeat-after-rotation.json", vars);
        HttpResponse<String> refused = DaemonTestSupport.call(base(), fixture.path(), s.credential(), fixture.requestBody());
        assertThat(refused.statusCode()).isEqualTo(fixture.expectedStatus()).isEqualTo(401);
        assertThat(fixture.mismatches(Teams.json(refused))).isEmpty();

        // Re-enrolling with the bound token (even from a reinstalled host with a new instance id) keeps the daemon.
        HttpResponse<String> reenrolled = DaemonTestSupport.enroll(base(),
                DaemonTestSupport.enrollBody(rotation.get("token").asText(), UUID.randomUUID()));
        assertThat(reenrolled.statusCode()).as(reenrolled.body()).isEqualTo(201);
        JsonNode again = Teams.json(reenrolled);
        assertThat(again.get("daemonId").asText()).isEqualTo(s.daemonId().toString());
        assertThat(db().count("select count(*) from daemons where network_id = ?", UUID.fromString(s.networkId()))).isEqualTo(1);
        assertThat(heartbeat(base(), again.get("credential").asText(), heartbeatBody("[]")).statusCode()).isEqualTo(200);
        assertThat(heartbeat(base(), s.credential(), heartbeatBody("[]")).statusCode()).isEqualTo(401);
        // Single use: nobody else can take the daemon over with it.
        assertThat(DaemonTestSupport.enroll(base(), DaemonTestSupport.enrollBody(rotation.get("token").asText(), UUID.randomUUID()))
                .statusCode()).isEqualTo(401);
    }

    @Test
    void a_second_rotation_revokes_the_first_rotations_unused_token() {
        Setup s = enrolled();
        String first = Teams.json(s.admin().web().json("POST", "/api/v1/daemons/" + s.daemonId() + "/credential-rotations", null))
                .get("token").asText();
        String second = Teams.json(s.admin().web().json("POST", "/api/v1/daemons/" + s.daemonId() + "/credential-rotations", null))
                .get("token").asText();
        HttpResponse<String> stale = DaemonTestSupport.enroll(base(), DaemonTestSupport.enrollBody(first, UUID.randomUUID()));
        assertThat(stale.statusCode()).isEqualTo(401);
        assertThat(Teams.json(stale).get("message").asText()).contains("revoked");
        assertThat(DaemonTestSupport.enroll(base(), DaemonTestSupport.enrollBody(second, UUID.randomUUID())).statusCode()).isEqualTo(201);
    }

    @Test
    void a_disabled_daemon_gets_403_until_it_is_enabled_again() {
        Setup s = enrolled();
        assertThat(s.admin().web().json("PATCH", "/api/v1/daemons/" + s.daemonId(), "{\"disabled\":true}").statusCode()).isEqualTo(200);
        HttpResponse<String> refused = heartbeat(base(), s.credential(), heartbeatBody("[]"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(Teams.json(refused).get("message").asText()).isEqualTo("daemon disabled");
        assertThat(s.admin().web().json("PATCH", "/api/v1/daemons/" + s.daemonId(), "{\"disabled\":false}").statusCode()).isEqualTo(200);
        assertThat(heartbeat(base(), s.credential(), heartbeatBody("[]")).statusCode()).isEqualTo(200);
    }

    @Test
    void a_deleted_daemon_can_no_longer_heartbeat() {
        Setup s = enrolled();
        assertThat(s.admin().web().json("DELETE", "/api/v1/daemons/" + s.daemonId(), null).statusCode()).isEqualTo(204);
        assertThat(heartbeat(base(), s.credential(), heartbeatBody("[]")).statusCode()).isEqualTo(401);
        assertThat(heartbeat(base(), null, heartbeatBody("[]")).statusCode()).isEqualTo(401);
        assertThat(List.of(db().count("select count(*) from daemons where id = ?", s.daemonId()))).containsExactly(0L);
    }
}
