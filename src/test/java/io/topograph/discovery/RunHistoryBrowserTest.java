package io.topograph.discovery;

import com.codeborne.selenide.Selenide;
import com.codeborne.selenide.WebDriverRunner;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.networks.NetworkService;
import io.topograph.support.Accounts;
import io.topograph.support.BearerClient;
import io.topograph.support.BrowserTest;
import io.topograph.support.TestDatabase;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.UUID;

import static com.codeborne.selenide.CollectionCondition.size;
import static com.codeborne.selenide.Condition.exist;
import static com.codeborne.selenide.Condition.text;
import static com.codeborne.selenide.Condition.visible;
import static com.codeborne.selenide.Selenide.$;
import static com.codeborne.selenide.Selenide.$$;
import static org.assertj.core.api.Assertions.assertThat;

/** The run history in a real browser: filters swap the list and put themselves in the URL; the list follows a run live. */
@MicronautTest
class RunHistoryBrowserTest extends BrowserTest {

    @Inject
    DataSource dataSource;

    @Test
    void a_user_filters_the_history_bookmarks_it_and_watches_a_run_finish() {
        TestDatabase db = new TestDatabase(dataSource);
        Accounts.Account ada = signUp("ada");
        UUID org = db.organizationId(ada.slug());
        UUID network = db.networkId(ada.slug(), NetworkService.FIRST_NETWORK_NAME);
        String credential = db.insertDaemon(org, network, "rack-a");
        UUID failed = UUID.randomUUID();
        db.update("insert into discovery_runs (id, organization_id, network_id, state, trigger, attempt, started_at, finished_at, failure_reason)"
                + " values (?, ?, ?, 'FAILED', 'API', 1, now(), now(), 'targets refused')", failed, org, network);
        UUID run = UUID.fromString(BearerClient.json(ada.web().json("POST", "/api/v1/networks/" + network + "/discoveries",
                "{\"targets\":\"127.0.0.1\",\"ports\":\"22\"}")).get("id").asText());
        logIn(ada);

        Selenide.open(base().resolve(ada.org("/discoveries")).toString());
        $$("#history-runs tbody tr").shouldHave(size(2));
        $("#run-state").selectOptionByValue("FAILED");
        $$("#history-runs tbody tr").shouldHave(size(1));
        $("#history-" + failed).shouldHave(text("Failed")).shouldHave(text("Home network"));
        assertThat(WebDriverRunner.url()).contains("state=FAILED");
        // The URL is a bookmark: opened again, it shows the same filtered list.
        Selenide.open(WebDriverRunner.url());
        $$("#history-runs tbody tr").shouldHave(size(1));
        $("#run-state").getSelectedOption().shouldHave(text("Failed"));

        $("#run-state").selectOptionByValue("");
        $$("#history-runs tbody tr").shouldHave(size(2));
        $("#history-" + run).shouldHave(text("Queued"));
        // The daemon takes the run and finishes it: the list follows by itself.
        BearerClient daemon = new BearerClient(base(), credential);
        assertThat(daemon.send("POST", "/api/daemon/v1/work/claim", "{}").statusCode()).isEqualTo(200);
        daemon.send("POST", "/api/daemon/v1/runs/" + run + "/progress", "{\"phase\":\"PORT_SCAN\",\"percent\":50,\"hostsFound\":1,\"portsProbed\":1}");
        $("#history-" + run).shouldHave(text("Running"), Duration.ofSeconds(8)).shouldHave(text("Scanning ports · 50%"));
        daemon.send("POST", "/api/daemon/v1/runs/" + run + "/complete", "{\"batches\":0,\"stats\":{\"probes\":1},\"warnings\":[]}");
        $("#history-" + run).shouldHave(text("Succeeded"), Duration.ofSeconds(8));

        // On the network's Discoveries tab the same filters work on its list.
        $("#history-" + run + " a[href$='/discoveries/" + run + "']").click();
        $("#discovery-run").shouldHave(text("Succeeded"));
        $("#discovery-count-probed").shouldHave(text("1"));
        Selenide.open(base().resolve(ada.org("/networks/" + network + "/discoveries")).toString());
        $("#run-state").selectOptionByValue("FAILED");
        $("#discovery-" + failed).shouldBe(visible);
        $("#discovery-" + run).shouldNot(exist);
        assertThat(WebDriverRunner.url()).contains("state=FAILED");
    }
}
