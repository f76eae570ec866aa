package io.topograph.discovery.definitions;

import com.fasterxml.jackson.databind.JsonNode;
import io.topograph.networks.NetworkService;
import io.topograph.platform.security.SecureTokens;
import io.topograph.support.Accounts;
import io.topograph.support.AppTest;
import io.topograph.support.BearerClient;
import io.topograph.support.TestDatabase;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** An owner whose first network has one daemon (inserted directly) that reported 127.0.0.0/8 as its subnet. */
abstract class DefinitionsTestBase extends AppTest {

    @Inject
    DataSource dataSource;

    TestDatabase db;

    @BeforeEach
    void database() {
        db = new TestDatabase(dataSource);
    }

    record Site(Accounts.Account owner, UUID organizationId, UUID networkId, UUID daemonId) {
        String api(String rest) {
            return "/api/v1/networks/" + networkId + "/discovery-definitions" + rest;
        }

        String page(String rest) {
            return owner.org("/networks/" + networkId + "/discovery-definitions" + rest);
        }
    }

    Site site(String who) {
        Accounts.Account owner = signUp(who);
        UUID org = db.organizationId(owner.slug());
        UUID network = db.networkId(owner.slug(), NetworkService.FIRST_NETWORK_NAME);
        String credential = db.insertDaemon(org, network, "rack-a");
        UUID daemon = (UUID) db.column("select id from daemons where credential_hash = ?", (Object) SecureTokens.sha256(credential)).get(0);
        db.update("update daemons set subnets = '[{\"cidr\":\"127.0.0.0/8\"}]'::jsonb, last_heartbeat_at = now() where id = ?", daemon);
        return new Site(owner, org, network, daemon);
    }

    UUID create(Site site, String body) {
        HttpResponse<String> created = site.owner().web().json("POST", site.api(""), body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return UUID.fromString(json(created).get("id").asText());
    }

    long definitions(Site site) {
        return db.count("select count(*) from discovery_definitions where organization_id = ?", site.organizationId());
    }

    long triggers(UUID definitionId) {
        return db.count("select count(*) from qrtz_triggers where trigger_name = ?", definitionId.toString());
    }

    static JsonNode json(HttpResponse<String> response) {
        return BearerClient.json(response);
    }
}
