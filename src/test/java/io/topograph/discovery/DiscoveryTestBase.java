package io.topograph.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import io.topograph.networks.NetworkService;
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

/**
 * Set-up shared by the discovery tests: an account whose first network has a daemon (a
 * credential inserted directly; no daemon process runs: the tests make its calls over HTTP).
 */
abstract class DiscoveryTestBase extends AppTest {

    @Inject
    DataSource dataSource;

    TestDatabase db;

    @BeforeEach
    void database() {
        db = new TestDatabase(dataSource);
    }

    /** An owner, their first network, and one daemon in it. */
    record Site(Accounts.Account owner, UUID organizationId, UUID networkId, String credential) {
        String networkPath(String rest) {
            return owner.org("/networks/" + networkId + rest);
        }
    }

    Site site(String who) {
        Accounts.Account owner = signUp(who);
        UUID org = db.organizationId(owner.slug());
        UUID network = db.networkId(owner.slug(), NetworkService.FIRST_NETWORK_NAME);
        String credential = db.insertDaemon(org, network, "rack-a");
        return new Site(owner, org, network, credential);
    }

    BearerClient daemon(String credential) {
        return new BearerClient(base(), credential);
    }

    UUID daemonId(String credential) {
        return (UUID) db.column("select id from daemons where credential_hash = ?",
                (Object) io.topograph.platform.security.SecureTokens.sha256(credential)).get(0);
    }

    /** Queues a run through the JSON API as the site's owner; returns its id. */
    UUID queue(Site site, String body) {
        HttpResponse<String> created = site.owner().web().json("POST", "/api/v1/networks/" + site.networkId() + "/discoveries", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return UUID.fromString(BearerClient.json(created).get("id").asText());
    }

    UUID queue(Site site) {
        return queue(site, "{\"targets\":\"127.0.0.1\",\"ports\":\"22,80\"}");
    }

    static JsonNode json(HttpResponse<String> response) {
        return BearerClient.json(response);
    }

    HttpResponse<String> claim(BearerClient daemon) {
        return daemon.send("POST", "/api/daemon/v1/work/claim", "{}");
    }

    HttpResponse<String> progress(BearerClient daemon, UUID run, String phase, int percent, int hostsFound) {
        return daemon.send("POST", "/api/daemon/v1/runs/" + run + "/progress",
                "{\"phase\":\"" + phase + "\",\"percent\":" + percent + ",\"hostsFound\":" + hostsFound + "}");
    }

    String state(UUID run) {
        return (String) db.column("select state from discovery_runs where id = ?", run).get(0);
    }

    Object column(String column, UUID run) {
        return db.column("select " + column + " from discovery_runs where id = ?", run).get(0);
    }

    long runs(UUID networkId) {
        return db.count("select count(*) from discovery_runs where network_id = ?", networkId);
    }
}
