package io.topograph.discovery.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.support.Accounts;
import io.topograph.support.AppTest;
import io.topograph.support.TestDatabase;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.util.UUID;

import static io.topograph.support.BearerClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/** What the host page and the host API show of an ingested host: who saw it, how it was matched, what is unidentified. */
@MicronautTest
class IngestedHostPageTest extends AppTest {

    @Inject
    DataSource dataSource;

    TestDatabase db;
    Accounts.Account owner;
    DaemonRuns.Daemon daemon;
    UUID host;
    UUID secondRun;

    @BeforeEach
    void setUp() {
        db = new TestDatabase(dataSource);
        DaemonRuns runs = new DaemonRuns(db, base());
        owner = signUp("viewer");
        UUID org = db.organizationId(owner.slug());
        UUID network = (UUID) db.column("select id from networks where organization_id = ? order by created_at limit 1", org).get(0);
        daemon = runs.daemon(org, network, "rack-a");
        String body = Report.batch().host("127.0.0.1").mac("00:00:5e:00:53:01").vendor("ICANN, IANA Department").hostname("nas.example")
                .ssh().unidentified(8081).json();
        assertThat(daemon.send(runs.running(daemon), 0, body).statusCode()).isEqualTo(200);
        secondRun = runs.running(daemon);
        assertThat(daemon.send(secondRun, 0, body).statusCode()).isEqualTo(200);
        host = (UUID) db.column("select id from hosts where organization_id = ?", org).get(0);
    }

    @Test
    void the_host_page_says_who_saw_the_host_in_which_run_and_how_it_was_matched() {
        HttpResponse<String> page = owner.web().get(owner.org("/hosts/" + host));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"host-seen-by\"").contains("rack-a")
                .contains("href=\"/o/" + owner.slug() + "/discoveries/" + secondRun + "\"")
                .contains("run " + secondRun.toString().substring(0, 8))
                .contains("matched by <span class=\"fw-semibold\">MAC address</span>")
                .contains("MAC 00:00:5e:00:53:01 was seen before on this host");
    }

    @Test
    void the_host_page_shows_banners_versions_vendors_and_the_unidentified_open_ports() {
        String body = owner.web().get(owner.org("/hosts/" + host)).body();

        assertThat(body).contains("SSH-2.0-OpenSSH_9.6").contains(">9.6</span>").contains("ICANN, IANA Department")
                .contains("banner matched /^SSH-2.0-OpenSSH/").contains("95%");
        String unidentified = body.substring(body.indexOf("id=\"host-unidentified-ports\""));
        assertThat(unidentified).contains("Unidentified open ports").contains("8081/TCP").doesNotContain("22/TCP");
    }

    @Test
    void the_header_fragment_carries_the_sighting_too() {
        HttpResponse<String> fragment = owner.web().htmxGet(owner.org("/hosts/" + host + "/header"));

        assertThat(fragment.statusCode()).isEqualTo(200);
        assertThat(fragment.body()).startsWith("<div").doesNotContain("<html").contains("id=\"host-seen-by\"").contains("rack-a");
    }

    @Test
    void a_host_no_discovery_saw_has_no_sighting_and_every_port_identified_says_so() {
        HttpResponse<String> created = owner.web().post(owner.org("/networks/" + daemon.networkId() + "/hosts"),
                io.topograph.support.WebSession.form("name", "Manual", "ip", "127.0.0.50"));
        String location = created.headers().firstValue("Location").orElseThrow();

        String body = owner.web().get(location).body();

        assertThat(body).doesNotContain("id=\"host-seen-by\"").contains("Every open port of this host belongs to an identified service.");
    }

    @Test
    void the_host_api_returns_the_sighting_the_version_and_the_vendor() {
        JsonNode detail = json(owner.web().getJson("/api/v1/hosts/" + host));

        assertThat(detail.at("/seenBy/daemonName").asText()).isEqualTo("rack-a");
        assertThat(detail.at("/seenBy/daemonId").asText()).isEqualTo(daemon.id().toString());
        assertThat(detail.at("/seenBy/runId").asText()).isEqualTo(secondRun.toString());
        assertThat(detail.at("/seenBy/matchedBy").asText()).isEqualTo("MAC");
        assertThat(detail.at("/seenBy/ip").asText()).isEqualTo("127.0.0.1");
        assertThat(detail.at("/services/0/version").asText()).isEqualTo("9.6");
        assertThat(detail.at("/interfaces/0/vendor").asText()).isEqualTo("ICANN, IANA Department");
    }

    @Test
    void another_organizations_user_sees_neither_the_page_nor_the_sighting() {
        Accounts.Account stranger = signUp("stranger");

        assertThat(stranger.web().get(stranger.org("/hosts/" + host)).statusCode()).isEqualTo(404);
        assertThat(stranger.web().get(owner.org("/hosts/" + host)).statusCode()).isEqualTo(404);
        assertThat(stranger.web().getJson("/api/v1/hosts/" + host).statusCode()).isEqualTo(404);
    }
}
