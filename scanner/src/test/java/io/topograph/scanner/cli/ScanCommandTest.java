package io.topograph.scanner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScanCommandTest {

    record Run(int code, String out, String err) {
    }

    private static synchronized Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /** An SSH-style listener: greets every connection with a banner. */
    private static ServerSocket sshLike(String address) throws IOException {
        ServerSocket s = new ServerSocket();
        s.bind(new InetSocketAddress(InetAddress.getByName(address), 0));
        Thread t = new Thread(() -> {
            while (!s.isClosed()) {
                try (Socket c = s.accept()) {
                    c.getOutputStream().write("SSH-2.0-OpenSSH_9.6\r\n".getBytes(StandardCharsets.US_ASCII));
                    c.getOutputStream().flush();
                    c.setSoTimeout(2000);
                    c.getInputStream().read(new byte[64]);
                } catch (IOException ignored) {
                    // next connection
                }
            }
        });
        t.setDaemon(true);
        t.start();
        return s;
    }

    @Test
    void json_output_follows_the_contract() throws Exception {
        try (ServerSocket ssh = sshLike("127.0.33.1")) {
            int port = ssh.getLocalPort();
            Run r = run("scan", "--targets", "127.0.33.1", "--ports", port + "," + (port == 65000 ? 65001 : 65000),
                    "--format", "json", "--no-rdns", "--no-udp", "--neighbour-table", "/nonexistent", "--listen-ms", "300");
            assertThat(r.code()).as(r.err()).isZero();
            JsonNode root = new ObjectMapper().readTree(r.out());
            assertThat(root.has("hosts")).isTrue();
            assertThat(root.has("stats")).isTrue();
            JsonNode host = root.get("hosts").get(0);
            List<String> hostKeys = new ArrayList<>();
            host.fieldNames().forEachRemaining(hostKeys::add);
            assertThat(hostKeys).containsSequence("ip", "mac", "vendor", "hostname", "ports", "services");
            assertThat(host.get("ip").asText()).isEqualTo("127.0.33.1");
            assertThat(host.get("mac").isNull()).isTrue();
            assertThat(host.get("hostname").isNull()).isTrue();
            JsonNode p = host.get("ports").get(0);
            assertThat(host.get("ports")).hasSize(1);
            assertThat(p.get("port").asInt()).isEqualTo(port);
            assertThat(p.get("protocol").asText()).isEqualTo("tcp");
            assertThat(p.get("state").asText()).isEqualTo("open");
            assertThat(p.get("banner").asText()).isEqualTo("SSH-2.0-OpenSSH_9.6");
            JsonNode s = host.get("services").get(0);
            assertThat(s.get("name").asText()).isEqualTo("OpenSSH");
            assertThat(s.get("category").asText()).isEqualTo("remote-access");
            assertThat(s.get("port").asInt()).isEqualTo(port);
            assertThat(s.get("protocol").asText()).isEqualTo("tcp");
            assertThat(s.get("confidence").asInt()).isEqualTo(85);
            assertThat(s.get("reason").asText()).contains("OpenSSH");
            assertThat(root.get("stats").get("hostsUp").asInt()).isEqualTo(1);
            assertThat(root.get("stats").get("probes").asLong()).isEqualTo(2);
        }
    }

    @Test
    void json_output_adds_the_local_docker_inventory_to_this_machines_host_only(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path socket = dir.resolve("docker.sock");
        io.topograph.scanner.host.FakeDockerEngine.start(socket, new java.util.concurrent.CopyOnWriteArrayList<>());
        Run r = run("scan", "--targets", "127.0.0.1,127.0.33.7", "--ports", "9", "--format", "json", "--no-rdns", "--no-udp",
                "--neighbour-table", "/nonexistent", "--listen-ms", "100", "--docker-socket", socket.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(r.out());
        java.util.Map<String, JsonNode> hosts = new java.util.HashMap<>();
        root.get("hosts").forEach(h -> hosts.put(h.get("ip").asText(), h));
        assertThat(hosts).containsOnlyKeys("127.0.0.1", "127.0.33.7");
        assertThat(hosts.get("127.0.0.1").get("docker").get("containers").get(0).get("name").asText()).isEqualTo("grafana");
        assertThat(hosts.get("127.0.0.1").get("docker").get("networks").get(0).get("name").asText()).isEqualTo("monitoring");
        assertThat(hosts.get("127.0.33.7").has("docker")).isFalse();
        Run off = run("scan", "--targets", "127.0.0.1", "--ports", "9", "--format", "json", "--no-rdns", "--no-udp",
                "--neighbour-table", "/nonexistent", "--listen-ms", "100", "--docker-socket", "none");
        assertThat(new ObjectMapper().readTree(off.out()).get("hosts").get(0).has("docker")).isFalse();
    }

    @Test
    void table_output_names_hosts_services_and_reasons() throws Exception {
        try (ServerSocket ssh = sshLike("127.0.33.2")) {
            Run r = run("scan", "--targets", "127.0.33.2", "--ports", String.valueOf(ssh.getLocalPort()), "--no-rdns", "--no-udp", "--listen-ms", "300");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).contains("127.0.33.2").contains(ssh.getLocalPort() + "/tcp").contains("OpenSSH")
                    .contains("1 of 1 addresses up, 1 open ports");
        }
    }

    @Test
    void bad_targets_and_options_exit_non_zero_with_a_clear_message() {
        Run multicast = run("scan", "--targets", "239.255.255.250");
        assertThat(multicast.code()).isEqualTo(2);
        assertThat(multicast.err()).contains("error: refused target \"239.255.255.250\"").contains("multicast");
        assertThat(multicast.out()).isEmpty();

        Run metadata = run("scan", "--targets", "169.254.169.254");
        assertThat(metadata.code()).isEqualTo(2);
        assertThat(metadata.err()).contains("cloud metadata");

        Run garbage = run("scan", "--targets", "127.0.0.1/99");
        assertThat(garbage.code()).isEqualTo(2);
        assertThat(garbage.err()).contains("prefix length 99 is above 32");

        Run tooBig = run("scan", "--targets", "127.0.0.0/8");
        assertThat(tooBig.code()).isEqualTo(2);
        assertThat(tooBig.err()).contains("--force");

        assertThat(run("scan", "--ports", "0").err()).contains("ports are 1-65535");
        assertThat(run("scan", "--format", "xml").err()).contains("--format must be json or table");
        assertThat(run("scan", "--rate", "0").err()).contains("--rate must be between 1 and 1000000");
        assertThat(run("scan", "--concurrency", "0").code()).isEqualTo(2);
        assertThat(run("scan", "--timeout-ms", "abc").code()).isEqualTo(2);
        Run unknown = run("scan", "--bogus");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("Unknown option: '--bogus'");
        assertThat(run().code()).isEqualTo(2);
    }

    @Test
    void enroll_and_run_without_what_they_need_say_what_is_missing(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        Run noToken = run("enroll", "--server", "http://127.0.0.1:1", "--state-dir", dir.toString());
        assertThat(noToken.code()).isEqualTo(Main.EXIT_USAGE);
        assertThat(noToken.err()).contains("--token is required (or TOPOGRAPH_ENROLLMENT_TOKEN)");
        Run badServer = run("enroll", "--server", "ftp://127.0.0.1", "--token", "tge_x", "--state-dir", dir.toString());
        assertThat(badServer.code()).isEqualTo(Main.EXIT_USAGE);
        assertThat(badServer.err()).contains("must be an http:// or https:// URL");
        Run daemon = run("run", "--state-dir", dir.toString());
        assertThat(daemon.code()).isEqualTo(Main.EXIT_USAGE);
        assertThat(daemon.err()).contains("not enrolled").contains("TOPOGRAPH_ENROLLMENT_TOKEN");
        Run badTargets = run("run", "--state-dir", dir.toString(), "--default-targets", "224.0.0.1");
        assertThat(badTargets.code()).isEqualTo(Main.EXIT_USAGE);
        assertThat(badTargets.err()).contains("default targets: ").contains("multicast");
        assertThat(dir.toFile().list()).as("nothing written").isEmpty();
    }
}
