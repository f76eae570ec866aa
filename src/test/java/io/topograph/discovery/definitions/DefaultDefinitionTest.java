package io.topograph.discovery.definitions;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.networks.NetworkService;
import io.topograph.support.Accounts;
import io.topograph.support.BearerClient;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A daemon that enrolls gets a weekly definition of its own subnets, in the enrollment's transaction. */
@MicronautTest
class DefaultDefinitionTest extends DefinitionsTestBase {

    @Test
    void an_enrolled_daemon_gets_a_weekly_definition_of_its_subnets() {
        Accounts.Account owner = signUp("ena");
        UUID org = db.organizationId(owner.slug());
        UUID network = db.networkId(owner.slug(), NetworkService.FIRST_NETWORK_NAME);
        HttpResponse<String> token = owner.web().json("POST", "/api/v1/networks/" + network + "/daemon-tokens", "{}");
        assertThat(token.statusCode()).as(token.body()).isEqualTo(201);
        String body = "{\"token\":\"" + json(token).get("token").asText() + "\",\"instanceId\":\"" + UUID.randomUUID()
                + "\",\"name\":\"rack-b\",\"hostname\":\"rack-b.lan\",\"version\":\"0.1.0\",\"capabilities\":[\"tcp-connect\"]}";
        HttpResponse<String> enrolled = new BearerClient(base(), "").send("POST", "/api/daemon/v1/enroll", body);
        assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(201);
        UUID daemon = UUID.fromString(json(enrolled).get("daemonId").asText());

        JsonNode list = json(owner.web().getJson("/api/v1/networks/" + network + "/discovery-definitions"));
        assertThat(list).hasSize(1);
        JsonNode d = list.get(0);
        assertThat(d.get("name").asText()).isEqualTo("Weekly: rack-b");
        assertThat(d.get("isDefault").asBoolean()).isTrue();
        assertThat(d.get("daemonId").asText()).isEqualTo(daemon.toString());
        assertThat(d.get("targets")).isEmpty();
        assertThat(d.get("schedule").asText()).isEqualTo("CRON");
        assertThat(d.get("cron").asText()).isEqualTo(DefaultSchedule.weeklyFor(daemon));
        assertThat(d.get("nextRunAt").isNull()).isFalse();
        assertThat(triggers(UUID.fromString(d.get("id").asText()))).isEqualTo(1);

        // Enrolling again (a retry with the same token and instance) makes no second definition.
        new BearerClient(base(), "").send("POST", "/api/daemon/v1/enroll", body);
        assertThat(db.count("select count(*) from discovery_definitions where organization_id = ?", org)).isEqualTo(1);
    }
}
