package io.topograph.scanner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.topograph.scanner.daemon.DaemonConfig;
import io.topograph.scanner.daemon.ScriptedServer;
import io.topograph.scanner.daemon.ScriptedServer.Reply;
import io.topograph.scanner.daemon.ScriptedServer.Request;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** enroll and run from the command line: the state file, what is printed, exit codes, where settings come from. */
class DaemonCommandsTest {

    private static final String CREDENTIAL = "tgd_cli-credential-91b0";
    private static final Reply ENROLLED = Reply.json(201, "{\"daemonId\":\"d-cli\",\"credential\":\"" + CREDENTIAL + "\",\"networkId\":\"n-1\","
            + "\"networkName\":\"Home lab\",\"heartbeatSeconds\":30,\"leaseSeconds\":90}");

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    /** Runs the CLI with this environment and no default configuration file of the machine. */
    private synchronized Run run(Map<String, String> env, String... args) {
        return run(env, dir.resolve("no-default.conf"), args);
    }

    private static synchronized Run run(Map<String, String> env, Path defaultFile, String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.execute(env, defaultFile, args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void enroll_saves_the_credential_readable_only_by_the_daemon_and_never_prints_it() throws Exception {
        try (ScriptedServer s = new ScriptedServer((path, nth, r) -> path.equals("/enroll") ? ENROLLED : null)) {
            Path state = dir.resolve("state");
            Run r = run(Map.of(), "enroll", "--server", s.url() + "/", "--token", "tge_first", "--state-dir", state.toString(),
                    "--name", "rack-a");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).contains("enrolled: daemon d-cli in network \"Home lab\"").contains("topograph-daemon run --state-dir " + state);
            assertThat(r.out() + r.err()).doesNotContain(CREDENTIAL).doesNotContain("tge_first");

            Path file = state.resolve("daemon.json");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state))).isEqualTo("rwx------");
            JsonNode saved = new ObjectMapper().readTree(file.toFile());
            assertThat(saved.get("credential").asText()).isEqualTo(CREDENTIAL);
            assertThat(saved.get("daemonId").asText()).isEqualTo("d-cli");
            assertThat(saved.get("networkName").asText()).isEqualTo("Home lab");
            assertThat(saved.get("server").asText()).isEqualTo(s.url() + "/");

            Request enroll = s.requests().get(0);
            assertThat(enroll.path()).isEqualTo("/api/daemon/v1/enroll");
            assertThat(enroll.authorization()).isNull();
            assertThat(enroll.body().get("token").asText()).isEqualTo("tge_first");
            assertThat(enroll.body().get("name").asText()).isEqualTo("rack-a");
            assertThat(enroll.body().get("instanceId").asText()).isEqualTo(saved.get("instanceId").asText());
            assertThat(enroll.body().get("capabilities")).isNotEmpty();

