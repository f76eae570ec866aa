package io.topograph.discovery.definitions;

import com.codeborne.selenide.CollectionCondition;
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
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static com.codeborne.selenide.Selenide.$;
import static com.codeborne.selenide.Selenide.$$;

/**
 * A newcomer on a fresh self-hosted server schedules a discovery of the loopback host, runs it
 * now on the integrated daemon, watches its progress bar finish, and finds the run in the history
 * and what it changed: a service started on the host since the first discovery shows up as a
 * port that opened. Everything runs for real: server, Quartz, in-process daemon, scan, browser.
 */
@MicronautTest
class ScheduledDiscoveryJourneyTest extends BrowserTest {

    private static final Duration SCAN = Duration.ofSeconds(60);

    @Inject
    DataSource sharedDataSource;

    @TempDir
    Path dataDir;

    private FreshServer fresh;
    private HttpServer web;
    private ServerSocket startedLater;

    @Override
    protected URI base() {
        return fresh == null ? super.base() : fresh.uri();
    }

    @Test
    void a_user_schedules_a_discovery_runs_it_now_watches_it_finish_and_sees_what_changed() throws Exception {
        web = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        web.createContext("/", exchange -> {
            byte[] page = "<html><head><title>Grafana</title></head><body>lab</body></html>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        web.start();
        int webPort = web.getAddress().getPort();
        fresh = FreshServer.start(sharedDataSource, dataDir, String.valueOf(webPort), Map.of());
        configureBrowser();

        Selenide.open("/signup");
        $("#name").setValue("Scheduler");
        $("#email").setValue(Accounts.uniqueEmail("scheduler"));
        $("#password").setValue(Accounts.PASSWORD);
        $("#organization").setValue("Schedule Lab");
        $("#signup-form button[type=submit]").click();
        $("body").shouldHave(Condition.text("Schedule Lab"));
        String slug = URI.create(Selenide.webdriver().driver().url()).getPath().split("/")[2];
        Selenide.open("/o/" + slug + "/networks");
        $("main a[href*='/networks/']").click();
        String network = URI.create(Selenide.webdriver().driver().url()).getPath().replaceFirst("/hosts$", "");

        // The integrated daemon's first discovery finishes on its own.
        Selenide.open(network + "/discoveries");
        $("#discovery-runs").shouldHave(Condition.text("Succeeded"), SCAN);

        // Its enrollment gave it a default schedule covering the loopback host.
        $$("#network-tabs a").findBy(Condition.text("Schedules")).click();
        $("#definitions").shouldHave(Condition.text("default"), Condition.text("127.0.0.1"));

        startedLater = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        int laterPort = startedLater.getLocalPort();

        $("#definition-name").setValue("Lab services");
        $("#definition-targets").setValue("127.0.0.1");
        $("#definition-ports").selectOptionByValue("custom");
        $("input[name=customPorts]").setValue(webPort + "," + laterPort);
        $("#schedule-cron").click();
        $("input[name=cron]").setValue("0 25 * * *");
        $("input[name=timezone]").setValue("Europe/Berlin");
        $("#definition-submit").click();
        // A bad cron is explained next to the field, and nothing is created.
        $("#definition-form").shouldHave(Condition.text("hour"));
        $("input[name=cron]").shouldHave(Condition.cssClass("is-invalid"));
        $("input[name=cron]").setValue("0 3 * * *");
        $("#definition-submit").click();

        $("#definitions").shouldHave(Condition.text("Lab services"));
        var row = $$("#definitions tbody tr").findBy(Condition.text("Lab services"));
        row.shouldHave(Condition.text("Europe/Berlin"), Condition.text("never"));
        row.find("button[title='Run now']").click();
        row.find("a[href*='/discoveries/']").shouldBe(Condition.visible).click();

        // The run page's bar fills and the run succeeds.
        $(".discovery-state").shouldHave(Condition.text("Succeeded"), SCAN);
        $(".discovery-bar .progress").shouldHave(Condition.attribute("aria-valuenow", "100"));

        // The history lists both runs; the new port is in what changed.
        Selenide.open(network + "/discoveries");
        $$("#discovery-runs tbody tr").shouldHave(CollectionCondition.size(2));
        $$("#network-tabs a").findBy(Condition.text("What changed")).click();
        $("#changes-list").shouldHave(Condition.text("Port opened"), Condition.text(laterPort + "/tcp"));
    }

    @AfterEach
    void stop() throws Exception {
        if (fresh != null) {
            fresh.close();
        }
        if (web != null) {
            web.stop(0);
        }
        if (startedLater != null) {
            startedLater.close();
        }
    }
}
