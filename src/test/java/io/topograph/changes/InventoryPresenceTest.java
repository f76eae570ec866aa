package io.topograph.changes;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.support.Accounts;
import io.topograph.support.AppTest;
import io.topograph.support.BearerClient;
import io.topograph.support.TestDatabase;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Online / offline (last seen) state of hosts and services in the inventory pages and API, after real runs. */
@MicronautTest
class InventoryPresenceTest extends AppTest {

    static final String LAN = "127.0.40.1-127.0.40.20";

    @Inject
    DataSource dataSource;

    @Test
    void hosts_show_online_missing_and_offline_badges_filterable_by_state_and_services_that_went_away_show_offline() {
        TestDatabase db = new TestDatabase(dataSource);
        Scans scans = new Scans(db, base());
        Accounts.Account owner = signUp("presence");
        Scans.Site site = scans.site(owner);
        Scans.Seen stays = Scans.Seen.at("127.0.40.1").hostname("stays.example").service(22, "openssh", "OpenSSH").service(80, "nginx", "nginx");
        Scans.Seen goes = Scans.Seen.at("127.0.40.2").hostname("goes.example");
        scans.scan(site, LAN, "22,80", stays, goes);
        Scans.Seen staysWithoutWeb = Scans.Seen.at("127.0.40.1").hostname("stays.example").service(22, "openssh", "OpenSSH");
        scans.scan(site, LAN, "22,80", staysWithoutWeb);
        String hosts = owner.org("/networks/" + site.networkId() + "/hosts");

        String missing = owner.web().get(hosts).body();
        assertThat(missing).contains(">Online</span>").contains(">Missing</span>").contains("Not seen by the last discovery that covered it");

        scans.scan(site, LAN, "22,80", staysWithoutWeb);
        scans.scan(site, LAN, "22,80", staysWithoutWeb);
        String list = owner.web().get(hosts).body();
        assertThat(list).contains(">Offline</span>").contains("id=\"host-state\"");

        String offline = owner.web().htmxGet(hosts + "?state=offline").body();
        assertThat(offline).contains("goes.example").doesNotContain("stays.example");
        String online = owner.web().htmxGet(hosts + "?state=online").body();
        assertThat(online).contains("stays.example").doesNotContain("goes.example");
        assertThat(owner.web().htmxGet(hosts + "?state=unknown").body()).doesNotContain("stays.example").doesNotContain("goes.example");

        HttpResponse<String> api = owner.web().getJson("/api/v1/networks/" + site.networkId() + "/hosts?state=offline");
        assertThat(api.statusCode()).isEqualTo(200);
        JsonNode items = BearerClient.json(api).get("items");
        assertThat(items).hasSize(1);
        assertThat(items.get(0).get("presence").get("state").asText()).isEqualTo("OFFLINE");
        assertThat(items.get(0).get("presence").get("missedRuns").asInt()).isEqualTo(3);
        HttpResponse<String> bad = owner.web().getJson("/api/v1/networks/" + site.networkId() + "/hosts?state=sleeping");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("state");

        UUID staysId = (UUID) db.column("select host_id from interfaces where organization_id = ? and ip = '127.0.40.1'::inet",
                site.organizationId()).get(0);
        String page = owner.web().get(owner.org("/hosts/" + staysId)).body();
        assertThat(page).contains("id=\"host-presence\"").contains(">Online</span>")
                .contains("service-presence").contains(">Offline</span>").contains(">CLOSED</span>");
        JsonNode detail = BearerClient.json(owner.web().getJson("/api/v1/hosts/" + staysId));
        assertThat(detail.get("presence").get("state").asText()).isEqualTo("ONLINE");
        assertThat(detail.get("services").findValues("present")).extracting(JsonNode::asBoolean).containsExactlyInAnyOrder(true, false);
    }
}