            Run again = run(Map.of(), "enroll", "--server", s.url().toString(), "--token", "tge_first", "--state-dir", state.toString());
            assertThat(again.code()).isZero();
            assertThat(again.err()).contains("replacing the enrollment of daemon d-cli");
            assertThat(s.requests().get(1).body().get("instanceId").asText()).as("a retried enroll is recognisable")
                    .isEqualTo(saved.get("instanceId").asText());
            assertThat(s.requests().get(1).body().get("name").isNull()).as("no name: the server uses the hostname").isTrue();
        }
    }

    @Test
    void a_refused_enrollment_token_exits_4_and_says_to_create_a_new_one() throws Exception {
        try (ScriptedServer s = new ScriptedServer((path, nth, r) -> Reply.json(401, "{\"message\":\"token expired\",\"errors\":[]}"))) {
            Run r = run(Map.of(), "enroll", "--server", s.url().toString(), "--token", "tge_old", "--state-dir", dir.resolve("state").toString());
            assertThat(r.code()).isEqualTo(Main.EXIT_REFUSED);
            assertThat(r.err()).contains("refused the enrollment token (401: token expired)").contains("Create a new enrollment token");
            assertThat(s.requests()).hasSize(1);
        }
    }

    @Test
    void run_settings_come_from_flags_then_the_environment_then_the_file_then_defaults() throws Exception {
        Path state = dir.resolve("state");
        Path file = dir.resolve("daemon.conf");
        Files.writeString(file, "# daemon settings\nTOPOGRAPH_DEFAULT_TARGETS=224.0.0.1\nTOPOGRAPH_STATE_DIR=" + state + "\n");
        Run fromFile = run(Map.of(), "run", "--config", file.toString());
        assertThat(fromFile.code()).isEqualTo(Main.EXIT_USAGE);
        assertThat(fromFile.err()).contains("default targets: ").contains("224.0.0.1");
        Run envWins = run(Map.of("TOPOGRAPH_CONFIG", file.toString(), "TOPOGRAPH_DEFAULT_TARGETS", "224.0.0.2"), "run");
        assertThat(envWins.err()).contains("224.0.0.2").doesNotContain("224.0.0.1");
        Run flagWins = run(Map.of("TOPOGRAPH_DEFAULT_TARGETS", "224.0.0.2"), "run", "--config", file.toString(), "--default-targets", "224.0.0.3");
        assertThat(flagWins.err()).contains("224.0.0.3").doesNotContain("224.0.0.2");
        // the default file, with option-name keys and a quoted value
        Path defaultFile = dir.resolve("etc-daemon.conf");
        Files.writeString(defaultFile, "run.default-targets=\"224.0.0.4\"\nstate-dir=" + state + "\n");
        Run fromDefault = run(Map.of(), defaultFile, "run");
        assertThat(fromDefault.err()).contains("224.0.0.4");
        Run noDefaultFile = run(Map.of("TOPOGRAPH_CONFIG", ""), defaultFile, "run", "--state-dir", state.toString());
        assertThat(noDefaultFile.err()).as("TOPOGRAPH_CONFIG= turns the default file off").contains("not enrolled");
        // defaults
        assertThat(DaemonConfig.of(null, null, state).defaultTargets()).isEqualTo("127.0.0.1");
        assertThat(DaemonConfig.defaultStateDir(Map.of("TOPOGRAPH_STATE_DIR", "/srv/td"))).isEqualTo(Path.of("/srv/td"));
        Path expected = Files.isWritable(Path.of("/var/lib")) || Files.isWritable(DaemonConfig.SYSTEM_STATE_DIR)
                ? DaemonConfig.SYSTEM_STATE_DIR : Path.of(System.getProperty("user.home"), ".local", "state", "topograph-daemon");
        assertThat(DaemonConfig.defaultStateDir(Map.of())).isEqualTo(expected);
        assertThat(Files.exists(state)).as("nothing written").isFalse();
    }

    @Test
    void run_enrolls_first_with_the_server_and_token_of_its_configuration() throws Exception {
        try (ScriptedServer s = new ScriptedServer((path, nth, r) -> switch (path) {
            case "/enroll" -> ENROLLED;
            default -> Reply.json(401, "{\"message\":\"credential rotated\",\"errors\":[]}");
        })) {
            Path state = dir.resolve("state");
            Path file = dir.resolve("daemon.conf");
            Files.writeString(file, "TOPOGRAPH_SERVER=" + s.url() + "\nTOPOGRAPH_ENROLLMENT_TOKEN=tge_from_file\nTOPOGRAPH_DAEMON_NAME=\"rack b\"\n");
            Map<String, String> env = new HashMap<>();
            env.put("TOPOGRAPH_CONFIG", file.toString());
            env.put("TOPOGRAPH_ENROLLMENT_TOKEN", "tge_from_env");
            env.put("TOPOGRAPH_STATE_DIR", state.toString());
            env.put("TOPOGRAPH_NO_RDNS", "true");
            Run r = run(env, "run");
            assertThat(r.code()).isEqualTo(Main.EXIT_REFUSED);
            List<Request> requests = s.requests();
            assertThat(requests).extracting(Request::path).containsExactly("/api/daemon/v1/enroll", "/api/daemon/v1/heartbeat");
            assertThat(requests.get(0).body().get("token").asText()).isEqualTo("tge_from_env");
            assertThat(requests.get(0).body().get("name").asText()).isEqualTo("rack b");
            assertThat(requests.get(1).authorization()).isEqualTo("Bearer " + CREDENTIAL);
            assertThat(r.err()).contains("enrolled as daemon d-cli").contains("refused this daemon's credential (401: credential rotated)")
                    .contains("topograph-daemon enroll --server " + s.url()).doesNotContain(CREDENTIAL).doesNotContain("tge_from");
            assertThat(Files.readString(state.resolve("daemon.json"))).contains("d-cli");
        }
    }
}
