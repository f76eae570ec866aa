package io.topograph.daemons.integrated;

import com.codeborne.selenide.Condition;
import com.codeborne.selenide.Selenide;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.support.Accounts;
import io.topograph.support.BrowserTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

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

    private EmbeddedServer freshServer;
    private HttpServer lab;

    @Override
    protected URI base() {
        return freshServer == null ? super.base() : freshServer.getURI();
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
        freshServer = startFreshServer(String.valueOf(labPort));
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
        $("body").shouldHave(Condition.text("Grafana"), Condition.text(String.valueOf(labPort)));
    }

    private EmbeddedServer startFreshServer(String ports) throws Exception {
        String database = "fresh_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String url;
        // Outside the test's transaction: CREATE DATABASE cannot run inside one.
        DataSource raw = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(sharedDataSource);
        try (Connection c = raw.getConnection(); Statement s = c.createStatement()) {
            url = c.getMetaData().getURL();
            s.execute("create database " + database);
        }
        Map<String, Object> properties = new HashMap<>();
        properties.put("datasources.default.url", url.replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1"));
        properties.put("datasources.default.username", "postgres");
        properties.put("datasources.default.password", "");
        properties.put("micronaut.server.port", -1);
        properties.put("topograph.data-dir", dataDir.toString());
        properties.put("topograph.integrated-daemon.enabled", true);
        properties.put("topograph.integrated-daemon.first-scan-ports", ports);
        return ApplicationContext.run(EmbeddedServer.class, properties, "test");
    }

    @AfterEach
    void stopFreshServer() {
        if (freshServer != null) {
            freshServer.getApplicationContext().close();
        }
        if (lab != null) {
            lab.stop(0);
        }
    }
}
