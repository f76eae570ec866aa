package io.topograph.discovery;

import com.codeborne.selenide.Selenide;
import com.codeborne.selenide.SelenideElement;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.networks.NetworkService;
import io.topograph.support.Accounts;
import io.topograph.support.BearerClient;
import io.topograph.support.BrowserTest;
import io.topograph.support.TestDatabase;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.util.UUID;

import static com.codeborne.selenide.CollectionCondition.size;
import static com.codeborne.selenide.Condition.exist;
import static com.codeborne.selenide.Condition.text;
import static com.codeborne.selenide.Condition.visible;
import static com.codeborne.selenide.Selenide.$;
import static com.codeborne.selenide.Selenide.$$;
import static org.assertj.core.api.Assertions.assertThat;

/** Scan now in a real browser: queue, follow the live progress (the test plays the daemon), cancel. */
@MicronautTest
class DiscoveryBrowserTest extends BrowserTest {

    @Inject
    DataSource dataSource;

    @Test
    void a_user_starts_a_scan_of_one_address_sees_it_queued_with_a_progress_bar_and_cancels_it() {
        TestDatabase db = new TestDatabase(dataSource);
        Accounts.Account ada = signUp("ada");
        UUID network = db.networkId(ada.slug(), NetworkService.FIRST_NETWORK_NAME);
        String credential = db.insertDaemon(db.organizationId(ada.slug()), network, "rack-a");
        logIn(ada);
        Selenide.open(base().resolve(ada.org("/networks/" + network + "/hosts")).toString());
        $("#discovery-strip").shouldHave(text("No discovery has run"));
        $("#network-tabs a[href$='/discoveries']").click();

        $("#discovery-empty").shouldBe(visible);
        $("#discovery-targets").setValue("127.0.0.1");
        $("#discovery-ports").selectOptionByValue("custom");
        $("#discovery-custom-ports").setValue("22,80");
        $("#discovery-submit").click();

        $("#toasts").shouldHave(text("Discovery queued"));
        $$("#discovery-runs tbody tr").shouldHave(size(1));
        SelenideElement row = $("#discovery-runs tbody tr");
        row.shouldHave(text("Queued")).shouldHave(text("127.0.0.1")).shouldHave(text("Ports 22,80")).shouldHave(text("waiting for a daemon"));
        row.$(".progress .progress-bar").should(exist);
        UUID run = UUID.fromString(row.getAttribute("id").substring("discovery-".length()));
        assertThat(db.column("select ports from discovery_runs where id = ?", run)).containsExactly("22,80");

        row.$("a[title=Details]").click();
        $("#discovery-run").shouldHave(text("Queued"));
        $("#discovery-progress .progress").shouldBe(visible);

        // The daemon takes the run and reports: the page follows by itself.
        BearerClient daemon = new BearerClient(base(), credential);
        assertThat(daemon.send("POST", "/api/daemon/v1/work/claim", "{}").statusCode()).isEqualTo(200);
        daemon.send("POST", "/api/daemon/v1/runs/" + run + "/progress", "{\"phase\":\"PORT_SCAN\",\"percent\":40,\"hostsFound\":1}");
        $("#discovery-progress").shouldHave(text("Scanning ports · 40%")).shouldHave(text("1 host found"));

        Selenide.executeJavaScript("window.confirm = function () { return true; };");
        $("#discovery-cancel button").click();
        $("#discovery-run .discovery-state").shouldHave(text("Cancelled"));
        $("#discovery-cancel").shouldNot(exist);
        $("#toasts").shouldHave(text("Discovery cancelled."));
        assertThat(db.column("select state from discovery_runs where id = ?", run)).containsExactly("CANCELLED");
        HttpResponse<String> next = daemon.send("POST", "/api/daemon/v1/runs/" + run + "/progress",
                "{\"phase\":\"PORT_SCAN\",\"percent\":50,\"hostsFound\":1}");
        assertThat(BearerClient.json(next).get("cancel").asBoolean()).isTrue();

        // Back on the hosts page, the strip tells how the last discovery ended.
        Selenide.open(base().resolve(ada.org("/networks/" + network + "/hosts")).toString());
        $("#discovery-strip").shouldHave(text("Last discovery")).shouldHave(text("Cancelled"));
    }
}
