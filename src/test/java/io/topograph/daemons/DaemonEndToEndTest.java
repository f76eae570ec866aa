package io.topograph.daemons;

import com.codeborne.selenide.Condition;
import com.codeborne.selenide.Selenide;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.networks.NetworkService;
import io.topograph.support.Accounts;
import io.topograph.support.BearerClient;
import io.topograph.support.BrowserTest;
import io.topograph.support.TestDatabase;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static com.codeborne.selenide.Selenide.$;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole chain with nothing stood in for: the real daemon jar, started as its own process
 * with an enrollment token, enrolls, heartbeats, claims the run a user queued in the browser,
 * scans a loopback lab (a web server titled "Grafana" and an SSH banner on 127.0.10.1) and
 * reports; the user sees the host and its identified services on the network's pages and
 * through the API. Another organization's daemon can neither read nor write this network.
 */
@MicronautTest
class DaemonEndToEndTest extends BrowserTest {

    private static final String LAB_HOST = "127.0.10.1";

    @Inject
    DataSource dataSource;

    @TempDir
    Path stateDir;

    private Process daemon;
    private HttpServer web;
    private ServerSocket ssh;

    @Test
    void a_daemon_enrolled_with_a_token_discovers_the_lab_and_the_user_sees_it_in_the_browser_and_the_api() throws Exception {
        int webPort = startWebLab();
        int sshPort = startSshLab();
        TestDatabase db = new TestDatabase(dataSource);
        Accounts.Account ada = signUp("ada");
        UUID network = db.networkId(ada.slug(), NetworkService.FIRST_NETWORK_NAME);
        HttpResponse<String> created = ada.web().json("POST", "/api/v1/networks/" + network + "/daemon-tokens", "{}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String token = BearerClient.json(created).get("token").asText();

        daemon = startDaemon(token);
        logIn(ada);
        Selenide.open(ada.org("/networks/" + network + "/daemons"));
        waitFor(() -> $("#daemon-list").text().contains("Online"), "the daemon to come online");

        $("#network-tabs a[href$='/discoveries']").click();
        $("#discovery-targets").setValue(LAB_HOST);
        $("#discovery-ports").selectOptionByValue("custom");
        $("#discovery-custom-ports").setValue(webPort + "," + sshPort);
        $("#discovery-submit").click();
        $("#discovery-runs tbody tr a[title=Details]").click();
        $("#discovery-run .discovery-state").shouldHave(Condition.text("Succeeded"), Duration.ofSeconds(60));

        Selenide.open(ada.org("/networks/" + network + "/hosts"));
        $("#hosts-table").shouldHave(Condition.text(LAB_HOST));
        $("#hosts-table a[href*='/hosts/']").click();
        $("body").shouldHave(Condition.text("Grafana"), Condition.text("OpenSSH"),
                Condition.text(String.valueOf(webPort)), Condition.text(String.valueOf(sshPort)));

        JsonNode hosts = BearerClient.json(ada.web().getJson("/api/v1/networks/" + network + "/hosts"));
        assertThat(hosts.toString()).contains(LAB_HOST);
        assertThat(db.count("select count(*) from services s join hosts h on h.id = s.host_id where h.network_id = ?"
                + " and s.definition_id in ('grafana', 'openssh')", network)).isEqualTo(2);

        daemon.destroy(); // SIGTERM: the daemon stops cleanly
        assertThat(daemon.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(daemon.exitValue()).isZero();
    }

    @Test
    void a_daemon_of_another_organization_can_neither_read_nor_write_this_network() {
        TestDatabase db = new TestDatabase(dataSource);
        Accounts.Account ada = signUp("ada");
        Accounts.Account mallory = signUp("mallory");
        UUID network = db.networkId(ada.slug(), NetworkService.FIRST_NETWORK_NAME);
        UUID malloryNetwork = db.networkId(mallory.slug(), NetworkService.FIRST_NETWORK_NAME);
        BearerClient ours = new BearerClient(base(), db.insertDaemon(db.organizationId(ada.slug()), network, "rack-a"));
        BearerClient theirs = new BearerClient(base(), db.insertDaemon(db.organizationId(mallory.slug()), malloryNetwork, "evil"));
        HttpResponse<String> queued = ada.web().json("POST", "/api/v1/networks/" + network + "/discoveries",
                "{\"targets\":\"127.0.0.1\",\"ports\":\"22\"}");
        assertThat(queued.statusCode()).as(queued.body()).isEqualTo(201);
        UUID run = UUID.fromString(BearerClient.json(queued).get("id").asText());

        // Mallory's daemon is never offered the run, and everything it tries on it is "not found".
        assertThat(theirs.send("POST", "/api/daemon/v1/work/claim", "{}").statusCode()).isEqualTo(204);
        assertThat(ours.send("POST", "/api/daemon/v1/work/claim", "{}").statusCode()).isEqualTo(200);
        String batch = "{\"hosts\":[{\"ip\":\"127.0.0.9\",\"mac\":null,\"vendor\":null,\"hostname\":\"planted\","
                + "\"ports\":[],\"services\":[],\"unidentifiedPorts\":[]}]}";
        for (String call : List.of("progress", "batches/0", "complete", "fail")) {
            String body = switch (call) {
                case "progress" -> "{\"phase\":\"PORT_SCAN\",\"percent\":50,\"hostsFound\":1}";
                case "batches/0" -> batch;
                case "complete" -> "{\"batches\":0,\"stats\":{},\"warnings\":[]}";
                default -> "{\"reason\":\"sabotage\"}";
            };
            assertThat(theirs.send("POST", "/api/daemon/v1/runs/" + run + "/" + call, body).statusCode()).as(call).isEqualTo(404);
        }
        assertThat(db.count("select count(*) from hosts where hostname = 'planted'")).isZero();
        assertThat(db.column("select state from discovery_runs where id = ?", run)).containsExactly("RUNNING");
    }

    private Process startDaemon(String token) throws IOException {
        Path jar = Path.of("scanner/target/topograph-daemon.jar").toAbsolutePath();
        assertThat(jar).exists();
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(),
                "run", "--server", base().toString().replaceAll("/+$", ""), "--token", token, "--state-dir", stateDir.toString(),
                "--name", "lab-daemon", "--no-rdns", "--heartbeat-seconds", "2");
        pb.environment().keySet().removeIf(k -> k.startsWith("TOPOGRAPH_"));
        pb.redirectErrorStream(true).redirectOutput(stateDir.resolve("daemon.log").toFile());
        return pb.start();
    }

    private int startWebLab() throws IOException {
        web = HttpServer.create(new InetSocketAddress(InetAddress.getByName(LAB_HOST), 0), 0);
        web.createContext("/", exchange -> {
            byte[] page = "<html><head><title>Grafana</title></head><body>dashboards</body></html>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        web.start();
        return web.getAddress().getPort();
    }

    private int startSshLab() throws IOException {
        ssh = new ServerSocket(0, 50, InetAddress.getByName(LAB_HOST));
        Thread t = new Thread(() -> {
            while (!ssh.isClosed()) {
                try (Socket s = ssh.accept(); OutputStream out = s.getOutputStream()) {
                    out.write("SSH-2.0-OpenSSH_9.6p1 Ubuntu-3ubuntu13\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    s.setSoTimeout(2000);
                    s.getInputStream().read(new byte[256]);
                } catch (IOException ignored) {
                    // the next connection
                }
            }
        }, "ssh-lab");
        t.setDaemon(true);
        t.start();
        return ssh.getLocalPort();
    }

    private void waitFor(java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 30 s for " + what + "; daemon log: " + log()).isLessThan(deadline);
            Selenide.sleep(1000);
            Selenide.refresh();
        }
    }

    private String log() {
        try {
            return Files.readString(stateDir.resolve("daemon.log"));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    @AfterEach
    void stopLab() throws IOException {
        if (daemon != null && daemon.isAlive()) {
            daemon.destroyForcibly();
        }
        if (web != null) {
            web.stop(0);
        }
        if (ssh != null) {
            ssh.close();
        }
    }
}
