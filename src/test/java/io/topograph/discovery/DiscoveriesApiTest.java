package io.topograph.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.platform.tenancy.Role;
import io.topograph.support.Accounts;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest
class DiscoveriesApiTest extends DiscoveryTestBase {

    private static String path(Site site) {
        return "/api/v1/networks/" + site.networkId() + "/discoveries";
    }

    @Test
    void queueing_answers_201_with_the_location_and_the_queued_run() {
        Site site = site("ada");
        HttpResponse<String> created = site.owner().web().json("POST", path(site),
                "{\"targets\":\"127.0.0.1\\n127.0.10.0/28\",\"ports\":\"22, 80\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode run = json(created);
        assertThat(created.headers().firstValue("Location")).contains("/api/v1/discoveries/" + run.get("id").asText());
        assertThat(run.get("state").asText()).isEqualTo("QUEUED");
        assertThat(run.get("targets")).hasSize(2);
        assertThat(run.get("targets").get(1).asText()).isEqualTo("127.0.10.0/28");
        assertThat(run.get("ports").asText()).isEqualTo("22,80");
        assertThat(run.get("trigger").asText()).isEqualTo("API");
        assertThat(run.get("attempt").asInt()).isZero();
        assertThat(run.get("percent").asInt()).isZero();
        assertThat(run.at("/options/ratePerSecond").asInt()).isEqualTo(RunOptions.defaults().ratePerSecond());
        assertThat(run.at("/options/timeoutMs").asInt()).isEqualTo(1000);
        assertThat(run.at("/options/udp").asBoolean()).isTrue();
        assertThat(run.at("/options/printerPorts").asBoolean()).isFalse();
        assertThat(run.get("waitingForDaemon").asBoolean()).as("the daemon never heartbeated").isTrue();
        assertThat(run.get("stats").isNull()).isTrue();
        assertThat(run.get("requestedBy").asText()).isEqualTo(db.userId(site.owner().email()).toString());
        assertThat(json(site.owner().web().getJson("/api/v1/discoveries/" + run.get("id").asText()))).isEqualTo(run);
        assertThat(db.column("select targets::text from discovery_runs where id = ?", UUID.fromString(run.get("id").asText())))
                .containsExactly("[\"127.0.0.1\", \"127.0.10.0/28\"]");
    }

    @Test
    void a_daemon_that_heartbeated_lately_is_not_waited_for() {
        Site site = site("ada");
        db.update("update daemons set last_heartbeat_at = now() where id = ?", daemonId(site.credential()));
        UUID run = queue(site);
        assertThat(json(site.owner().web().getJson("/api/v1/discoveries/" + run)).get("waitingForDaemon").asBoolean()).isFalse();
    }

    @Test
    void the_daemons_subnets_are_listed_explicitly_as_targets() {
        Site site = site("ada");
        UUID daemon = daemonId(site.credential());
        db.update("update daemons set subnets = ?::jsonb where id = ?",
                "[{\"cidr\":\"127.0.10.0/24\",\"interface\":\"lo\",\"ip\":\"127.0.10.1\",\"mac\":null},"
                        + "{\"cidr\":\"127.0.20.0/24\",\"interface\":\"lo:1\",\"ip\":\"127.0.20.1\",\"mac\":null}]", daemon);
        HttpResponse<String> created = site.owner().web().json("POST", path(site),
                "{\"targetsMode\":\"subnets\",\"ports\":\"top1000\",\"daemonId\":\"" + daemon + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode run = json(created);
        assertThat(run.get("targets").toString()).isEqualTo("[\"127.0.10.0/24\",\"127.0.20.0/24\"]");
        assertThat(run.get("daemonId").asText()).isEqualTo(daemon.toString());
        assertThat(run.get("ports").asText()).isEqualTo("top1000");
    }

    @Test
    void subnets_mode_is_refused_when_no_daemon_reported_any() {
        Site site = site("ada");
        HttpResponse<String> refused = site.owner().web().json("POST", path(site), "{\"targetsMode\":\"subnets\"}");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(json(refused).get("errors").get(0).get("field").asText()).isEqualTo("targets");
        assertThat(json(refused).get("errors").get(0).get("message").asText()).contains("No subnets are known");
        assertThat(runs(site.networkId())).isZero();
    }

    @Test
    void bad_targets_ports_or_daemon_answer_422_with_field_errors_and_write_nothing() {
        Site site = site("ada");
        String many = IntStream.rangeClosed(1, 65).mapToObj(i -> "127.0.2." + i).collect(Collectors.joining(","));
        String[][] cases = {
                {"{\"targets\":\"\"}", "targets", "Enter at least one target"},
                {"{\"targets\":\"127.0.0.1, 224.0.0.1\"}", "targets", "multicast"},
                {"{\"targets\":\"169.254.169.254\"}", "targets", "metadata"},
                {"{\"targets\":\"" + many + "\"}", "targets", "at most 64"},
                {"{\"targets\":\"127.0.0.1\",\"ports\":\"22,99999\"}", "ports", ""},
                {"{\"targets\":\"127.0.0.1\",\"ports\":\"custom\",\"customPorts\":\"\"}", "customPorts", "Enter the ports"},
                {"{\"targets\":\"127.0.0.1\",\"daemonId\":\"" + UUID.randomUUID() + "\"}", "daemonId", "Choose one of this network's daemons"},
                {"{\"targets\":\"127.0.0.1\",\"daemonId\":\"not-a-uuid\"}", "daemonId", "Choose one"},
                {"{\"targets\":\"" + "1".repeat(4001) + "\"}", "targets", "at most 4000"},
                {"{\"targetsMode\":\"everything\"}", "targetsMode", ""},
        };
        for (String[] c : cases) {
            HttpResponse<String> r = site.owner().web().json("POST", path(site), c[0]);
            assertThat(r.statusCode()).as(c[0] + " → " + r.body()).isEqualTo(422);
            JsonNode error = json(r).get("errors").get(0);
            assertThat(error.get("field").asText()).as(c[0]).isEqualTo(c[1]);
            assertThat(error.get("message").asText()).as(c[0]).contains(c[2]);
        }
        assertThat(site.owner().web().json("POST", path(site), "{\"targets\":").statusCode()).isEqualTo(400);
        assertThat(runs(site.networkId())).isZero();
    }

    @Test
    void a_network_without_a_daemon_cannot_be_scanned() {
        Accounts.Account owner = signUp("ada");
        String network = json(owner.web().json("POST", "/api/v1/networks", "{\"name\":\"Empty\"}")).get("id").asText();
        HttpResponse<String> refused = owner.web().json("POST", "/api/v1/networks/" + network + "/discoveries", "{\"targets\":\"127.0.0.1\"}");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(json(refused).get("message").asText()).contains("add a daemon first");
        assertThat(runs(UUID.fromString(network))).isZero();
    }

    @Test
    void runs_are_listed_newest_first_in_pages() {
        Site site = site("ada");
        UUID first = queue(site, "{\"targets\":\"127.0.0.1\"}");
        UUID second = queue(site, "{\"targets\":\"127.0.0.2\"}");
        UUID third = queue(site, "{\"targets\":\"127.0.0.3\"}");
        JsonNode page1 = json(site.owner().web().getJson(path(site) + "?size=2"));
        assertThat(page1.get("total").asLong()).isEqualTo(3);
        assertThat(page1.get("page").asInt()).isEqualTo(1);
        assertThat(page1.get("items").findValuesAsText("id")).containsExactly(third.toString(), second.toString());
        JsonNode page2 = json(site.owner().web().getJson(path(site) + "?size=2&page=2"));
        assertThat(page2.get("items").findValuesAsText("id")).containsExactly(first.toString());
        assertThat(site.owner().web().getJson(path(site) + "?page=abc").statusCode()).isEqualTo(400);
    }

    @Test
    void cancelling_a_queued_run_then_again_answers_200_then_409() {
        Site site = site("ada");
        UUID run = queue(site);
        HttpResponse<String> cancelled = site.owner().web().json("POST", "/api/v1/discoveries/" + run + "/cancellation", null);
        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(json(cancelled).get("state").asText()).isEqualTo("CANCELLED");
        assertThat(json(cancelled).get("finishedAt").isNull()).isFalse();
        HttpResponse<String> again = site.owner().web().json("POST", "/api/v1/discoveries/" + run + "/cancellation", null);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).get("message").asText()).contains("was cancelled");
        // A cancelled run is never handed to a daemon.
        assertThat(claim(daemon(site.credential())).statusCode()).isEqualTo(204);
    }

