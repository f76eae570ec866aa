package io.topograph.scanner.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real daemon against a stand-in server that answers with {@code docs/daemon-protocol/*.json}, in
 * order, and checks every request the daemon sends against the fixture (see {@link FixtureReplayServer}):
 * enroll, heartbeat, claim (nothing), claim (a run of 127.0.0.1 ports 22 and 80, really scanned),
 * progress, batch 0, the same batch again after its answer was lost, complete, and a heartbeat
 * answered 401, after which the daemon stops and asks to be enrolled again.
 */
class ProtocolFixturesReplayTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Realistic values for what the stand-in server sends where the fixture leaves it open. */
    private static JsonNode sample(String variable, String key) {
        if (variable != null) {
            return switch (variable) {
                case "daemonId", "networkId", "runId" -> TextNode.valueOf(UUID.randomUUID().toString());
                case "credential" -> TextNode.valueOf("tgd_" + UUID.randomUUID().toString().replace("-", "") + "Zq9");
                default -> null;
            };
        }
        return switch (key) {
            case "latestVersion" -> TextNode.valueOf(Version.current());
            case "ratePerSecond" -> IntNode.valueOf(2000);
            case "timeoutMs" -> IntNode.valueOf(1000);
            case "udp" -> BooleanNode.FALSE;
            case "message" -> TextNode.valueOf("credential unknown or rotated");
            default -> null;
        };
    }

    private static boolean open(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void the_daemon_follows_every_fixture_in_order_and_stops_when_its_credential_is_refused(@TempDir Path stateDir) throws Exception {
        List<FixtureReplayServer.Fixture> fixtures = FixtureReplayServer.load(FixtureReplayServer.fixturesDir());
        assertThat(fixtures).extracting(FixtureReplayServer.Fixture::file).containsExactly("01-enroll.json", "02-heartbeat.json",
                "03-claim-nothing.json", "04-claim-run.json", "05-progress.json", "06-batch.json", "07-batch-replayed.json",
                "08-complete.json", "09-heartbeat-after-rotation.json");
        FixtureMatcher matcher = new FixtureMatcher();
        String token = "tge_" + UUID.randomUUID().toString().replace("-", "");
        matcher.bind("enrollmentToken", TextNode.valueOf(token)); // 01's "given"
        List<String> log = new CopyOnWriteArrayList<>();
        try (FixtureReplayServer server = new FixtureReplayServer(fixtures, matcher, ProtocolFixturesReplayTest::sample)) {
            server.loseAnswerOf("06-batch.json"); // 07's "given": the daemon lost the answer to batch 0
            DaemonConfig config = DaemonConfig.of(server.url(), token, stateDir.resolve("state"))
                    .withName("replay").withMaxHeartbeatInterval(Duration.ofMillis(300))
                    .withReverseDns(false) // no name lookups that could leave the machine
                    .withDockerSocket(null); // the fixtures hold no docker field, whatever engine runs on this machine
            Daemon daemon = new Daemon(config, log::add);
            ExecutorService pool = Executors.newSingleThreadExecutor();
            int exit;
            try {
                Future<Integer> run = pool.submit(daemon::run);
                exit = run.get(60, TimeUnit.SECONDS);
            } finally {
                daemon.stop(Duration.ofSeconds(5));
                pool.shutdownNow();
            }

            assertThat(server.problems()).as("requests that matched no fixture").isEmpty();
            assertThat(server.served()).containsExactlyElementsOf(fixtures.stream().map(FixtureReplayServer.Fixture::file).toList());
            assertThat(exit).isEqualTo(Daemon.EXIT_REFUSED);
            assertThat(String.join("\n", log)).contains("refused this daemon's credential (401").contains("Enroll again");

            FixtureMatcher bound = server.matcher();
            String credential = bound.bound("credential").asText();
            assertThat(log).noneMatch(line -> line.contains(credential) || line.contains(token));

            // the batch holds what a scan of 127.0.0.1 ports 22 and 80 really finds
            JsonNode batch = server.received().stream().filter(r -> "06-batch.json".equals(r.servedBy())).findFirst().orElseThrow().body();
            JsonNode replayed = server.received().stream().filter(r -> "07-batch-replayed.json".equals(r.servedBy())).findFirst().orElseThrow().body();
            assertThat(replayed).as("the re-sent batch is the very same").isEqualTo(batch);
            TreeSet<Integer> reported = new TreeSet<>();
            batch.get("hosts").get(0).get("ports").forEach(p -> reported.add(p.get("port").asInt()));
            TreeSet<Integer> really = new TreeSet<>();
            for (int port : new int[] {22, 80}) {
                if (open(port)) {
                    really.add(port);
                }
            }
            assertThat(reported).isEqualTo(really);
            assertThat(server.received().stream().filter(r -> r.path().endsWith("/progress")).map(r -> r.body().get("percent").asInt()).toList())
                    .isSorted();
            // Ports probed: sent with every report, and the last (REPORTING) one counts at least the two ports probed on 127.0.0.1.
            List<Long> probed = server.received().stream().filter(r -> r.path().endsWith("/progress"))
                    .map(r -> r.body().get("portsProbed").asLong()).toList();
            assertThat(probed).isSorted();
            assertThat(probed.get(probed.size() - 1)).isGreaterThanOrEqualTo(2);

            // the state file: what enroll answered, mode 0600, with the instance id the enroll request carried
            Path file = stateDir.resolve("state").resolve("daemon.json");
            JsonNode saved = JSON.readTree(file.toFile());
            assertThat(saved.get("credential").asText()).isEqualTo(credential);
            assertThat(saved.get("daemonId")).isEqualTo(bound.bound("daemonId"));
            assertThat(saved.get("networkId")).isEqualTo(bound.bound("networkId"));
            assertThat(saved.get("networkName").asText()).isEqualTo("Home lab");
            assertThat(saved.get("instanceId")).isEqualTo(bound.bound("instanceId"));
            assertThat(saved.get("server").asText()).isEqualTo(server.url().toString());
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
            List<String> leftovers = new ArrayList<>();
            try (var files = Files.list(file.getParent())) {
                files.forEach(f -> leftovers.add(f.getFileName().toString()));
            }
            assertThat(leftovers).containsExactly("daemon.json");
        }
    }
}
