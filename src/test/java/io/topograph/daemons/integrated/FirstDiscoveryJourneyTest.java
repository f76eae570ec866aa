package io.topograph.daemons.integrated;

import com.codeborne.selenide.Condition;
import com.codeborne.selenide.Selenide;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.support.Accounts;
import io.topograph.support.BrowserTest;
import io.topograph.support.FreshServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static com.codeborne.selenide.Selenide.$;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A newcomer on a fresh self-hosted server signs up and, without installing anything, sees the
 * integrated daemon's first discovery of the loopback host in the inventory within a minute.
 * The server here is a second application with its own, empty database, as on a fresh install.
 */
@MicronautTest
class FirstDiscoveryJourneyTest extends BrowserTest {

    @Inject
    DataSource sharedDataSource;

    @TempDir
    Path dataDir;

    private FreshServer freshServer;
    private HttpServer lab;

    @Override
    protected URI base() {
        return freshServer == null ? super.base() : freshServer.uri();
    }

    @Test
    void a_newcomer_sees_the_first_discovery_of_the_local_host_within_a_minute_of_signing_up() throws Exception {
        lab = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        lab.createContext("/", exchange -> {
            byte[] page = "<html><head><title>Grafana</title></head><body>lab</body></html>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        lab.start();
        int labPort = lab.getAddress().getPort();
        freshServer = FreshServer.start(sharedDataSource, dataDir, String.valueOf(labPort), Map.of());
        configureBrowser();

        Selenide.open("/signup");
        $("#name").setValue("Newcomer");
        $("#email").setValue(Accounts.uniqueEmail("newcomer"));
        $("#password").setValue(Accounts.PASSWORD);
        $("#organization").setValue("Newcomer Lab");
        Instant signedUp = Instant.now();
        $("#signup-form button[type=submit]").click();
        $("body").shouldHave(Condition.text("Newcomer Lab"));
        String slug = URI.create(Selenide.webdriver().driver().url()).getPath().split("/")[2];

        Selenide.open("/o/" + slug + "/networks");
        $("main a[href*='/networks/']").click();
        Instant deadline = signedUp.plus(Duration.ofSeconds(60));
        while (!$("#hosts-table").text().contains("127.0.0.1") && Instant.now().isBefore(deadline)) {
            Selenide.sleep(1000);
            Selenide.refresh();
        }
        assertThat(Duration.between(signedUp, Instant.now())).isLessThan(Duration.ofSeconds(60));
        $("#hosts-table").shouldHave(Condition.text("127.0.0.1"));
        $("#hosts-table a[href*='/hosts/']").click();
        // Its first discovery also covers the server's own port and its database's.
        $("body").shouldHave(Condition.text("Grafana"), Condition.text(String.valueOf(labPort)),
                Condition.text("PostgreSQL"), Condition.text(String.valueOf(freshServer.server().getPort())));
    }

    @Test
    void a_deleted_integrated_daemon_stays_deleted_until_an_admin_pairs_it_again() throws Exception {
        freshServer = FreshServer.start(sharedDataSource, dataDir, "1", Map.of());
        Accounts.Account owner = Accounts.signUp(freshServer.uri(), "owner");
        String daemons = "/api/v1/networks/" + firstNetwork(owner) + "/daemons";
        String integratedId = waitForIntegratedDaemon(owner, daemons);
        // Its credential is the server's own: nobody could re-enroll it after a rotation.
        assertThat(owner.web().json("POST", "/api/v1/daemons/" + integratedId + "/credential-rotations", null).statusCode()).isEqualTo(409);

        assertThat(owner.web().json("DELETE", "/api/v1/daemons/" + integratedId, null).statusCode()).isEqualTo(204);
        String panel = owner.org("/networks/" + firstNetwork(owner) + "/daemons/integrated");
        Instant deadline = Instant.now().plusSeconds(20);
        while (!owner.web().htmxGet(panel).body().contains("pair-integrated-daemon") && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
        }
        assertThat(owner.web().htmxGet(panel).body()).contains("is not paired", "pair-integrated-daemon");
        // A restart does not bring it back behind the user's back.
        freshServer.restart();
        Thread.sleep(2000);
        assertThat(Accounts.logIn(freshServer.uri(), owner.email(), Accounts.PASSWORD).getJson(daemons).body()).doesNotContain("\"integrated\":true");

        io.topograph.support.WebSession web = Accounts.logIn(freshServer.uri(), owner.email(), Accounts.PASSWORD);
        web.get(panel);
        assertThat(web.post(panel, Map.of()).statusCode()).isEqualTo(303);
        Accounts.Account again = new Accounts.Account(web, owner.email(), owner.name(), owner.slug());
        assertThat(waitForIntegratedDaemon(again, daemons)).isNotEqualTo(integratedId);
    }

    private String firstNetwork(Accounts.Account account) {
        return io.topograph.support.BearerClient.json(account.web().getJson("/api/v1/networks")).get(0).get("id").asText();
    }

    private String waitForIntegratedDaemon(Accounts.Account account, String path) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            for (var d : io.topograph.support.BearerClient.json(account.web().getJson(path))) {
                if (d.get("integrated").asBoolean()) {
                    return d.get("id").asText();
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the integrated daemon did not enroll within 30 s");
    }

    @AfterEach
    void stopFreshServer() {
        if (freshServer != null) {
            freshServer.close();
        }
        if (lab != null) {
            lab.stop(0);
        }
    }
}
