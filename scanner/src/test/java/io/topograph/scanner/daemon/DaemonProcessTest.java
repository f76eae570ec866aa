package io.topograph.scanner.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.topograph.scanner.daemon.ScriptedServer.Reply;
import io.topograph.scanner.daemon.ScriptedServer.Request;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code topograph-daemon run} as its own process, stopped with a real SIGTERM. */
class DaemonProcessTest {

    @Test
    void sigterm_stops_a_scanning_daemon_which_reports_the_run_as_failed_and_exits_0(@TempDir Path dir) throws Exception {
        List<Socket> fillers = new ArrayList<>();
        ServerSocket hanging = new ServerSocket();
        hanging.bind(new InetSocketAddress(InetAddress.getByName("127.0.34.7"), 0), 1);
        for (int i = 0; i < 4; i++) {
            Socket f = new Socket();
            try {
                f.connect(new InetSocketAddress(hanging.getInetAddress(), hanging.getLocalPort()), 300);
                fillers.add(f);
            } catch (IOException e) {
                f.close();
            }
        }
        String credential = "tgd_process-test-7d2e";
        String run = "{\"run\":{\"id\":\"r-term\",\"attempt\":1,\"targets\":[\"127.0.34.7\"],\"ports\":\"" + hanging.getLocalPort() + "\","
                + "\"options\":{\"ratePerSecond\":1000,\"timeoutMs\":30000,\"udp\":false,\"printerPorts\":false},\"customDefinitions\":[],\"leaseSeconds\":90}}";
        try (ScriptedServer s = new ScriptedServer((path, nth, r) -> switch (path) {
            case "/heartbeat" -> ScriptedServer.HEARTBEAT_OK;
            case "/work/claim" -> nth == 1 ? Reply.json(200, run) : ScriptedServer.NO_WORK;
            case "/runs/r-term/progress" -> Reply.json(200, "{\"cancel\":false}");
            case "/runs/r-term/fail" -> Reply.json(200, "{\"state\":\"FAILED\"}");
            default -> null;
        })) {
            Path state = dir.resolve("state");
            ScriptedServer.enrolled(state, s.url(), credential);
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "io.topograph.scanner.cli.Main",
                    "run", "--state-dir", state.toString(), "--heartbeat-seconds", "1", "--no-rdns").redirectErrorStream(true)
                    .redirectOutput(dir.resolve("out.txt").toFile());
            pb.environment().keySet().removeIf(k -> k.startsWith("TOPOGRAPH_"));
            pb.environment().put("TOPOGRAPH_CONFIG", ""); // not /etc/topograph-daemon/daemon.conf
            Process p = pb.start();
            try {
                s.await(r -> r.path().endsWith("/runs/r-term/progress"), Duration.ofSeconds(30), "progress from the daemon process");
                long t0 = System.nanoTime();
                p.destroy(); // SIGTERM
                assertThat(p.waitFor(10, TimeUnit.SECONDS)).as("the process ended").isTrue();
                assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(6000);
                String out = Files.readString(dir.resolve("out.txt")); // a file: reading a pipe can lose what is written as the process exits
                assertThat(p.exitValue()).as(out).isZero();
                List<Request> fails = s.requests("/runs/r-term/fail");
                assertThat(fails).hasSize(1);
                assertThat(fails.get(0).body().get("reason").asText()).isEqualTo("daemon stopped");
                assertThat(out).contains("run r-term claimed").contains("stopping").contains("run r-term reported as failed: daemon stopped")
                        .doesNotContain(credential);
                assertThat(out.lines()).allMatch(l -> l.matches("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ .+"));
            } finally {
                p.destroyForcibly();
            }
        } finally {
            for (Socket f : fillers) {
                f.close();
            }
            hanging.close();
        }
    }
}
