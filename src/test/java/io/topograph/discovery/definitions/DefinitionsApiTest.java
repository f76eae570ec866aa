package io.topograph.discovery.definitions;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.platform.tenancy.Role;
import io.topograph.support.Accounts;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest
class DefinitionsApiTest extends DefinitionsTestBase {

    @Test
    void an_owner_creates_a_cron_definition_that_gets_a_trigger_and_a_next_run() {
        Site site = site("ada");
        HttpResponse<String> created = site.owner().web().json("POST", site.api(""),
                "{\"name\":\"Nightly\",\"daemonId\":\"" + site.daemonId() + "\",\"targets\":[\"127.0.0.0/29\"],"
                        + "\"exclude\":[\"127.0.0.3\"],\"ports\":\"22,80\",\"cron\":\"30 2 * * 1-5\",\"timezone\":\"Europe/Berlin\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode body = json(created);
        UUID id = UUID.fromString(body.get("id").asText());
        assertThat(created.headers().firstValue("Location")).hasValue(site.api("/" + id));
        assertThat(body.get("schedule").asText()).isEqualTo("CRON");
        assertThat(body.get("cron").asText()).isEqualTo("30 2 * * 1-5");
        assertThat(body.get("timezone").asText()).isEqualTo("Europe/Berlin");
        assertThat(body.get("daemonName").asText()).isEqualTo("rack-a");
        assertThat(body.get("enabled").asBoolean()).isTrue();
        Instant next = Instant.parse(body.get("nextRunAt").asText());
        assertThat(next).isAfter(Instant.now());
        assertThat(triggers(id)).isEqualTo(1);

        JsonNode listed = json(site.owner().web().getJson(site.api("")));
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("id").asText()).isEqualTo(id.toString());
    }

    @Test
    void run_now_queues_a_run_with_the_exclusions_applied() {
        Site site = site("bea");
        UUID id = create(site, "{\"name\":\"Lab\",\"targets\":[\"127.0.0.0/29\"],\"exclude\":[\"127.0.0.3\"],\"ports\":\"top100\"}");
        assertThat(triggers(id)).as("manual only: no trigger").isZero();
        HttpResponse<String> run = site.owner().web().json("POST", site.api("/" + id + "/runs"), null);
        assertThat(run.statusCode()).as(run.body()).isEqualTo(201);
        JsonNode body = json(run);
        assertThat(body.get("state").asText()).isEqualTo("QUEUED");
        assertThat(body.get("targets").toString()).isEqualTo("[\"127.0.0.0-127.0.0.2\",\"127.0.0.4-127.0.0.7\"]");
        assertThat(db.count("select count(*) from discovery_runs where definition_id = ?", id)).isEqualTo(1);
        JsonNode shown = json(site.owner().web().getJson(site.api("/" + id)));
        assertThat(shown.get("lastRun").get("id").asText()).isEqualTo(body.get("id").asText());
    }

    @Test
    void empty_targets_mean_the_daemons_subnets_when_the_run_is_queued() {
        Site site = site("cid");
        UUID id = create(site, "{\"name\":\"Subnets\",\"daemonId\":\"" + site.daemonId() + "\"}");
        JsonNode run = json(site.owner().web().json("POST", site.api("/" + id + "/runs"), null));
        assertThat(run.get("targets").toString()).isEqualTo("[\"127.0.0.0/8\"]");
        assertThat(run.get("daemonId").asText()).isEqualTo(site.daemonId().toString());
    }

    @Test
    void update_replaces_the_schedule_and_disabling_removes_the_trigger() {
        Site site = site("dan");
        UUID id = create(site, "{\"name\":\"A\",\"cron\":\"0 3 * * *\"}");
        assertThat(triggers(id)).isEqualTo(1);
        HttpResponse<String> updated = site.owner().web().json("PUT", site.api("/" + id),
                "{\"name\":\"B\",\"intervalSeconds\":3600}");
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        assertThat(json(updated).get("schedule").asText()).isEqualTo("INTERVAL");
        assertThat(db.count("select count(*) from qrtz_cron_triggers where trigger_name = ?", id.toString())).isZero();
        assertThat(triggers(id)).isEqualTo(1);
        HttpResponse<String> disabled = site.owner().web().json("PUT", site.api("/" + id),
                "{\"name\":\"B\",\"intervalSeconds\":3600,\"enabled\":false}");
        assertThat(json(disabled).get("nextRunAt").isNull()).isTrue();
        assertThat(triggers(id)).isZero();
        assertThat(site.owner().web().json("DELETE", site.api("/" + id), null).statusCode()).isEqualTo(204);
        assertThat(definitions(site)).isZero();
    }