    @Test
    void a_viewer_may_follow_runs_but_not_queue_or_cancel_them() {
        Site site = site("ada");
        UUID run = queue(site);
        Accounts.Account viewer = signUp("vic");
        db.addMember(site.owner().slug(), viewer.email(), Role.VIEWER, site.networkId());
        viewer.web().get(site.owner().org("/networks"));
        assertThat(viewer.web().getJson("/api/v1/discoveries/" + run).statusCode()).isEqualTo(200);
        assertThat(viewer.web().getJson(path(site)).statusCode()).isEqualTo(200);
        assertThat(viewer.web().json("POST", path(site), "{\"targets\":\"127.0.0.1\"}").statusCode()).isEqualTo(403);
        assertThat(viewer.web().json("POST", "/api/v1/discoveries/" + run + "/cancellation", null).statusCode()).isEqualTo(403);
        assertThat(state(run)).isEqualTo("QUEUED");
        assertThat(runs(site.networkId())).isEqualTo(1);
    }

    @Test
    void a_member_with_write_access_to_the_network_may_queue() {
        Site site = site("ada");
        Accounts.Account member = signUp("mia");
        db.addMember(site.owner().slug(), member.email(), Role.MEMBER, site.networkId());
        member.web().get(site.owner().org("/networks"));
        HttpResponse<String> created = member.web().json("POST", path(site), "{\"targets\":\"127.0.0.1\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(json(created).get("requestedBy").asText()).isEqualTo(db.userId(member.email()).toString());
    }

    @Test
    void another_organizations_user_and_a_member_without_access_get_404_and_nothing_changes() {
        Site site = site("ada");
        UUID run = queue(site);
        Accounts.Account stranger = signUp("mallory");
        Accounts.Account outsider = signUp("otto");
        db.addMember(site.owner().slug(), outsider.email(), Role.MEMBER);
        outsider.web().get(site.owner().org("/networks"));
        for (Accounts.Account who : new Accounts.Account[]{stranger, outsider}) {
            assertThat(who.web().json("POST", path(site), "{\"targets\":\"127.0.0.1\"}").statusCode()).as(who.name()).isEqualTo(404);
            assertThat(who.web().getJson(path(site)).statusCode()).as(who.name()).isEqualTo(404);
            assertThat(who.web().getJson("/api/v1/discoveries/" + run).statusCode()).as(who.name()).isEqualTo(404);
            assertThat(who.web().json("POST", "/api/v1/discoveries/" + run + "/cancellation", null).statusCode()).as(who.name()).isEqualTo(404);
        }
        assertThat(state(run)).isEqualTo("QUEUED");
        assertThat(runs(site.networkId())).isEqualTo(1);
    }

    @Test
    void an_unknown_run_answers_404() {
        Site site = site("ada");
        assertThat(site.owner().web().getJson("/api/v1/discoveries/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
        assertThat(site.owner().web().getJson("/api/v1/discoveries/not-a-uuid").statusCode()).isEqualTo(400);
    }
}