    @Test
    void bad_input_is_422_with_field_errors_and_nothing_is_written() {
        Site site = site("eve");
        String[][] cases = {
                {"{\"name\":\"\"}", "name"},
                {"{\"name\":\"" + "x".repeat(101) + "\"}", "name"},
                {"{\"name\":\"a\",\"cron\":\"61 * * * *\"}", "cron"},
                {"{\"name\":\"a\",\"cron\":\"* * *\"}", "cron"},
                {"{\"name\":\"a\",\"cron\":\"0 3 * * *\",\"timezone\":\"Mars/Olympus\"}", "timezone"},
                {"{\"name\":\"a\",\"intervalSeconds\":60}", "intervalSeconds"},
                {"{\"name\":\"a\",\"cron\":\"0 3 * * *\",\"intervalSeconds\":3600}", "cron"},
                {"{\"name\":\"a\",\"targets\":[\"10.0.0.0/33\"]}", "targets"},
                {"{\"name\":\"a\",\"targets\":[\"224.0.0.1\"]}", "targets"},
                {"{\"name\":\"a\",\"exclude\":[\"nope\"]}", "exclude"},
                {"{\"name\":\"a\",\"targets\":[\"127.0.0.1\"],\"exclude\":[\"127.0.0.0/24\"]}", "exclude"},
                {"{\"name\":\"a\",\"ports\":\"70000\"}", "ports"},
                {"{\"name\":\"a\",\"daemonId\":\"" + UUID.randomUUID() + "\"}", "daemonId"},
                {"{\"name\":\"a\",\"daemonId\":\"not-a-uuid\"}", "daemonId"},
        };
        for (String[] c : cases) {
            HttpResponse<String> r = site.owner().web().json("POST", site.api(""), c[0]);
            assertThat(r.statusCode()).as(c[0] + " → " + r.body()).isEqualTo(422);
            assertThat(r.body()).as(c[0]).contains("\"field\":\"" + c[1] + "\"");
        }
        assertThat(site.owner().web().json("POST", site.api(""), "{not json").statusCode()).isEqualTo(400);
        assertThat(definitions(site)).isZero();
        assertThat(db.count("select count(*) from qrtz_triggers where trigger_group = ?", site.organizationId().toString())).isZero();
    }

    @Test
    void a_bad_update_changes_neither_the_definition_nor_its_trigger() {
        Site site = site("fay");
        UUID id = create(site, "{\"name\":\"Keep\",\"cron\":\"0 3 * * *\"}");
        HttpResponse<String> r = site.owner().web().json("PUT", site.api("/" + id), "{\"name\":\"Keep\",\"cron\":\"0 25 * * *\"}");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("The hour must be from 0 to 23");
        assertThat(db.column("select cron from discovery_definitions where id = ?", id)).containsExactly("0 3 * * *");
        assertThat(db.column("select cron_expression from qrtz_cron_triggers where trigger_name = ?", id.toString()))
                .containsExactly("0 0 3 * * ?");
    }

    @Test
    void a_viewer_reads_but_cannot_write() {
        Site site = site("gus");
        UUID id = create(site, "{\"name\":\"Read me\"}");
        Accounts.Account viewer = signUp("viewer");
        db.addMember(site.owner().slug(), viewer.email(), Role.VIEWER, site.networkId());
        var web = viewer.web();
        web.get(site.owner().org("/networks"));
        HttpResponse<String> list = web.getJson(site.api(""));
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(json(list).get(0).get("id").asText()).isEqualTo(id.toString());
        assertThat(web.json("POST", site.api(""), "{\"name\":\"x\"}").statusCode()).isEqualTo(403);
        assertThat(web.json("PUT", site.api("/" + id), "{\"name\":\"x\"}").statusCode()).isEqualTo(403);
        assertThat(web.json("DELETE", site.api("/" + id), null).statusCode()).isEqualTo(403);
        assertThat(web.json("POST", site.api("/" + id + "/runs"), null).statusCode()).isEqualTo(403);
        assertThat(definitions(site)).isEqualTo(1);
        assertThat(db.column("select name from discovery_definitions where id = ?", id)).containsExactly("Read me");
    }

    @Test
    void another_organization_gets_404_for_every_route_and_sees_nothing() {
        Site site = site("hal");
        UUID id = create(site, "{\"name\":\"Mine\",\"cron\":\"0 3 * * *\"}");
        Site other = site("ivy");
        var web = other.owner().web();
        assertThat(web.getJson(site.api("")).statusCode()).isEqualTo(404);
        assertThat(web.getJson(site.api("/" + id)).statusCode()).isEqualTo(404);
        assertThat(web.json("POST", site.api(""), "{\"name\":\"x\"}").statusCode()).isEqualTo(404);
        assertThat(web.json("PUT", site.api("/" + id), "{\"name\":\"x\"}").statusCode()).isEqualTo(404);
        assertThat(web.json("DELETE", site.api("/" + id), null).statusCode()).isEqualTo(404);
        assertThat(web.json("POST", site.api("/" + id + "/runs"), null).statusCode()).isEqualTo(404);
        // Its own network with the other organization's definition id: still 404.
        assertThat(web.getJson(other.api("/" + id)).statusCode()).isEqualTo(404);
        assertThat(web.json("DELETE", other.api("/" + id), null).statusCode()).isEqualTo(404);
        assertThat(definitions(site)).isEqualTo(1);
        assertThat(triggers(id)).isEqualTo(1);
    }
}
